-- v_verifications: the cadres' visits (fact_verification) with each subject resolved. A key that is
-- a household_key of the registry stays one; a person_key that is a member of a household (not
-- 注销) in a registry snapshot of a month before the visit's becomes that household's key (the
-- latest such snapshot: the registry the visit list was made from); any other person_key is a
-- person outside the registry. registered: the subject is a household. county_code: the
-- household's, or the county of the person's latest screening signal.
CREATE VIEW v_verifications AS
WITH households AS (
  SELECT DISTINCT household_key FROM fact_household_snapshot
),
memberships AS (
  SELECT m.period, m.person_key, m.household_key
  FROM fact_member_snapshot AS m
  JOIN fact_household_snapshot AS h ON h.period = m.period AND h.household_key = m.household_key
  WHERE h.status <> '注销'
),
places AS (
  SELECT household_key AS place_key, max(county_code) AS county_code
  FROM fact_household_snapshot GROUP BY household_key
  UNION ALL
  SELECT person_key, arg_max(county_code, period) FROM fact_screening_signal GROUP BY person_key
),
resolved AS (
  SELECT v.*, m.household_key AS member_of
  FROM fact_verification AS v
  LEFT JOIN memberships AS m
    ON m.person_key = v.subject_key AND m.period < date_trunc('month', v.visited_on)
  QUALIFY row_number() OVER (
    PARTITION BY v.period, v.subject_key, v.visited_on, v.conclusion
    ORDER BY m.period DESC NULLS LAST
  ) = 1
),
subjects AS (
  SELECT
    r.period,
    CASE WHEN h.household_key IS NOT NULL THEN r.subject_key
         ELSE coalesce(r.member_of, r.subject_key) END AS subject_key,
    h.household_key IS NOT NULL OR r.member_of IS NOT NULL AS registered,
    r.visited_on,
    r.conclusion
  FROM resolved AS r
  LEFT JOIN households AS h ON h.household_key = r.subject_key
)
SELECT
  s.period,
  strftime(s.period, '%Y-%m') AS period_label,
  p.county_code,
  s.subject_key,
  s.registered,
  s.visited_on,
  s.conclusion
FROM subjects AS s
LEFT JOIN places AS p ON p.place_key = s.subject_key;
