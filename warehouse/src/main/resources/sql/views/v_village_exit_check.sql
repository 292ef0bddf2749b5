-- v_village_exit_check (一低五有): one row per period and village surveyed as a poor village that period.
-- poor_persons: the member_count sum of the village's households with status 未脱贫 or 返贫 in
-- that period's snapshot (0 when none); rural_population: the village's population figure for
-- the period's year; incidence_rate = 100 × poor_persons / rural_population (NULL without a figure).
-- threshold_percent: the exit threshold of the village's province (exit_threshold; province_code
-- NULL is the default). meets_exit_standard: incidence below the threshold, collective income
-- above 0, and a hardened road, a clinic, a culture room and a network (a NULL counts as not met).
CREATE VIEW v_village_exit_check AS
WITH poor AS (
  SELECT period, village_code, CAST(sum(member_count) AS BIGINT) AS poor_persons
  FROM fact_household_snapshot
  WHERE is_poor(status)
  GROUP BY period, village_code
),
checked AS (
  SELECT
    v.period, v.village_code, r.region_name AS village_name, v.county_code, r.province_code,
    coalesce(p.poor_persons, 0) AS poor_persons,
    pop.rural_population,
    CASE WHEN pop.rural_population > 0 THEN 100.0 * coalesce(p.poor_persons, 0) / pop.rural_population END AS incidence_rate,
    coalesce(t.incidence_percent, d.incidence_percent) AS threshold_percent,
    v.collective_income_yuan, v.hardened_road, v.clinic, v.culture_room, v.network
  FROM fact_village_survey AS v
  JOIN dim_region AS r ON r.region_code = v.village_code
  LEFT JOIN poor AS p ON p.period = v.period AND p.village_code = v.village_code
  LEFT JOIN fact_population AS pop ON pop.region_code = v.village_code AND pop.year = year(v.period)
  LEFT JOIN exit_threshold AS t ON t.province_code = r.province_code
  LEFT JOIN exit_threshold AS d ON d.province_code IS NULL
  WHERE v.is_poor_village
)
SELECT
  period, strftime(period, '%Y-%m') AS period_label, year(period) AS year, month(period) AS month, village_code, village_name, county_code,
  poor_persons, rural_population, incidence_rate, threshold_percent,
  incidence_rate < threshold_percent AS incidence_below_threshold,
  collective_income_yuan, hardened_road, clinic, culture_room, network,
  coalesce(incidence_rate < threshold_percent, false) AND collective_income_yuan > 0
    AND coalesce(hardened_road, false) AND coalesce(clinic, false) AND coalesce(culture_room, false)
    AND coalesce(network, false) AS meets_exit_standard
FROM checked;
