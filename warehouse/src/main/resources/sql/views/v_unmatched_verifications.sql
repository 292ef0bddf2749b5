-- v_unmatched_verifications: the visits of v_verifications that answer no lead or alert of
-- v_alert_followup: rule unknown_lead when the subject was never flagged, visited_before_flagged
-- when every flag of the subject is of a period after the visit's day.
CREATE VIEW v_unmatched_verifications AS
SELECT
  v.period,
  v.period_label,
  v.county_code,
  v.subject_key,
  v.registered,
  v.visited_on,
  v.conclusion,
  CASE WHEN count(f.subject_key) = 0 THEN 'unknown_lead' ELSE 'visited_before_flagged' END AS rule
FROM v_verifications AS v
LEFT JOIN v_alert_followup AS f ON f.subject_key = v.subject_key
GROUP BY ALL
HAVING count(f.subject_key) FILTER (WHERE f.period <= v.visited_on) = 0;
