-- household_anomaly, for one period P: the household-level findings of v_anomalies that P's
-- own data decides, with what v_anomalies needs to finish them (it drops payments that a
-- reversal names, and keeps one exited_below_line per household and exit year):
--   payment_to_unregistered   a positive payment of P naming a household with no snapshot row
--                             at P, in a county that has a snapshot at P
--   payment_to_removed        a positive payment of P naming a household whose snapshot at P
--                             says 注销
--   person_in_two_households  one person_key in two or more households of P's snapshot
--   exited_below_line         an exited household of P whose income is not above the line of
--                             its exit year (v_household_exit_check)
--   eliminated_below_line     a household of P (not 注销) whose risk is marked eliminated while
--                             its income is not above the monitoring line of P's year, or one of
--                             the five guarantees is not true; detail names the elimination date
--                             and the guarantees missing, poverty_line_yuan holds the
--                             monitoring line
WITH payments AS (
  SELECT * FROM fact_disbursement
  WHERE period = getvariable('period') AND amount_yuan > 0 AND household_key IS NOT NULL
),
eliminated AS (
  SELECT s.period, s.county_code, s.household_key, s.risk_eliminated_on, s.per_capita_income,
         monitoring_line_of(r.province_code, year(s.period)) AS line_yuan,
         concat_ws(', ',
           CASE WHEN s.food_clothing_secure IS NOT TRUE THEN 'food_clothing_secure' END,
           CASE WHEN s.education_secure IS NOT TRUE THEN 'education_secure' END,
           CASE WHEN s.medical_secure IS NOT TRUE THEN 'medical_secure' END,
           CASE WHEN s.housing_secure IS NOT TRUE THEN 'housing_secure' END,
           CASE WHEN s.drinking_water_secure IS NOT TRUE THEN 'drinking_water_secure' END) AS missing
  FROM fact_household_snapshot AS s
  JOIN dim_region AS r ON r.region_code = s.county_code
  WHERE s.period = getvariable('period') AND s.risk_eliminated AND s.status <> '注销'
),
registry_periods AS (
  SELECT DISTINCT county_code, period FROM fact_household_snapshot
),
findings AS (
  SELECT 'payment_to_unregistered' AS kind, p.period, p.county_code AS region_code, p.household_key AS subject,
         'txn ' || p.txn_id || ', ' || p.indicator_code || ', ' || p.amount_yuan || ' yuan' AS detail,
         p.txn_id, CAST(NULL AS INTEGER) AS exit_year, CAST(NULL AS DECIMAL(18,2)) AS per_capita_income,
         CAST(NULL AS DECIMAL(18,2)) AS poverty_line_yuan
  FROM payments AS p
  JOIN registry_periods AS g ON g.county_code = p.county_code AND g.period = p.period
  WHERE NOT EXISTS (
    SELECT 1 FROM fact_household_snapshot AS s WHERE s.period = p.period AND s.household_key = p.household_key)

  UNION ALL
  SELECT 'payment_to_removed', p.period, p.county_code, p.household_key,
         'txn ' || p.txn_id || ', ' || p.indicator_code || ', ' || p.amount_yuan || ' yuan',
         p.txn_id, NULL, NULL, NULL
  FROM payments AS p
  JOIN fact_household_snapshot AS s ON s.period = p.period AND s.household_key = p.household_key
  WHERE s.status = '注销'

  UNION ALL
  SELECT 'person_in_two_households', period, min(county_code), person_key,
         count(DISTINCT household_key) || ' households', NULL, NULL, NULL, NULL
  FROM fact_member_snapshot
  WHERE period = getvariable('period')
  GROUP BY period, person_key
  HAVING count(DISTINCT household_key) > 1

  UNION ALL
  SELECT 'exited_below_line', period, county_code, household_key, NULL, NULL, exit_year, per_capita_income,
         poverty_line_yuan
  FROM v_household_exit_check
  WHERE period = getvariable('period') AND status = '已脱贫' AND NOT coalesce(income_above_line, true)

  UNION ALL
  SELECT 'eliminated_below_line', period, county_code, household_key,
         'risk eliminated on ' || risk_eliminated_on || CASE WHEN missing <> '' THEN '; not secure: ' || missing ELSE '' END,
         NULL, NULL, per_capita_income, line_yuan
  FROM eliminated
  WHERE NOT coalesce(per_capita_income > line_yuan, false) OR missing <> ''
)
SELECT * FROM findings
