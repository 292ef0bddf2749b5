-- v_alert_followup_by_county: v_alert_followup counted per flagged period and county: leads and
-- alerts raised, visited, on time, overdue, and confirmed monitored by a later registry.
CREATE VIEW v_alert_followup_by_county AS
SELECT
  f.period,
  f.period_label,
  f.county_code,
  r.region_name AS county_name,
  count(*) FILTER (WHERE f.kind = 'lead') AS leads_raised,
  count(*) FILTER (WHERE f.kind = 'alert') AS alerts_raised,
  count(*) FILTER (WHERE f.visited_on IS NOT NULL) AS visited,
  count(*) FILTER (WHERE f.on_time) AS on_time,
  count(*) FILTER (WHERE f.overdue) AS overdue,
  count(*) FILTER (WHERE f.confirmed_monitored) AS confirmed_monitored
FROM v_alert_followup AS f
LEFT JOIN dim_region AS r ON r.region_code = f.county_code
GROUP BY f.period, f.period_label, f.county_code, r.region_name;
