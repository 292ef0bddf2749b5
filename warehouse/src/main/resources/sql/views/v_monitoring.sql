-- v_monitoring: return-to-poverty monitoring (防止返贫动态监测), one row per period and region
-- (every level) with at least one monitored household in the period's snapshot. Households with
-- status 注销 count nowhere. A household is monitored once it has a monitoring_type (taken in on
-- monitored_on), whether or not its risk has since been eliminated; at risk while it is
-- monitored and risk_eliminated is not true.
CREATE VIEW v_monitoring AS
WITH households AS (
  SELECT s.period, s.status, s.member_count, s.monitoring_type,
         s.monitoring_type IS NOT NULL AND s.risk_eliminated IS NOT TRUE AS at_risk,
         date_trunc('month', s.monitored_on) = s.period AS newly_monitored,
         s.risk_eliminated IS TRUE AND date_trunc('month', s.risk_eliminated_on) = s.period AS eliminated_in_month,
         v.region_code AS village_code, v.parent_code AS township_code, v.county_code, v.city_code, v.province_code
  FROM fact_household_snapshot AS s
  JOIN dim_region AS v ON v.region_code = s.village_code
  WHERE s.status <> '注销'
),
household_regions AS (
  -- each household counts in its village and in every region above it
  SELECT * EXCLUDE (village_code, township_code, county_code, city_code, province_code),
         unnest([village_code, township_code, county_code, city_code, province_code]) AS region_code
  FROM households
),
counts AS (
  SELECT
    period,
    region_code,
    count(*) FILTER (WHERE monitoring_type IS NOT NULL) AS monitored_households,
    coalesce(sum(member_count) FILTER (WHERE monitoring_type IS NOT NULL), 0) AS monitored_persons,
    count(*) FILTER (WHERE monitoring_type = '脱贫不稳定户') AS unstable_households,
    count(*) FILTER (WHERE monitoring_type = '边缘易致贫户') AS edge_households,
    count(*) FILTER (WHERE monitoring_type = '突发严重困难户') AS hardship_households,
    count(*) FILTER (WHERE newly_monitored) AS newly_monitored_households,
    count(*) FILTER (WHERE eliminated_in_month) AS eliminated_households,
    count(*) FILTER (WHERE at_risk) AS at_risk_households,
    coalesce(sum(member_count) FILTER (WHERE at_risk), 0) AS at_risk_persons,
    count(*) FILTER (WHERE status = '已脱贫') AS exited_households,
    count(*) FILTER (WHERE status = '已脱贫' AND monitoring_type IS NOT NULL) AS exited_monitored_households
  FROM household_regions
  WHERE region_code IS NOT NULL
  GROUP BY period, region_code
)
SELECT
  c.period,
  strftime(c.period, '%Y-%m') AS period_label,
  CAST(year(c.period) AS INTEGER) AS year,
  CAST(month(c.period) AS INTEGER) AS month,
  c.region_code,
  r.region_name,
  r.region_level,
  c.monitored_households,
  CAST(c.monitored_persons AS BIGINT) AS monitored_persons,
  c.unstable_households,
  c.edge_households,
  c.hardship_households,
  c.newly_monitored_households,
  c.eliminated_households,
  c.at_risk_households,
  CAST(c.at_risk_persons AS BIGINT) AS at_risk_persons,
  c.exited_households,
  c.exited_monitored_households,
  100.0 * c.exited_monitored_households / nullif(c.exited_households, 0) AS exited_monitored_rate
FROM counts AS c
JOIN dim_region AS r ON r.region_code = c.region_code
WHERE c.monitored_households > 0;
