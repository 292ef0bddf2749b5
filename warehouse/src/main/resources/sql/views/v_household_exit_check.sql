-- v_household_exit_check: one row per period and household with status 已脱贫 or 未脱贫.
-- line_year: the exit year of an exited household (the period's year when it has none), else
-- the period's year. poverty_line_yuan: the line of the county's province for line_year, or the
-- national line (province_code NULL) where the province has none; NULL where neither exists.
-- income_above_line: per_capita_income > poverty_line_yuan (NULL when either is NULL).
-- meets_exit_standard: income_above_line and all five guarantees true (a NULL counts as not met).
CREATE VIEW v_household_exit_check AS
WITH checked AS (
  SELECT
    s.period, s.household_key, s.county_code, s.village_code, r.province_code, s.status, s.exit_year,
    CASE WHEN s.status = '已脱贫' THEN coalesce(s.exit_year, year(s.period)) ELSE year(s.period) END AS line_year,
    s.per_capita_income,
    s.food_clothing_secure, s.education_secure, s.medical_secure, s.housing_secure, s.drinking_water_secure
  FROM fact_household_snapshot AS s
  JOIN dim_region AS r ON r.region_code = s.county_code
  WHERE s.status IN ('已脱贫', '未脱贫')
),
lined AS (
  SELECT c.*, coalesce(p.line_yuan, n.line_yuan) AS poverty_line_yuan
  FROM checked AS c
  LEFT JOIN poverty_line AS p ON p.province_code = c.province_code AND p.year = c.line_year
  LEFT JOIN poverty_line AS n ON n.province_code IS NULL AND n.year = c.line_year
)
SELECT
  period, strftime(period, '%Y-%m') AS period_label, year(period) AS year, month(period) AS month, household_key, county_code, village_code, status, exit_year,
  line_year, poverty_line_yuan, per_capita_income,
  per_capita_income > poverty_line_yuan AS income_above_line,
  food_clothing_secure, education_secure, medical_secure, housing_secure, drinking_water_secure,
  coalesce(per_capita_income > poverty_line_yuan, false)
    AND coalesce(food_clothing_secure, false) AND coalesce(education_secure, false) AND coalesce(medical_secure, false)
    AND coalesce(housing_secure, false) AND coalesce(drinking_water_secure, false) AS meets_exit_standard
FROM lined;
