-- v_screening_leads_by_county: v_screening_leads counted per period, county and department:
-- leads, those of registered households and of people outside the registry, and the new ones
-- (first flagged in the period).
CREATE VIEW v_screening_leads_by_county AS
SELECT
  l.period,
  l.period_label,
  l.county_code,
  r.region_name AS county_name,
  l.department,
  count(*) AS leads,
  count(*) FILTER (WHERE l.registered) AS registered_leads,
  count(*) FILTER (WHERE NOT l.registered) AS outside_leads,
  count(*) FILTER (WHERE l.first_flagged_period = l.period) AS new_leads
FROM v_screening_leads AS l
LEFT JOIN dim_region AS r ON r.region_code = l.county_code
GROUP BY l.period, l.period_label, l.county_code, r.region_name, l.department;
