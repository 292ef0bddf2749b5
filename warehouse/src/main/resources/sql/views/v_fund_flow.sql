-- v_fund_flow: per year, region (county-level units, cities, provinces), fund source and
-- indicator: allocated in the year, and disbursed (net of reversals) in the year, payments on
-- villages counted at their county.
CREATE VIEW v_fund_flow AS
WITH allocated AS (
  SELECT year, region_code, fund_source, indicator_code, sum(amount_yuan) AS allocated_yuan
  FROM fact_allocation
  GROUP BY ALL
),
disbursed AS (
  SELECT CAST(year(paid_on) AS INTEGER) AS year, county_code AS region_code, fund_source, indicator_code,
         sum(amount_yuan) AS disbursed_yuan
  FROM fact_disbursement
  GROUP BY ALL
),
units AS (
  SELECT
    coalesce(a.year, d.year) AS year,
    coalesce(a.region_code, d.region_code) AS region_code,
    coalesce(a.fund_source, d.fund_source) AS fund_source,
    coalesce(a.indicator_code, d.indicator_code) AS indicator_code,
    a.allocated_yuan,
    d.disbursed_yuan
  FROM allocated AS a
  FULL OUTER JOIN disbursed AS d
    ON a.year = d.year AND a.region_code = d.region_code
   AND a.fund_source = d.fund_source AND a.indicator_code = d.indicator_code
),
rolled_up AS (
  SELECT u.year, r.city_code AS region_code, u.fund_source, u.indicator_code,
         sum(u.allocated_yuan) AS allocated_yuan, sum(u.disbursed_yuan) AS disbursed_yuan
  FROM units AS u JOIN dim_region AS r ON r.region_code = u.region_code
  WHERE r.city_code IS NOT NULL
  GROUP BY ALL
  UNION ALL
  SELECT u.year, r.province_code AS region_code, u.fund_source, u.indicator_code,
         sum(u.allocated_yuan) AS allocated_yuan, sum(u.disbursed_yuan) AS disbursed_yuan
  FROM units AS u JOIN dim_region AS r ON r.region_code = u.region_code
  GROUP BY ALL
),
all_rows AS (
  SELECT * FROM units
  UNION ALL
  SELECT * FROM rolled_up
),
final AS (
  SELECT
    a.year,
    a.region_code,
    r.region_name,
    r.region_level,
    a.fund_source,
    f.fund_source_name,
    a.indicator_code,
    CAST(coalesce(a.allocated_yuan, 0) AS DECIMAL(18,2)) AS allocated_yuan,
    CAST(coalesce(a.disbursed_yuan, 0) AS DECIMAL(18,2)) AS disbursed_yuan,
    CASE WHEN coalesce(a.allocated_yuan, 0) <> 0
         THEN 100.0 * CAST(coalesce(a.disbursed_yuan, 0) AS DOUBLE) / CAST(a.allocated_yuan AS DOUBLE) END
      AS disbursement_rate
  FROM all_rows AS a
  JOIN dim_region AS r ON r.region_code = a.region_code
  LEFT JOIN dim_fund_source AS f ON f.fund_source = a.fund_source
)
SELECT * FROM final;
