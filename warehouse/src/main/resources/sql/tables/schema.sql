-- The published tables that are not lake tables (the lake's are declared in the catalog,
-- org.tuopin.warehouse.catalog.LakeTables); types here are the contract.
-- The registry's poverty statuses, defined once for every view and derivation: a household is
-- poor with status 未脱贫 or 返贫 (a household that returned to poverty is poor again).
CREATE MACRO is_poor(status) AS status IN ('未脱贫', '返贫');

-- The configuration the views depend on (conf/tuopin.yaml), so a view's figures can be explained.
-- The screening's categories (conf screening.categories): when a signal is a lead, per department
-- and category; a NULL threshold makes every signal of its subjects a lead.
CREATE TABLE screening_category (
  department VARCHAR NOT NULL,
  category VARCHAR NOT NULL,
  has_amount BOOLEAN NOT NULL,
  registered_threshold_yuan DECIMAL(18,2),
  other_threshold_yuan DECIMAL(18,2),
  year_to_date BOOLEAN NOT NULL
);
-- Poverty lines (yuan per person per year) by province and year, from conf; province_code NULL
-- is the national line, which applies where a province has none of its own.
-- The monitoring lines (监测范围, from 2021) by province and year, from conf (monitoring.lines);
-- province_code NULL is the national guidance. The line of a year is the row of the latest year
-- up to it: the province's own if it has one, else the national one (macro monitoring_line_of).
CREATE TABLE monitoring_line (
  province_code VARCHAR,
  year INTEGER NOT NULL,
  line_yuan DECIMAL(18,2) NOT NULL
);
-- The lines are read once, as a list, and filtered by a lambda: a correlated subquery here would
-- bind an argument spelled like one of monitoring_line's columns (monitoring_line_of(province_code,
-- year)) to that column instead of the caller's.
CREATE MACRO monitoring_line_of(province, for_year) AS coalesce(
  list_last(list_filter((SELECT list(l ORDER BY l.year) FROM monitoring_line AS l),
                        LAMBDA l: l.province_code = province AND l.year <= for_year)).line_yuan,
  list_last(list_filter((SELECT list(l ORDER BY l.year) FROM monitoring_line AS l),
                        LAMBDA l: l.province_code IS NULL AND l.year <= for_year)).line_yuan);
CREATE TABLE poverty_line (
  province_code VARCHAR,
  year INTEGER NOT NULL,
  line_yuan DECIMAL(18,2) NOT NULL
);
-- Exit thresholds of poverty incidence (percent) by province, from conf; province_code NULL is
-- the default for provinces without their own.
CREATE TABLE exit_threshold (
  province_code VARCHAR,
  incidence_percent DOUBLE NOT NULL
);
-- How units were named or placed before a change, from regionChanges in conf: up to and
-- including until_year, region_code was region_name under parent_code.
CREATE TABLE region_change (
  region_code VARCHAR NOT NULL,
  until_year INTEGER NOT NULL,
  region_name VARCHAR NOT NULL,
  parent_code VARCHAR
);
CREATE TABLE setting (
  name VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);
CREATE TABLE run_source (
  run_id VARCHAR NOT NULL,
  period DATE NOT NULL,
  started_at TIMESTAMP,
  finished_at TIMESTAMP,
  outcome VARCHAR NOT NULL,
  source VARCHAR NOT NULL,
  rows_read BIGINT NOT NULL,
  rows_loaded BIGINT NOT NULL,
  rows_quarantined BIGINT NOT NULL
);
CREATE TABLE run_quality (
  run_id VARCHAR NOT NULL,
  period DATE NOT NULL,
  source VARCHAR NOT NULL,
  file_name VARCHAR NOT NULL,
  rule VARCHAR NOT NULL,
  "rows" BIGINT NOT NULL
);
CREATE TABLE dim_period AS
SELECT
  CAST(month_start AS DATE) AS period,
  strftime(month_start, '%Y-%m') AS period_label,
  CAST(year(month_start) AS INTEGER) AS year,
  CAST(month(month_start) AS INTEGER) AS month,
  CAST(quarter(month_start) AS INTEGER) AS quarter
FROM range(DATE '2013-01-01', DATE '2036-01-01', INTERVAL 1 MONTH) AS t(month_start);
