-- v_poverty_trend: one row per period and region (every level) that has registry households.
-- Households with status 注销 count nowhere. Poor = 未脱贫 or 返贫; exited = 已脱贫.
-- returned_in_year / newly_poor_in_year: households of the period's snapshot with a `returned`
-- event, or an `identified` event into 未脱贫 or 返贫, in fact_household_event from January of
-- the period's year up to the period (a county's first snapshot is its baseline, with no events).
CREATE VIEW v_poverty_trend AS
WITH year_events AS (
  SELECT s.period, s.household_key,
         bool_or(e.event = 'returned') AS returned_in_year,
         bool_or(e.event = 'identified' AND is_poor(e.to_status)) AS newly_poor_in_year
  FROM fact_household_snapshot AS s
  JOIN fact_household_event AS e
    ON e.household_key = s.household_key AND year(e.period) = year(s.period) AND e.period <= s.period
  WHERE e.event IN ('returned', 'identified')
  GROUP BY s.period, s.household_key
),
households AS (
  SELECT s.period, s.status, s.member_count,
         coalesce(y.returned_in_year, false) AS returned_in_year,
         coalesce(y.newly_poor_in_year, false) AS newly_poor_in_year,
         v.region_code AS village_code, v.parent_code AS township_code, v.county_code, v.city_code, v.province_code
  FROM fact_household_snapshot AS s
  JOIN dim_region AS v ON v.region_code = s.village_code
  LEFT JOIN year_events AS y ON y.period = s.period AND y.household_key = s.household_key
  WHERE s.status <> '注销'
),
household_regions AS (
  -- each household counts in its village and in every region above it
  SELECT period, status, member_count, returned_in_year, newly_poor_in_year,
         unnest([village_code, township_code, county_code, city_code, province_code]) AS region_code
  FROM households
),
counts AS (
  SELECT
    period,
    region_code,
    count(*) FILTER (WHERE is_poor(status)) AS poor_households,
    coalesce(sum(member_count) FILTER (WHERE is_poor(status)), 0) AS poor_persons,
    count(*) FILTER (WHERE status = '已脱贫') AS exited_households,
    coalesce(sum(member_count) FILTER (WHERE status = '已脱贫'), 0) AS exited_persons,
    count(*) FILTER (WHERE status = '返贫') AS returned_households,
    coalesce(sum(member_count) FILTER (WHERE status = '返贫'), 0) AS returned_persons,
    count(*) FILTER (WHERE returned_in_year) AS returned_in_year_households,
    count(*) FILTER (WHERE newly_poor_in_year) AS newly_poor_in_year_households
  FROM household_regions
  WHERE region_code IS NOT NULL
  GROUP BY period, region_code
),
counties_with_households AS (
  SELECT c.period, r.region_code, r.city_code, r.province_code, p.rural_population
  FROM counts AS c
  JOIN dim_region AS r ON r.region_code = c.region_code AND r.region_level = 'county'
  LEFT JOIN fact_population AS p ON p.region_code = r.region_code AND p.year = year(c.period)
),
rolled_up_population AS (
  -- a city or province without its own figure: the sum over its counties with households,
  -- null as soon as one of them has no figure
  SELECT period, city_code AS region_code,
         CASE WHEN count(*) = count(rural_population) THEN sum(rural_population) END AS rural_population
  FROM counties_with_households GROUP BY period, city_code
  UNION ALL
  SELECT period, province_code AS region_code,
         CASE WHEN count(*) = count(rural_population) THEN sum(rural_population) END AS rural_population
  FROM counties_with_households GROUP BY period, province_code
),
final AS (
  SELECT
    c.period,
    CAST(year(c.period) AS INTEGER) AS year,
    CAST(month(c.period) AS INTEGER) AS month,
    c.region_code,
    r.region_name,
    r.region_level,
    c.poor_households,
    CAST(c.poor_persons AS BIGINT) AS poor_persons,
    c.exited_households,
    CAST(c.exited_persons AS BIGINT) AS exited_persons,
    c.returned_households,
    CAST(c.returned_persons AS BIGINT) AS returned_persons,
    c.returned_in_year_households,
    c.newly_poor_in_year_households,
    CAST(coalesce(own.rural_population,
                  CASE WHEN r.region_level IN ('city', 'province') THEN rolled.rural_population END) AS BIGINT)
      AS rural_population
  FROM counts AS c
  JOIN dim_region AS r ON r.region_code = c.region_code
  LEFT JOIN fact_population AS own ON own.region_code = c.region_code AND own.year = year(c.period)
  LEFT JOIN rolled_up_population AS rolled ON rolled.region_code = c.region_code AND rolled.period = c.period
)
SELECT period, strftime(period, '%Y-%m') AS period_label, * EXCLUDE (period), 100.0 * poor_persons / rural_population AS incidence_rate
FROM final;
