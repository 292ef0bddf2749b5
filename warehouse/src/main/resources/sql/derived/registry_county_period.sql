-- registry_county_period, for one period P: one row per county-level unit with snapshot rows
-- at P, with its number of households (carried-forward ones included).
SELECT county_code, period, count(*) AS households
FROM fact_household_snapshot
WHERE period = getvariable('period')
GROUP BY county_code, period
