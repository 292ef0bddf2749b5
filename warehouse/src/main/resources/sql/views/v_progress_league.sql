-- v_progress_league: the monthly ranking (大比武) of reporting units within their city.
-- A unit with no indicator scored (none with annual_target > 0) has a null score and rank.
-- The bulletin's ranking leaves out a unit scored on fewer than the configured share
-- (setting league_minimum_share, conf leagueMinimumShare) of the indicators its city assigned
-- that month: a county ranked first on one indicator of eight would head a table it barely
-- takes part in.
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
city_indicators AS (
  SELECT p.period, r.city_code, count(DISTINCT p.indicator_code) AS city_indicators
  FROM v_progress AS p
  JOIN dim_region AS r ON r.region_code = p.region_code
  WHERE p.region_level = 'county' AND p.annual_target > 0
  GROUP BY p.period, r.city_code
),
minimum_share AS (
  SELECT coalesce(CAST(max(value) FILTER (WHERE name = 'league_minimum_share') AS DOUBLE), 0.5) AS share
  FROM setting
),
scored AS (
  SELECT
    u.*,
    coalesce(ci.city_indicators, 0) AS city_indicators,
    u.score IS NOT NULL AND u.indicators_scored >= m.share * ci.city_indicators AS is_ranked_in_bulletin
  FROM units AS u
  LEFT JOIN city_indicators AS ci ON ci.period = u.period AND ci.city_code = u.city_code
  CROSS JOIN minimum_share AS m
),
ranked AS (
  SELECT
    *,
    CASE WHEN score IS NOT NULL
         THEN rank() OVER (PARTITION BY period, city_code, score IS NULL ORDER BY score DESC) END
      AS rank_in_city,
    CASE WHEN is_ranked_in_bulletin
         THEN rank() OVER (PARTITION BY period, city_code, is_ranked_in_bulletin ORDER BY score DESC) END
      AS bulletin_rank
  FROM scored
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
    u.rank_in_city,
    u.city_indicators,
    u.is_ranked_in_bulletin,
    u.bulletin_rank,
    -- positive: the unit moved up since the previous month's bulletin
    previous.bulletin_rank - u.bulletin_rank AS rank_change
  FROM ranked AS u
  LEFT JOIN dim_region AS c ON c.region_code = u.city_code
  LEFT JOIN ranked AS previous
    ON previous.region_code = u.region_code AND previous.period = u.period - INTERVAL 1 MONTH
)
SELECT period, strftime(period, '%Y-%m') AS period_label, * EXCLUDE (period) FROM final;
