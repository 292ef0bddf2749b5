-- fact_household_event, for one period P: status transitions from consecutive snapshots of each
-- county (the county's periods with snapshot rows, carried-forward ones included), read from P's
-- snapshot and the previous snapshot period's. For a county's snapshot at P and its previous one
-- at P' (none at the county's first period, which is the baseline and has no events):
--   identified  in P with a status other than 监测户, not in P' (from_status NULL); or from 注销 or
--               监测户 in P' to 未脱贫 or 返贫 in P (a monitored household fallen into poverty)
--   exited      from 未脱贫 or 返贫 to 已脱贫
--   returned    from 已脱贫 to 返贫
--   removed     from any other status to 注销
--   relocated   relocated false or NULL in P', true in P (status unchanged or not)
--   missing     in P' with a status other than 注销, not in P (to_status NULL)
--   monitored   a monitoring_type in P, none in P' (or not in P')
--   risk_eliminated     risk_eliminated true in P, not true in P' (or not in P')
--   monitoring_resumed  risk_eliminated true in P', monitored with risk_eliminated not true in P
-- A household with two transitions in one period (exited and relocated) has two rows.
WITH county_periods AS (
  SELECT DISTINCT county_code, period FROM fact_household_snapshot
),
steps AS (
  SELECT county_code, period, lag(period) OVER (PARTITION BY county_code ORDER BY period) AS previous_period
  FROM county_periods
),
now AS (
  SELECT st.county_code, st.period, s.household_key, s.status, s.relocated, s.monitoring_type, s.risk_eliminated
  FROM steps st
  JOIN fact_household_snapshot s ON s.county_code = st.county_code AND s.period = st.period
  WHERE st.previous_period IS NOT NULL
),
before AS (
  SELECT st.county_code, st.period, s.household_key, s.status, s.relocated, s.monitoring_type, s.risk_eliminated
  FROM steps st
  JOIN fact_household_snapshot s ON s.county_code = st.county_code AND s.period = st.previous_period
),
pairs AS (
  SELECT
    coalesce(n.period, b.period) AS period,
    coalesce(n.household_key, b.household_key) AS household_key,
    coalesce(n.county_code, b.county_code) AS county_code,
    b.status AS from_status,
    n.status AS to_status,
    b.household_key IS NOT NULL AS was_listed,
    n.household_key IS NOT NULL AS is_listed,
    coalesce(b.relocated, false) AS was_relocated,
    coalesce(n.relocated, false) AS is_relocated,
    b.monitoring_type IS NOT NULL AS was_monitored,
    n.monitoring_type IS NOT NULL AS is_monitored,
    coalesce(b.risk_eliminated, false) AS was_eliminated,
    coalesce(n.risk_eliminated, false) AS is_eliminated
  FROM now n
  FULL JOIN before b ON n.county_code = b.county_code AND n.period = b.period AND n.household_key = b.household_key
),
status_events AS (
  SELECT
    period, household_key, county_code, from_status, to_status,
    CASE
      WHEN is_listed AND NOT was_listed THEN CASE WHEN to_status <> '监测户' THEN 'identified' END
      WHEN was_listed AND NOT is_listed THEN CASE WHEN from_status <> '注销' THEN 'missing' END
      WHEN from_status IN ('注销', '监测户') AND is_poor(to_status) THEN 'identified'
      WHEN is_poor(from_status) AND to_status = '已脱贫' THEN 'exited'
      WHEN from_status = '已脱贫' AND to_status = '返贫' THEN 'returned'
      WHEN from_status <> '注销' AND to_status = '注销' THEN 'removed'
    END AS event
  FROM pairs
),
final AS (
  SELECT period, household_key, county_code, event, from_status, to_status
  FROM status_events
  WHERE event IS NOT NULL
  UNION ALL
  SELECT period, household_key, county_code, 'relocated', from_status, to_status
  FROM pairs
  WHERE was_listed AND is_listed AND NOT was_relocated AND is_relocated
  UNION ALL
  SELECT period, household_key, county_code, 'monitored', from_status, to_status
  FROM pairs
  WHERE is_monitored AND NOT was_monitored
  UNION ALL
  SELECT period, household_key, county_code, 'risk_eliminated', from_status, to_status
  FROM pairs
  WHERE is_listed AND is_eliminated AND NOT was_eliminated
  UNION ALL
  SELECT period, household_key, county_code, 'monitoring_resumed', from_status, to_status
  FROM pairs
  WHERE was_listed AND was_eliminated AND is_monitored AND NOT is_eliminated
)
SELECT * FROM final
WHERE period = getvariable('period')
