-- v_idle_funds: one row per allocation. disbursed_yuan: every disbursement booked on it, reversals
-- included (net), 0 when none; disbursed_share = 100 × disbursed_yuan / allocated_yuan;
-- idle_yuan = allocated_yuan − disbursed_yuan. as_of_period: the latest period in the warehouse
-- (progress, registry or payments), so the age does not depend on the day of the query.
-- months_since_approval: whole calendar months from approved_on's month to as_of_period's month;
-- age_bucket: 'under 6 months' (< 6), '6-12 months' (6 to 12), 'over 12 months' (> 12).
CREATE VIEW v_idle_funds AS
WITH as_of AS (
  SELECT max(period) AS as_of_period FROM (
    SELECT period FROM fact_progress
    UNION ALL SELECT period FROM registry_county_period
    UNION ALL SELECT period FROM fact_disbursement)
),
paid AS (
  SELECT allocation_id, sum(amount_yuan) AS disbursed_yuan
  FROM fact_disbursement
  WHERE allocation_id IS NOT NULL
  GROUP BY allocation_id
),
aged AS (
  SELECT
    a.allocation_id, a.year, a.region_code, r.region_name, a.fund_source, a.indicator_code, a.approved_on,
    a.amount_yuan AS allocated_yuan,
    CAST(coalesce(p.disbursed_yuan, 0) AS DECIMAL(18,2)) AS disbursed_yuan,
    o.as_of_period,
    (year(o.as_of_period) * 12 + month(o.as_of_period)) - (year(a.approved_on) * 12 + month(a.approved_on)) AS months_since_approval
  FROM fact_allocation AS a
  CROSS JOIN as_of AS o
  LEFT JOIN paid AS p USING (allocation_id)
  LEFT JOIN dim_region AS r ON r.region_code = a.region_code
)
SELECT
  allocation_id, year, region_code, region_name, fund_source, indicator_code, approved_on,
  allocated_yuan, disbursed_yuan,
  CASE WHEN allocated_yuan = 0 THEN NULL ELSE 100.0 * disbursed_yuan / allocated_yuan END AS disbursed_share,
  -- cast: DuckDB 2.0 types the difference DECIMAL(19,2), 1.4 DECIMAL(18,2); a view must bind the same in both
  CAST(allocated_yuan - disbursed_yuan AS DECIMAL(18,2)) AS idle_yuan,
  as_of_period, months_since_approval,
  CASE
    WHEN months_since_approval < 6 THEN 'under 6 months'
    WHEN months_since_approval <= 12 THEN '6-12 months'
    ELSE 'over 12 months'
  END AS age_bucket
FROM aged;
