-- v_progress_revisions: each figure that changed after its first version. One row per later
-- version: the values it replaced, the new values, when each was reported, and when Tuopin
-- first received the file carrying the new one.
CREATE VIEW v_progress_revisions AS
SELECT
  p.period,
  strftime(p.period, '%Y-%m') AS period_label,
  CAST(year(p.period) AS INTEGER) AS year,
  CAST(month(p.period) AS INTEGER) AS month,
  p.region_code,
  r.region_name,
  p.indicator_code,
  i.indicator_name,
  i.unit,
  p.version,
  previous.annual_target AS previous_annual_target,
  previous.cumulative_completed AS previous_cumulative_completed,
  p.annual_target,
  p.cumulative_completed,
  previous.reported_at AS previous_reported_at,
  p.reported_at,
  p.first_ingested_at AS received_at
FROM fact_progress AS p
JOIN fact_progress AS previous
  ON previous.period = p.period
 AND previous.region_code = p.region_code
 AND previous.indicator_code = p.indicator_code
 AND previous.version = p.version - 1
JOIN dim_region AS r ON r.region_code = p.region_code
JOIN dim_indicator AS i ON i.indicator_code = p.indicator_code;
