-- v_monitoring_alerts: the screening alerts (部门筛查预警) for cadres to visit, one row per period,
-- household and reason (derived/household_alert.sql defines them), from the first year with a
-- monitoring line: households not at risk (never monitored, or their risk eliminated) whose
-- income is below the year's monitoring line (income_below_line), fell by more than
-- monitoring_income_fall_share since the same month a year earlier (income_fell), or who lost one
-- of the five guarantees since the previous snapshot (guarantee_lost).
CREATE VIEW v_monitoring_alerts AS
SELECT
  a.period,
  strftime(a.period, '%Y-%m') AS period_label,
  a.county_code,
  c.region_name AS county_name,
  a.village_code,
  v.region_name AS village_name,
  a.household_key,
  a.reason,
  a.per_capita_income,
  a.monitoring_line_yuan,
  a.income_year_earlier,
  a.lost_guarantees
FROM household_alert AS a
LEFT JOIN dim_region AS c ON c.region_code = a.county_code
LEFT JOIN dim_region AS v ON v.region_code = a.village_code;
