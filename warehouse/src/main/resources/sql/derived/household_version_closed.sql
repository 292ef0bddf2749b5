-- household_version_closed, for one period P: the versions that P's snapshot ended, one row per
-- household whose version in household_state at P is newer than at the previous snapshot period:
-- the previous version's values, with valid_to = P (exclusive). dim_household is these rows of
-- every period and the latest household_state.
SELECT
  p.household_key, p.version, p.county_code, p.village_code, p.identified_year, p.poverty_cause,
  p.head_person_key, p.status, p.member_count, p.food_clothing_secure, p.education_secure,
  p.medical_secure, p.housing_secure, p.drinking_water_secure, p.monitoring_type, p.risk_type,
  p.monitored_on, p.risk_eliminated, p.risk_eliminated_on, p.valid_from,
  CAST(getvariable('period') AS DATE) AS valid_to
FROM previous_household_state AS p
JOIN household_state AS s ON s.household_key = p.household_key
WHERE s.version > p.version
