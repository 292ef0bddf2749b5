-- v_county_exit_check: one row per period and county-level unit with registry households.
-- incidence_rate: as in v_poverty_trend; threshold_percent: the exit threshold of its province.
-- poor_villages: the county's villages whose latest survey at or before the period names them
-- poor villages; villages_meeting_standard: those of them whose that survey meets the village
-- standard (v_village_exit_check); villages_meeting_share = 100 × meeting / poor_villages (NULL
-- when there are none). meets_exit_standard: incidence below the threshold (the county criterion).
CREATE VIEW v_county_exit_check AS
WITH counties AS (
  SELECT t.period, t.region_code AS county_code, t.region_name AS county_name, t.incidence_rate,
         coalesce(own.incidence_percent, fallback.incidence_percent) AS threshold_percent
  FROM v_poverty_trend AS t
  JOIN dim_region AS r ON r.region_code = t.region_code
  LEFT JOIN exit_threshold AS own ON own.province_code = r.province_code
  LEFT JOIN exit_threshold AS fallback ON fallback.province_code IS NULL
  WHERE t.region_level = 'county'
),
latest_surveys AS (
  SELECT c.period, s.county_code, s.village_code, s.is_poor_village, s.period AS survey_period
  FROM counties AS c
  JOIN fact_village_survey AS s ON s.county_code = c.county_code AND s.period <= c.period
  QUALIFY row_number() OVER (PARTITION BY c.period, s.village_code ORDER BY s.period DESC) = 1
),
villages AS (
  SELECT l.period, l.county_code, count(*) AS poor_villages, count(*) FILTER (WHERE v.meets_exit_standard) AS villages_meeting_standard
  FROM latest_surveys AS l
  JOIN v_village_exit_check AS v ON v.village_code = l.village_code AND v.period = l.survey_period
  WHERE l.is_poor_village
  GROUP BY l.period, l.county_code
)
SELECT
  c.period, strftime(c.period, '%Y-%m') AS period_label, year(c.period) AS year, month(c.period) AS month, c.county_code, c.county_name, c.incidence_rate,
  c.threshold_percent,
  c.incidence_rate < c.threshold_percent AS incidence_below_threshold,
  coalesce(v.poor_villages, 0) AS poor_villages,
  coalesce(v.villages_meeting_standard, 0) AS villages_meeting_standard,
  CASE WHEN v.poor_villages > 0 THEN 100.0 * v.villages_meeting_standard / v.poor_villages END AS villages_meeting_share,
  coalesce(c.incidence_rate < c.threshold_percent, false) AS meets_exit_standard
FROM counties AS c
LEFT JOIN villages AS v ON v.period = c.period AND v.county_code = c.county_code;
