-- v_submission_completeness: per period and expected reporting unit, whether its progress
-- submission arrived, whether on time, and how many indicators it reported. A unit is expected
-- in every refreshed month of a year in which it sent any figure; on time means its first
-- version was reported on or before the configured day of the next month.
CREATE VIEW v_submission_completeness AS
WITH refreshed AS (
  SELECT DISTINCT
    period,
    CAST(period + INTERVAL 1 MONTH + (CAST(s.value AS INTEGER) - 1) * INTERVAL 1 DAY AS DATE) AS deadline
  FROM run_source
  CROSS JOIN setting AS s
  WHERE source = 'submissions' AND s.name = 'submission_deadline_day'
),
expected AS (
  SELECT DISTINCT f.period, f.deadline, p.region_code
  FROM refreshed AS f
  JOIN fact_progress AS p ON year(p.period) = year(f.period)
),
received AS (
  SELECT
    period,
    region_code,
    min(reported_at) AS first_reported_at,
    min(first_ingested_at) AS first_received_at,
    count(DISTINCT indicator_code) AS indicators_reported
  FROM fact_progress
  GROUP BY period, region_code
)
SELECT
  e.period,
  strftime(e.period, '%Y-%m') AS period_label,
  CAST(year(e.period) AS INTEGER) AS year,
  CAST(month(e.period) AS INTEGER) AS month,
  e.region_code,
  r.region_name,
  r.city_code,
  e.deadline,
  s.period IS NOT NULL AS received,
  s.first_reported_at,
  s.first_received_at,
  coalesce(s.first_reported_at <= e.deadline, false) AS on_time,
  coalesce(s.indicators_reported, 0) AS indicators_reported
FROM expected AS e
JOIN dim_region AS r ON r.region_code = e.region_code
LEFT JOIN received AS s ON s.period = e.period AND s.region_code = e.region_code;
