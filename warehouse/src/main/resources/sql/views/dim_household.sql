-- dim_household: the households as a slowly changing dimension (type 2). One row per household
-- and version: the versions that a later snapshot closed (household_version_closed, valid_to =
-- the period that started the next one) and each household's current version (the latest
-- household_state, valid_to NULL, is_current). A version starts in the household's first
-- snapshot and in every later one whose village, poverty cause, status, member_count, any of
-- the five guarantees or any of the monitoring values (monitoring_type, risk_type, monitored_on,
-- risk_eliminated, risk_eliminated_on) differs from its previous snapshot (carried-forward rows repeat the
-- previous one); its values are those of its first snapshot. household_key is the stable
-- pseudonym. first_period and last_period: the first and last period the household was sent in
-- (carried-forward rows not counted), the same on every version.
CREATE VIEW dim_household AS
WITH closed AS (
  SELECT c.*, s.first_period, s.last_period
  FROM household_version_closed AS c
  JOIN household_state AS s USING (household_key)
),
versions AS (
  SELECT household_key, version, county_code, village_code, identified_year, poverty_cause, head_person_key, status,
         member_count, food_clothing_secure, education_secure, medical_secure, housing_secure, drinking_water_secure,
         monitoring_type, risk_type, monitored_on, risk_eliminated, risk_eliminated_on,
         valid_from, valid_to, false AS is_current, first_period, last_period
  FROM closed
  UNION ALL
  SELECT household_key, version, county_code, village_code, identified_year, poverty_cause, head_person_key, status,
         member_count, food_clothing_secure, education_secure, medical_secure, housing_secure, drinking_water_secure,
         monitoring_type, risk_type, monitored_on, risk_eliminated, risk_eliminated_on,
         valid_from, CAST(NULL AS DATE), true, first_period, last_period
  FROM household_state
)
SELECT * FROM versions
