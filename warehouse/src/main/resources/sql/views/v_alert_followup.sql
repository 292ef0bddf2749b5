-- v_alert_followup: each lead and alert from the period it was first flagged in, and what the
-- cadres' visit found (入户核实). One row per flag:
-- - a lead: a row of v_screening_leads whose first_flagged_period is its period (kind 'lead',
--   department, category as reason, amount_yuan);
-- - an alert: a household's reason of v_monitoring_alerts in the first period of a year it had it
--   (kind 'alert', department NULL, reason).
-- flagged_on: the submission deadline day (setting submission_deadline_day) of the month after
-- the flagged period, when the county has the period's leads and alerts.
-- The visit: the subject's earliest verification (v_verifications) visited on or after the
-- first day of the flagged period; days_to_visit = visited_on - flagged_on (negative: before it).
-- on_time: visited within monitoring_visit_days (setting) of flagged_on; overdue: visited later,
-- or not visited and today (current_date) is past flagged_on + monitoring_visit_days.
-- confirmed_monitored: concluded 纳入监测, and a later registry snapshot (a period after the flagged
-- one) holds the subject's household (for a person outside the registry: a household with the
-- person as a member) with a monitoring_type.
CREATE VIEW v_alert_followup AS
WITH days AS (
  SELECT
    max(CASE WHEN name = 'submission_deadline_day' THEN CAST(value AS INTEGER) END) AS deadline_day,
    max(CASE WHEN name = 'monitoring_visit_days' THEN CAST(value AS INTEGER) END) AS visit_days
  FROM setting
),
flags AS (
  SELECT period, county_code, village_code, coalesce(household_key, person_key) AS subject_key,
         registered, 'lead' AS kind, department, category AS reason, amount_yuan
  FROM v_screening_leads
  WHERE first_flagged_period = period
  UNION ALL
  SELECT min(period), any_value(county_code), any_value(village_code), household_key,
         true, 'alert', NULL, reason, NULL
  FROM v_monitoring_alerts
  GROUP BY household_key, reason, year(period)
),
dated AS (
  SELECT f.*, (f.period + INTERVAL 1 MONTH + (d.deadline_day - 1) * INTERVAL 1 DAY)::DATE AS flagged_on,
         d.visit_days
  FROM flags AS f CROSS JOIN days AS d
),
visited AS (
  SELECT f.*, v.visited_on, v.conclusion
  FROM dated AS f
  LEFT JOIN v_verifications AS v ON v.subject_key = f.subject_key AND v.visited_on >= f.period
  QUALIFY row_number() OVER (
    PARTITION BY f.period, f.subject_key, f.kind, f.department, f.reason
    ORDER BY v.visited_on NULLS LAST, v.conclusion
  ) = 1
),
monitored_later AS (
  SELECT s.period, s.household_key AS subject_key FROM fact_household_snapshot AS s
  WHERE s.monitoring_type IS NOT NULL
  UNION ALL
  SELECT s.period, m.person_key FROM fact_household_snapshot AS s
  JOIN fact_member_snapshot AS m ON m.period = s.period AND m.household_key = s.household_key
  WHERE s.monitoring_type IS NOT NULL
)
SELECT
  f.period,
  strftime(f.period, '%Y-%m') AS period_label,
  f.county_code,
  f.village_code,
  f.subject_key,
  f.registered,
  f.kind,
  f.department,
  f.reason,
  f.amount_yuan,
  f.flagged_on,
  f.visited_on,
  f.visited_on - f.flagged_on AS days_to_visit,
  f.conclusion,
  coalesce(f.visited_on - f.flagged_on <= f.visit_days, false) AS on_time,
  CASE
    WHEN f.visited_on IS NOT NULL THEN f.visited_on - f.flagged_on > f.visit_days
    ELSE current_date > f.flagged_on + f.visit_days
  END AS overdue,
  f.conclusion = '纳入监测' AND EXISTS (
    SELECT 1 FROM monitored_later AS l WHERE l.subject_key = f.subject_key AND l.period > f.period
  ) IS TRUE AS confirmed_monitored
FROM visited AS f;
