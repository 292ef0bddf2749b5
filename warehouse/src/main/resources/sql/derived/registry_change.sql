-- registry_change, for one year Y: the registry side of v_reconciliation. Per county-level unit
-- and indicator (relocation, house_renovation): the households that became relocated, or whose
-- housing became secure, in Y, and their persons: true at the county's last snapshot of Y
-- (registry_period), and false or NULL at the household's earliest snapshot from the county's
-- last snapshot of the year before (or 1 January) on, before registry_period. A household with
-- no such earlier snapshot, or with status 注销 at registry_period, is not counted. Read from
-- the snapshots of Y and the last snapshot period before Y.
WITH year_end AS (
  SELECT county_code, year(period) AS year, max(period) AS registry_period
  FROM fact_household_snapshot
  GROUP BY county_code, year(period)
),
span AS (
  -- from the county's last snapshot of the year before (or 1 January) up to the year's last
  SELECT e.county_code, e.year, e.registry_period,
         coalesce(p.registry_period, make_date(e.year, 1, 1)) AS baseline_from
  FROM year_end AS e
  LEFT JOIN year_end AS p ON p.county_code = e.county_code AND p.year = e.year - 1
  WHERE e.year = getvariable('year')
),
changes AS (
  -- per household: its state at the year's last snapshot and at its earliest snapshot in the span
  SELECT sp.year, sp.county_code, sp.registry_period, s.household_key,
         arg_max(s.member_count, s.period) AS member_count,
         arg_max(s.status, s.period) AS status,
         max(s.period) = sp.registry_period AS at_year_end,
         count(*) FILTER (WHERE s.period < sp.registry_period) > 0 AS seen_before,
         coalesce(arg_max_null(s.relocated, s.period), false) AS relocated_now,
         coalesce(arg_min_null(s.relocated, s.period) FILTER (WHERE s.period < sp.registry_period), false) AS relocated_before,
         coalesce(arg_max_null(s.housing_secure, s.period), false) AS housing_now,
         coalesce(arg_min_null(s.housing_secure, s.period) FILTER (WHERE s.period < sp.registry_period), false) AS housing_before
  FROM span AS sp
  JOIN fact_household_snapshot AS s
    ON s.county_code = sp.county_code AND s.period >= sp.baseline_from AND s.period <= sp.registry_period
  GROUP BY sp.year, sp.county_code, sp.registry_period, s.household_key
),
registry AS (
  SELECT year, county_code, 'relocation' AS indicator_code, any_value(registry_period) AS registry_period,
         count(*) AS registry_households, sum(member_count) AS registry_persons
  FROM changes WHERE at_year_end AND seen_before AND status <> '注销' AND relocated_now AND NOT relocated_before
  GROUP BY year, county_code
  UNION ALL
  SELECT year, county_code, 'house_renovation', any_value(registry_period), count(*), sum(member_count)
  FROM changes WHERE at_year_end AND seen_before AND status <> '注销' AND housing_now AND NOT housing_before
  GROUP BY year, county_code
)
SELECT * FROM registry
