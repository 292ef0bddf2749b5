-- v_progress: one row per period, region and indicator: each reporting unit that reported the
-- indicator (latest version of its figure), and each city over its units.
CREATE VIEW v_progress AS
WITH figures AS (
  SELECT
    period, region_code, indicator_code,
    arg_max(annual_target, version) AS annual_target,
    arg_max(cumulative_completed, version) AS cumulative_completed,
    arg_max(reported_at, version) AS reported_at,
    count(*) AS versions
  FROM fact_progress
  GROUP BY period, region_code, indicator_code
),
cities AS (
  -- a city's figure: sums over its units that reported the indicator; versions summed too,
  -- reported_at the latest of its units
  SELECT f.period, r.city_code AS region_code, f.indicator_code,
         sum(f.annual_target) AS annual_target,
         sum(f.cumulative_completed) AS cumulative_completed,
         max(f.reported_at) AS reported_at,
         sum(f.versions) AS versions
  FROM figures AS f
  JOIN dim_region AS r ON r.region_code = f.region_code
  WHERE r.city_code IS NOT NULL
  GROUP BY f.period, r.city_code, f.indicator_code
),
all_rows AS (
  SELECT * FROM figures
  UNION ALL
  SELECT * FROM cities
),
with_previous AS (
  SELECT a.*, previous.cumulative_completed AS previous_cumulative_completed
  FROM all_rows AS a
  LEFT JOIN all_rows AS previous
    ON previous.region_code = a.region_code
   AND previous.indicator_code = a.indicator_code
   AND previous.period = CAST(a.period - INTERVAL 1 MONTH AS DATE)
),
final AS (
  SELECT
    w.period,
    CAST(year(w.period) AS INTEGER) AS year,
    CAST(month(w.period) AS INTEGER) AS month,
    w.region_code,
    r.region_name,
    r.region_level,
    w.indicator_code,
    i.indicator_name,
    i.unit,
    CAST(w.annual_target AS DECIMAL(18,2)) AS annual_target,
    CAST(w.cumulative_completed AS DECIMAL(18,2)) AS cumulative_completed,
    CASE WHEN w.annual_target <> 0 THEN 100.0 * CAST(w.cumulative_completed AS DOUBLE) / CAST(w.annual_target AS DOUBLE) END
      AS completion_rate,
    CAST(CASE WHEN month(w.period) = 1 THEN w.cumulative_completed
              ELSE w.cumulative_completed - w.previous_cumulative_completed END AS DECIMAL(18,2)) AS month_completed,
    CAST(w.versions AS BIGINT) AS versions,
    w.reported_at
  FROM with_previous AS w
  JOIN dim_region AS r ON r.region_code = w.region_code
  JOIN dim_indicator AS i ON i.indicator_code = w.indicator_code
)
SELECT period, strftime(period, '%Y-%m') AS period_label, * EXCLUDE (period) FROM final;
