-- v_reconciliation: one row per year, county-level unit and indicator that has a reported figure,
-- a registry figure or a payment that year; the three sides of the same work side by side.
-- Reported: reported_completed, the unit's cumulative_completed of its latest reported month of
--   the year (December when reported; v_progress), and that reported_period.
-- Registry, for two indicators (NULL for the others): the households that became relocated
--   (relocation) or whose housing became secure (house_renovation) in the year, and their persons:
--   true at the county's last snapshot of the year (registry_period), and false or NULL at the
--   household's earliest snapshot from the county's last snapshot of the year before (or 1
--   January) on, before registry_period. A household with no such earlier snapshot, or with
--   status 注销 at registry_period, is not counted.
-- Paid: disbursed_yuan, the net sum of the year's payments (paid_on in the year) of the county
--   and indicator, villages at their county; paid_households, the distinct households named by
--   its positive payments that no reversal names.
-- Gaps: reported_minus_registry = reported_completed − registry_persons when the indicator's unit
--   is 人, − registry_households when it is 户 (NULL otherwise or when a side is missing);
--   registry_minus_paid_households = registry_households − paid_households (a missing side is 0
--   when the other exists).
CREATE VIEW v_reconciliation AS
WITH reported AS (
  SELECT year, region_code AS county_code, indicator_code,
         arg_max(cumulative_completed, period) AS reported_completed, max(period) AS reported_period
  FROM v_progress
  WHERE region_level = 'county'
  GROUP BY year, region_code, indicator_code
),
year_end AS (
  SELECT county_code, year(period) AS year, max(period) AS registry_period
  FROM registry_county_period
  GROUP BY county_code, year(period)
),
registry AS (
  -- the registry side, derived per year from that year's snapshots (derived/registry_change.sql)
  SELECT * FROM registry_change
),
paid AS (
  SELECT year(d.paid_on) AS year, d.county_code, d.indicator_code,
         sum(d.amount_yuan) AS disbursed_yuan,
         count(DISTINCT d.household_key) FILTER (
           WHERE d.amount_yuan > 0 AND NOT EXISTS (SELECT 1 FROM fact_disbursement AS r WHERE r.reverses_txn_id = d.txn_id)
         ) AS paid_households
  FROM fact_disbursement AS d
  GROUP BY year(d.paid_on), d.county_code, d.indicator_code
),
keys AS (
  SELECT year, county_code, indicator_code FROM reported
  UNION SELECT year, county_code, indicator_code FROM registry
  UNION SELECT year, county_code, indicator_code FROM paid
)
SELECT
  k.year, k.county_code, r.region_name AS county_name, k.indicator_code, i.unit,
  rep.reported_completed, rep.reported_period,
  CASE WHEN k.indicator_code IN ('relocation', 'house_renovation') THEN coalesce(g.registry_households, 0) END AS registry_households,
  CASE WHEN k.indicator_code IN ('relocation', 'house_renovation') THEN coalesce(g.registry_persons, 0) END AS registry_persons,
  coalesce(g.registry_period, e.registry_period) AS registry_period,
  CAST(coalesce(p.disbursed_yuan, 0) AS DECIMAL(18,2)) AS disbursed_yuan,
  coalesce(p.paid_households, 0) AS paid_households,
  CASE WHEN k.indicator_code IN ('relocation', 'house_renovation') AND e.registry_period IS NOT NULL THEN
    rep.reported_completed - CASE i.unit WHEN '人' THEN coalesce(g.registry_persons, 0) WHEN '户' THEN coalesce(g.registry_households, 0) END
  END AS reported_minus_registry,
  CASE WHEN k.indicator_code IN ('relocation', 'house_renovation') AND e.registry_period IS NOT NULL THEN
    coalesce(g.registry_households, 0) - coalesce(p.paid_households, 0)
  END AS registry_minus_paid_households
FROM keys AS k
LEFT JOIN reported AS rep USING (year, county_code, indicator_code)
LEFT JOIN registry AS g USING (year, county_code, indicator_code)
LEFT JOIN paid AS p USING (year, county_code, indicator_code)
LEFT JOIN year_end AS e ON e.county_code = k.county_code AND e.year = k.year
LEFT JOIN dim_region AS r ON r.region_code = k.county_code
LEFT JOIN dim_indicator AS i ON i.indicator_code = k.indicator_code;
