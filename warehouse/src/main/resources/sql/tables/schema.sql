-- The published tables. Loaded from the lake's Parquet by name; types here are the contract.
-- The registry's poverty statuses, defined once for every view and derivation: a household is
-- poor with status 未脱贫 or 返贫 (a household that returned to poverty is poor again).
CREATE MACRO is_poor(status) AS status IN ('未脱贫', '返贫');

CREATE TABLE dim_region (
  region_code VARCHAR NOT NULL PRIMARY KEY,
  region_name VARCHAR NOT NULL,
  region_level VARCHAR NOT NULL,
  parent_code VARCHAR,
  county_code VARCHAR,
  city_code VARCHAR,
  province_code VARCHAR,
  is_custom BOOLEAN NOT NULL
);
CREATE TABLE dim_indicator (
  indicator_code VARCHAR NOT NULL PRIMARY KEY,
  indicator_name VARCHAR NOT NULL,
  unit VARCHAR NOT NULL
);
CREATE TABLE dim_fund_source (
  fund_source VARCHAR NOT NULL PRIMARY KEY,
  fund_source_name VARCHAR NOT NULL
);
CREATE TABLE fact_household_snapshot (
  period DATE NOT NULL,
  household_key VARCHAR NOT NULL,
  village_code VARCHAR NOT NULL,
  county_code VARCHAR NOT NULL,
  identified_year INTEGER,
  poverty_cause VARCHAR,
  head_person_key VARCHAR,
  status VARCHAR NOT NULL,
  exit_year INTEGER,
  member_count INTEGER NOT NULL,
  per_capita_income DECIMAL(18,2),
  food_clothing_secure BOOLEAN,
  education_secure BOOLEAN,
  medical_secure BOOLEAN,
  housing_secure BOOLEAN,
  drinking_water_secure BOOLEAN,
  relocated BOOLEAN,
  dibao BOOLEAN,
  -- return-to-poverty monitoring (from 2021): NULL for a household never monitored
  monitoring_type VARCHAR,
  risk_type VARCHAR,
  monitored_on DATE,
  risk_eliminated BOOLEAN,
  risk_eliminated_on DATE,
  carried_forward BOOLEAN NOT NULL
);
CREATE TABLE fact_member_snapshot (
  period DATE NOT NULL,
  household_key VARCHAR NOT NULL,
  person_key VARCHAR NOT NULL,
  county_code VARCHAR NOT NULL,
  relation VARCHAR,
  sex VARCHAR,
  birth_year INTEGER,
  health VARCHAR,
  labor VARCHAR,
  in_school BOOLEAN,
  carried_forward BOOLEAN NOT NULL
);
CREATE TABLE fact_progress (
  period DATE NOT NULL,
  region_code VARCHAR NOT NULL,
  indicator_code VARCHAR NOT NULL,
  annual_target DECIMAL(18,2),
  cumulative_completed DECIMAL(18,2),
  reported_at DATE,
  first_ingested_at TIMESTAMP,
  version INTEGER NOT NULL
);
CREATE TABLE fact_allocation (
  allocation_id VARCHAR NOT NULL,
  year INTEGER NOT NULL,
  region_code VARCHAR NOT NULL,
  fund_source VARCHAR NOT NULL,
  indicator_code VARCHAR NOT NULL,
  amount_yuan DECIMAL(18,2) NOT NULL,
  approved_on DATE
);
CREATE TABLE fact_disbursement (
  txn_id VARCHAR NOT NULL,
  paid_on DATE NOT NULL,
  period DATE NOT NULL,
  region_code VARCHAR NOT NULL,
  county_code VARCHAR NOT NULL,
  fund_source VARCHAR NOT NULL,
  indicator_code VARCHAR NOT NULL,
  allocation_id VARCHAR,
  household_key VARCHAR,
  amount_yuan DECIMAL(18,2) NOT NULL,
  reverses_txn_id VARCHAR
);
CREATE TABLE fact_population (
  year INTEGER NOT NULL,
  region_code VARCHAR NOT NULL,
  rural_population BIGINT NOT NULL
);
CREATE TABLE fact_village_survey (
  period DATE NOT NULL,
  village_code VARCHAR NOT NULL,
  county_code VARCHAR NOT NULL,
  is_poor_village BOOLEAN NOT NULL,
  collective_income_yuan DECIMAL(18,2) NOT NULL,
  hardened_road BOOLEAN NOT NULL,
  clinic BOOLEAN NOT NULL,
  culture_room BOOLEAN NOT NULL,
  network BOOLEAN NOT NULL,
  power BOOLEAN NOT NULL
);
-- The departments' screening signals (部门筛查预警), one row per signal as sent; the person by the
-- registry's keyed pseudonym, never by number or name.
CREATE TABLE fact_screening_signal (
  period DATE NOT NULL,
  department VARCHAR NOT NULL,
  category VARCHAR NOT NULL,
  person_key VARCHAR NOT NULL,
  village_code VARCHAR NOT NULL,
  county_code VARCHAR NOT NULL,
  occurred_on DATE NOT NULL,
  amount_yuan DECIMAL(18,2),
  figures_as_of DATE NOT NULL
);
-- What the cadres found (入户核实), as landed: the subject (household_key, or person_key outside the
-- registry), the day of the visit and the conclusion; no name, number or note.
CREATE TABLE fact_verification (
  period DATE NOT NULL,
  subject_key VARCHAR NOT NULL,
  visited_on DATE NOT NULL,
  conclusion VARCHAR NOT NULL
);
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
