-- dim_household: the households as a slowly changing dimension (type 2), derived from the
-- snapshots at every publish, so a re-run or a backfill (whole or in parts) gives the same rows.
-- One row per household and version. A version starts in the household's first snapshot and
-- in every later one whose village, poverty cause, status, member_count or any of the five
-- guarantees differs from its previous snapshot (carried-forward rows repeat the previous one).
-- valid_from: the version's first period; valid_to: the next version's valid_from (exclusive),
-- NULL for the household's latest version, which is_current. household_key is the stable
-- pseudonym: the same household keeps it in every run. first_period and last_period: the
-- first and last period the household was sent in (carried-forward rows not counted).
CREATE TABLE dim_household AS
WITH observed AS (
  SELECT
    *,
    {'village_code': village_code, 'poverty_cause': poverty_cause, 'status': status, 'member_count': member_count,
     'food_clothing_secure': food_clothing_secure, 'education_secure': education_secure,
     'medical_secure': medical_secure, 'housing_secure': housing_secure,
     'drinking_water_secure': drinking_water_secure} AS tracked
  FROM fact_household_snapshot
),
starts AS (
  SELECT *
  FROM observed
  QUALIFY tracked IS DISTINCT FROM lag(tracked) OVER (PARTITION BY household_key ORDER BY period)
),
spans AS (
  SELECT *,
    CAST(row_number() OVER w AS INTEGER) AS version,
    lead(period) OVER w AS valid_to
  FROM starts
  WINDOW w AS (PARTITION BY household_key ORDER BY period)
),
sent AS (
  SELECT household_key, min(period) AS first_period, max(period) AS last_period
  FROM fact_household_snapshot
  WHERE NOT carried_forward
  GROUP BY household_key
)
SELECT
  s.household_key,
  s.version,
  s.county_code,
  s.village_code,
  s.identified_year,
  s.poverty_cause,
  s.head_person_key,
  s.status,
  s.member_count,
  s.food_clothing_secure,
  s.education_secure,
  s.medical_secure,
  s.housing_secure,
  s.drinking_water_secure,
  s.period AS valid_from,
  s.valid_to,
  s.valid_to IS NULL AS is_current,
  t.first_period,
  t.last_period
FROM spans s
LEFT JOIN sent t USING (household_key)
ORDER BY s.household_key, valid_from;
