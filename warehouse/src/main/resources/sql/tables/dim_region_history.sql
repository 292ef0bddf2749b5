-- dim_region_history: the regions as a slowly changing dimension (type 2), by year. The region
-- reference (dim_region) is the current one; region_change (from regionChanges in conf) says
-- how a unit was named, or under which parent it stood, up to and including until_year. One row
-- per region and version: its changes by until_year, then the current one. valid_from_year: the
-- year after the previous version's valid_to_year (NULL for the first); valid_to_year: until_year
-- (inclusive), NULL for the current version, which is_current. city_code and province_code of an
-- earlier version are those of its parent then (the parent itself when it is a city).
CREATE TABLE dim_region_history AS
WITH versions AS (
  SELECT c.region_code, c.region_name, c.parent_code, c.until_year,
         CASE p.region_level WHEN 'city' THEN p.region_code ELSE p.city_code END AS city_code,
         p.province_code
  FROM region_change AS c
  LEFT JOIN dim_region AS p ON p.region_code = c.parent_code
  UNION ALL
  SELECT r.region_code, r.region_name, r.parent_code, NULL, r.city_code, r.province_code
  FROM dim_region AS r
)
SELECT
  v.region_code,
  CAST(row_number() OVER w AS INTEGER) AS version,
  v.region_name,
  r.region_level,
  v.parent_code,
  CASE WHEN r.region_level = 'county' THEN r.region_code ELSE r.county_code END AS county_code,
  v.city_code,
  v.province_code,
  r.is_custom,
  lag(v.until_year) OVER w + 1 AS valid_from_year,
  v.until_year AS valid_to_year,
  v.until_year IS NULL AS is_current
FROM versions AS v
JOIN dim_region AS r ON r.region_code = v.region_code
WINDOW w AS (PARTITION BY v.region_code ORDER BY v.until_year NULLS LAST)
ORDER BY v.region_code, version;
