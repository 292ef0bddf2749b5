-- v_progress_league: the monthly ranking (大比武) of reporting units within their city.
-- A unit with no indicator scored (none with annual_target > 0) has a null score and rank.
CREATE VIEW v_progress_league AS
WITH units AS (
  SELECT
    p.period,
    r.city_code,
    p.region_code,
    p.region_name,
    count(*) FILTER (WHERE p.annual_target > 0) AS indicators_scored,
    avg(least(p.completion_rate, 100.0)) FILTER (WHERE p.annual_target > 0) AS score
  FROM v_progress AS p
  JOIN dim_region AS r ON r.region_code = p.region_code
  WHERE p.region_level = 'county'
  GROUP BY p.period, r.city_code, p.region_code, p.region_name
),
final AS (
  SELECT
    u.period,
    u.city_code,
    c.region_name AS city_name,
    u.region_code,
    u.region_name,
    u.indicators_scored,
    u.score,
    CASE WHEN u.score IS NOT NULL
         THEN rank() OVER (PARTITION BY u.period, u.city_code, u.score IS NULL ORDER BY u.score DESC) END
      AS rank_in_city
  FROM units AS u
  LEFT JOIN dim_region AS c ON c.region_code = u.city_code
)
SELECT period, strftime(period, '%Y-%m') AS period_label, * EXCLUDE (period) FROM final;
