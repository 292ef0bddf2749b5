-- household_state, for one period P: one row per household seen in any snapshot up to P, with
-- its version as of P. Built from the state at the previous snapshot period
-- (previous_household_state, empty at the first) and P's snapshot, so each month costs one pass
-- over its own snapshot, however long the history.
-- A household starts a new version at P when P's snapshot has it and its village_code,
-- poverty_cause, status, member_count or any of the five guarantees differs from its current
-- version's (which are those of every snapshot since the version began; a carried-forward row
-- repeats them, so never starts one), or when it has no version yet. A new version takes the
-- values of P's row and valid_from = P; otherwise the previous state is kept as it was.
-- first_period and last_period: the first and last period the household was sent in
-- (carried-forward rows not counted).
WITH snapshot AS (
  SELECT *,
    {'village_code': village_code, 'poverty_cause': poverty_cause, 'status': status, 'member_count': member_count,
     'food_clothing_secure': food_clothing_secure, 'education_secure': education_secure,
     'medical_secure': medical_secure, 'housing_secure': housing_secure,
     'drinking_water_secure': drinking_water_secure} AS tracked
  FROM fact_household_snapshot
  WHERE period = getvariable('period')
),
previous AS (
  SELECT *,
    {'village_code': village_code, 'poverty_cause': poverty_cause, 'status': status, 'member_count': member_count,
     'food_clothing_secure': food_clothing_secure, 'education_secure': education_secure,
     'medical_secure': medical_secure, 'housing_secure': housing_secure,
     'drinking_water_secure': drinking_water_secure} AS tracked
  FROM previous_household_state
),
compared AS (
  SELECT
    s.household_key IS NOT NULL AND (p.household_key IS NULL OR s.tracked IS DISTINCT FROM p.tracked) AS starts_version,
    s.household_key IS NOT NULL AND NOT s.carried_forward AS is_sent,
    s.household_key AS sent_key,
    s.period AS sent_period,
    s.county_code AS sent_county_code, s.village_code AS sent_village_code, s.identified_year AS sent_identified_year,
    s.poverty_cause AS sent_poverty_cause, s.head_person_key AS sent_head_person_key, s.status AS sent_status,
    s.member_count AS sent_member_count, s.food_clothing_secure AS sent_food_clothing_secure,
    s.education_secure AS sent_education_secure, s.medical_secure AS sent_medical_secure,
    s.housing_secure AS sent_housing_secure, s.drinking_water_secure AS sent_drinking_water_secure,
    p.*
  FROM snapshot AS s
  FULL JOIN previous AS p ON p.household_key = s.household_key
),
final AS (
  SELECT
    coalesce(sent_key, household_key) AS household_key,
    CAST(CASE WHEN starts_version THEN coalesce(version, 0) + 1 ELSE version END AS INTEGER) AS version,
    CASE WHEN starts_version THEN sent_county_code ELSE county_code END AS county_code,
    CASE WHEN starts_version THEN sent_village_code ELSE village_code END AS village_code,
    CASE WHEN starts_version THEN sent_identified_year ELSE identified_year END AS identified_year,
    CASE WHEN starts_version THEN sent_poverty_cause ELSE poverty_cause END AS poverty_cause,
    CASE WHEN starts_version THEN sent_head_person_key ELSE head_person_key END AS head_person_key,
    CASE WHEN starts_version THEN sent_status ELSE status END AS status,
    CASE WHEN starts_version THEN sent_member_count ELSE member_count END AS member_count,
    CASE WHEN starts_version THEN sent_food_clothing_secure ELSE food_clothing_secure END AS food_clothing_secure,
    CASE WHEN starts_version THEN sent_education_secure ELSE education_secure END AS education_secure,
    CASE WHEN starts_version THEN sent_medical_secure ELSE medical_secure END AS medical_secure,
    CASE WHEN starts_version THEN sent_housing_secure ELSE housing_secure END AS housing_secure,
    CASE WHEN starts_version THEN sent_drinking_water_secure ELSE drinking_water_secure END AS drinking_water_secure,
    CASE WHEN starts_version THEN sent_period ELSE valid_from END AS valid_from,
    coalesce(first_period, CASE WHEN is_sent THEN sent_period END) AS first_period,
    CASE WHEN is_sent THEN sent_period ELSE last_period END AS last_period
  FROM compared
)
SELECT * FROM final
