-- household_alert, for one period P whose year has a monitoring line (monitoring_line_of; from
-- 2021 by default): the screening alerts (部门筛查预警) of v_monitoring_alerts. One row per
-- household and reason, for households of P's snapshot with a status other than 注销 that are not
-- at risk (never monitored, or their risk eliminated):
--   income_below_line   per_capita_income below the monitoring line of P's year
--   income_fell         per_capita_income below (1 - monitoring_income_fall_share) times the
--                       household's per_capita_income in the snapshot of P minus 12 months
--   guarantee_lost      one of the five guarantees true in the previous snapshot period, not true
--                       at P (lost_guarantees names them)
WITH settings AS (
  SELECT CAST(value AS DOUBLE) AS fall_share FROM setting WHERE name = 'monitoring_income_fall_share'
),
screened AS (
  SELECT s.*, monitoring_line_of(r.province_code, year(s.period)) AS monitoring_line_yuan
  FROM fact_household_snapshot AS s
  JOIN dim_region AS r ON r.region_code = s.county_code
  WHERE s.period = getvariable('period') AND s.status <> '注销'
    AND (s.monitoring_type IS NULL OR s.risk_eliminated IS TRUE)
),
current AS (
  SELECT * FROM screened WHERE monitoring_line_yuan IS NOT NULL
),
previous_period AS (
  SELECT max(period) AS period FROM fact_household_snapshot WHERE period < getvariable('period')
),
previous AS (
  SELECT s.* FROM fact_household_snapshot AS s JOIN previous_period AS p ON p.period = s.period
),
year_earlier AS (
  SELECT * FROM fact_household_snapshot
  WHERE period = CAST(getvariable('period') - INTERVAL 12 MONTH AS DATE)
),
lost AS (
  SELECT c.*, concat_ws(', ',
           CASE WHEN p.food_clothing_secure AND c.food_clothing_secure IS NOT TRUE THEN 'food_clothing_secure' END,
           CASE WHEN p.education_secure AND c.education_secure IS NOT TRUE THEN 'education_secure' END,
           CASE WHEN p.medical_secure AND c.medical_secure IS NOT TRUE THEN 'medical_secure' END,
           CASE WHEN p.housing_secure AND c.housing_secure IS NOT TRUE THEN 'housing_secure' END,
           CASE WHEN p.drinking_water_secure AND c.drinking_water_secure IS NOT TRUE THEN 'drinking_water_secure' END)
           AS lost_guarantees
  FROM current AS c
  JOIN previous AS p USING (household_key)
),
alerts AS (
  SELECT period, county_code, village_code, household_key, 'income_below_line' AS reason,
         per_capita_income, monitoring_line_yuan, CAST(NULL AS DECIMAL(18,2)) AS income_year_earlier,
         CAST(NULL AS VARCHAR) AS lost_guarantees
  FROM current
  WHERE per_capita_income < monitoring_line_yuan

  UNION ALL
  SELECT c.period, c.county_code, c.village_code, c.household_key, 'income_fell',
         c.per_capita_income, c.monitoring_line_yuan, e.per_capita_income, NULL
  FROM current AS c
  JOIN year_earlier AS e USING (household_key)
  WHERE c.per_capita_income < (1 - (SELECT fall_share FROM settings)) * e.per_capita_income

  UNION ALL
  SELECT period, county_code, village_code, household_key, 'guarantee_lost',
         per_capita_income, monitoring_line_yuan, NULL, lost_guarantees
  FROM lost
  WHERE lost_guarantees <> ''
)
SELECT * FROM alerts
