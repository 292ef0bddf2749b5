-- v_screening_leads: the departments' screening (部门筛查预警), one row per period P, subject,
-- department and category that is a lead in P. P is a period with a registry snapshot.
-- A person's figure in P for a department and category: for a year-to-date category
-- (screening_category.year_to_date) the amount of the person's latest signal of P's year up to P
-- (the latest figures_as_of, then the latest period, then the largest amount), not a sum of
-- months; for another category with amounts the sum of the year's signals up to P; for a category
-- without amounts, no figure (every signal counts).
-- Subject: a person who is a member of P's registry snapshot, in a household not 注销, belongs to
-- that household (registered, household_key); anyone else is a rural resident outside the
-- registry (person_key, and the village of the latest signal).
-- A raw lead: a person of the subject reaches the threshold that applies to the subject
-- (registered_threshold_yuan or other_threshold_yuan; a NULL threshold: any signal), and the
-- subject's household is not at risk in P (monitored and its risk not eliminated).
-- Excluded: a raw lead whose subject a visit concluded 排除 (v_verifications) in a month M of P's
-- year before P, when the same department and category was a raw lead of the subject in a period
-- up to M, is a lead in P only if its amount is at least twice that period's (the latest such
-- period, and the latest such visit); without amounts, never again that year.
-- amount_yuan: the largest figure among the subject's persons who reach it; threshold_yuan the
-- threshold applied; first_flagged_period: the first period of P's year, after that visit's month
-- when there was one, in which the same subject, department and category was a lead.
CREATE VIEW v_screening_leads AS
WITH periods AS (
  SELECT DISTINCT period FROM fact_household_snapshot
),
signals_to_date AS (
  SELECT p.period, s.person_key, s.department, s.category, s.amount_yuan, s.figures_as_of,
         s.period AS signal_period, s.village_code, s.county_code, c.year_to_date
  FROM periods AS p
  JOIN fact_screening_signal AS s ON year(s.period) = year(p.period) AND s.period <= p.period
  JOIN screening_category AS c ON c.department = s.department AND c.category = s.category
),
person_figures AS (
  SELECT
    period, person_key, department, category, village_code, county_code,
    CASE
      WHEN year_to_date THEN amount_yuan
      ELSE sum(amount_yuan) OVER (PARTITION BY period, person_key, department, category)
    END AS amount_yuan
  FROM signals_to_date
  QUALIFY row_number() OVER (
    PARTITION BY period, person_key, department, category
    ORDER BY figures_as_of DESC, signal_period DESC, amount_yuan DESC NULLS LAST
  ) = 1
),
registry_members AS (
  SELECT m.period, m.person_key, h.household_key, h.county_code, h.village_code,
         h.monitoring_type IS NOT NULL AND h.risk_eliminated IS NOT TRUE AS at_risk
  FROM fact_member_snapshot AS m
  JOIN fact_household_snapshot AS h ON h.period = m.period AND h.household_key = m.household_key
  WHERE h.status <> '注销' AND m.person_key IN (SELECT person_key FROM fact_screening_signal)
),
subjects AS (
  SELECT f.period, f.person_key, f.department, f.category, f.amount_yuan,
         r.household_key, r.household_key IS NOT NULL AS registered, coalesce(r.at_risk, false) AS at_risk,
         coalesce(r.county_code, f.county_code) AS county_code, coalesce(r.village_code, f.village_code) AS village_code
  FROM person_figures AS f
  LEFT JOIN registry_members AS r ON r.period = f.period AND r.person_key = f.person_key
),
reaching AS (
  SELECT s.*,
         CASE WHEN s.registered THEN c.registered_threshold_yuan ELSE c.other_threshold_yuan END AS threshold_yuan
  FROM subjects AS s
  JOIN screening_category AS c ON c.department = s.department AND c.category = s.category
),
leads AS (
  SELECT period, county_code, village_code, household_key,
         CASE WHEN household_key IS NULL THEN person_key END AS person_key,
         registered, department, category,
         max(amount_yuan) AS amount_yuan, max(threshold_yuan) AS threshold_yuan
  FROM reaching
  WHERE NOT at_risk AND (threshold_yuan IS NULL OR amount_yuan >= threshold_yuan)
  GROUP BY period, county_code, village_code, household_key, CASE WHEN household_key IS NULL THEN person_key END,
           registered, department, category
),
raw_leads AS (
  SELECT *, coalesce(household_key, person_key) AS subject_key FROM leads
),
exclusion_visits AS (
  SELECT subject_key, CAST(date_trunc('month', visited_on) AS DATE) AS visited_month
  FROM v_verifications
  WHERE conclusion = '排除'
),
exclusions AS (
  SELECT r.period, r.subject_key, r.department, r.category, v.visited_month,
         b.amount_yuan AS excluded_amount
  FROM raw_leads AS r
  JOIN exclusion_visits AS v
    ON v.subject_key = r.subject_key AND year(v.visited_month) = year(r.period)
   AND v.visited_month < r.period
  JOIN raw_leads AS b
    ON b.subject_key = r.subject_key AND b.department = r.department AND b.category = r.category
   AND year(b.period) = year(r.period) AND b.period <= v.visited_month
  QUALIFY row_number() OVER (
    PARTITION BY r.period, r.subject_key, r.department, r.category
    ORDER BY v.visited_month DESC, b.period DESC
  ) = 1
),
kept AS (
  SELECT r.*, x.visited_month AS excluded_after
  FROM raw_leads AS r
  LEFT JOIN exclusions AS x
    ON x.period = r.period AND x.subject_key = r.subject_key
   AND x.department = r.department AND x.category = r.category
  WHERE x.visited_month IS NULL OR r.amount_yuan >= 2 * x.excluded_amount
)
SELECT
  period,
  strftime(period, '%Y-%m') AS period_label,
  county_code,
  village_code,
  household_key,
  person_key,
  registered,
  department,
  category,
  CAST(amount_yuan AS DECIMAL(18,2)) AS amount_yuan,
  CAST(threshold_yuan AS DECIMAL(18,2)) AS threshold_yuan,
  min(period) OVER (
    PARTITION BY subject_key, department, category, year(period), excluded_after
  ) AS first_flagged_period
FROM kept;
