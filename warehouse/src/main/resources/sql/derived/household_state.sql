-- household_state, for one period P: one row per household seen in any snapshot up to P, with
-- its version as of P. Built from the state at the previous snapshot period
-- (previous_household_state, empty at the first) and P's snapshot, so each month costs one pass
-- over its own snapshot, however long the history.
-- A household starts a new version at P when P's snapshot has it and its village_code,
-- poverty_cause, status, member_count, any of the five guarantees or any of its monitoring
-- values (monitoring_type, risk_type, monitored_on, risk_eliminated, risk_eliminated_on) differs
-- from its current
-- version's (which are those of every snapshot since the version began; a carried-forward row
-- repeats them, so never starts one), or when it has no version yet. A new version takes the
-- values of P's row and valid_from = P; otherwise the previous state is kept as it was.
-- first_period and last_period: the first and last period the household was sent in
-- (carried-forward rows not counted).
WITH snapshot AS (
  SELECT
    household_key, period, carried_forward,
    {'village_code': village_code, 'poverty_cause': poverty_cause, 'status': status, 'member_count': member_count,
     'food_clothing_secure': food_clothing_secure, 'education_secure': education_secure,
     'medical_secure': medical_secure, 'housing_secure': housing_secure,
     'drinking_water_secure': drinking_water_secure, 'monitoring_type': monitoring_type, 'risk_type': risk_type,
     'monitored_on': monitored_on, 'risk_eliminated': risk_eliminated, 'risk_eliminated_on': risk_eliminated_on} AS tracked,
    {'county_code': county_code, 'identified_year': identified_year, 'head_person_key': head_person_key} AS untracked
  FROM fact_household_snapshot
  WHERE period = getvariable('period')
),
previous AS (
  SELECT
    household_key, version, valid_from, first_period, last_period,
    {'village_code': village_code, 'poverty_cause': poverty_cause, 'status': status, 'member_count': member_count,
     'food_clothing_secure': food_clothing_secure, 'education_secure': education_secure,
     'medical_secure': medical_secure, 'housing_secure': housing_secure,
     'drinking_water_secure': drinking_water_secure, 'monitoring_type': monitoring_type, 'risk_type': risk_type,
     'monitored_on': monitored_on, 'risk_eliminated': risk_eliminated, 'risk_eliminated_on': risk_eliminated_on} AS tracked,
    {'county_code': county_code, 'identified_year': identified_year, 'head_person_key': head_person_key} AS untracked
  FROM previous_household_state
),
compared AS (
  SELECT
    coalesce(s.household_key, p.household_key) AS household_key,
    s.household_key IS NOT NULL AND (p.household_key IS NULL OR s.tracked IS DISTINCT FROM p.tracked) AS starts_version,
    s.household_key IS NOT NULL AND NOT s.carried_forward AS is_sent,
    s.period AS snapshot_period,
    s.tracked AS snapshot_tracked, s.untracked AS snapshot_untracked,
    p.version, p.valid_from, p.first_period, p.last_period, p.tracked, p.untracked
  FROM snapshot AS s
  FULL JOIN previous AS p ON p.household_key = s.household_key
),
final AS (
  SELECT
    household_key,
    CAST(CASE WHEN starts_version THEN coalesce(version, 0) + 1 ELSE version END AS INTEGER) AS version,
    unnest(CASE WHEN starts_version THEN snapshot_tracked ELSE tracked END),
    unnest(CASE WHEN starts_version THEN snapshot_untracked ELSE untracked END),
    CASE WHEN starts_version THEN snapshot_period ELSE valid_from END AS valid_from,
    coalesce(first_period, CASE WHEN is_sent THEN snapshot_period END) AS first_period,
    CASE WHEN is_sent THEN snapshot_period ELSE last_period END AS last_period
  FROM compared
)
SELECT * FROM final
