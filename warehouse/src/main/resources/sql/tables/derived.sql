-- The derived tables: built by Tuopin at publish, one Parquet file per period (or year), from
-- the lake's partitions that decide it (sql/derived/<table>.sql, PublishedSchema.DERIVATIONS).
-- Their types here are the contract; the views read them.
CREATE TABLE household_state (
  household_key VARCHAR NOT NULL,
  version INTEGER NOT NULL,
  county_code VARCHAR,
  village_code VARCHAR,
  identified_year INTEGER,
  poverty_cause VARCHAR,
  head_person_key VARCHAR,
  status VARCHAR,
  member_count INTEGER,
  food_clothing_secure BOOLEAN,
  education_secure BOOLEAN,
  medical_secure BOOLEAN,
  housing_secure BOOLEAN,
  drinking_water_secure BOOLEAN,
  monitoring_type VARCHAR,
  risk_type VARCHAR,
  monitored_on DATE,
  risk_eliminated BOOLEAN,
  risk_eliminated_on DATE,
  valid_from DATE,
  first_period DATE,
  last_period DATE
);
-- the columns of household_state but first_period and last_period (dim_household takes the
-- household's), and valid_to
CREATE TABLE household_version_closed AS
SELECT * EXCLUDE (first_period, last_period), CAST(NULL AS DATE) AS valid_to FROM household_state LIMIT 0;
CREATE TABLE fact_household_event (
  period DATE NOT NULL,
  household_key VARCHAR NOT NULL,
  county_code VARCHAR NOT NULL,
  event VARCHAR NOT NULL,
  from_status VARCHAR,
  to_status VARCHAR
);
CREATE TABLE household_alert (
  period DATE NOT NULL,
  county_code VARCHAR NOT NULL,
  village_code VARCHAR,
  household_key VARCHAR NOT NULL,
  reason VARCHAR NOT NULL,
  per_capita_income DECIMAL(18,2),
  monitoring_line_yuan DECIMAL(18,2),
  income_year_earlier DECIMAL(18,2),
  lost_guarantees VARCHAR
);
CREATE TABLE registry_county_period (
  county_code VARCHAR NOT NULL,
  period DATE NOT NULL,
  households BIGINT NOT NULL
);
CREATE TABLE household_anomaly (
  kind VARCHAR NOT NULL,
  period DATE NOT NULL,
  region_code VARCHAR,
  subject VARCHAR,
  detail VARCHAR,
  txn_id VARCHAR,
  exit_year INTEGER,
  per_capita_income DECIMAL(18,2),
  poverty_line_yuan DECIMAL(18,2)
);
CREATE TABLE registry_change (
  year BIGINT NOT NULL,
  county_code VARCHAR NOT NULL,
  indicator_code VARCHAR NOT NULL,
  registry_period DATE,
  registry_households BIGINT NOT NULL,
  registry_persons BIGINT
);
