-- v_anomalies: one row per finding: kind, period, region_code, subject (a pseudonymous key, a
-- txn_id, an allocation_id, an indicator or a file) and a detail text without personal data.
--   payment_to_unregistered   a payment naming a household that has no snapshot row in the
--                             payment's period, in a county that has a snapshot that period
--   payment_to_removed        a payment naming a household whose snapshot that period says 注销
--   person_in_two_households  one person_key in two or more households of one period's snapshot
--   exited_below_line         an exited household whose income is not above the line of its
--                             exit year: once per household and exit year, at the first period
--   cumulative_fell           a unit's cumulative_completed below its previous month's (same year)
--   over_disbursed            net disbursements on an allocation above its amount, at the period
--                             of its latest payment
--   city_total_mismatch       a city table whose total disagreed with its units (quarantined rows)
--   eliminated_below_line     a household whose risk of returning to poverty is marked
--                             eliminated while its income is not above the monitoring line of
--                             the period's year or a guarantee is not secure: once per household
--                             and detail, at the first period
--   monitored_without_assistance  a household at risk (monitored, risk not eliminated, not 注销)
--                             for more than monitoring_months_without_assistance months (setting)
--                             with no payment to it paid on or after monitored_on: one per
--                             household, at the last period it was sent in
--   duplicate_subsidy         two payments to one household for the same indicator and amount,
--                             paid at most 90 days apart, neither reversed: at the later one
-- Payments here are those with a positive amount; reversals only cancel.
-- The household-level findings are derived per period (derived/household_anomaly.sql).
CREATE VIEW v_anomalies AS
WITH reversed AS (
  SELECT DISTINCT reverses_txn_id AS txn_id FROM fact_disbursement WHERE reverses_txn_id IS NOT NULL
),
payments AS (
  SELECT d.*
  FROM fact_disbursement AS d
  WHERE d.amount_yuan > 0 AND d.txn_id NOT IN (SELECT txn_id FROM reversed)
),
household_payments AS (
  SELECT * FROM payments WHERE household_key IS NOT NULL
),
findings AS (
SELECT kind, period, region_code, subject, detail
FROM household_anomaly
WHERE kind IN ('payment_to_unregistered', 'payment_to_removed') AND txn_id NOT IN (SELECT txn_id FROM reversed)

UNION ALL
SELECT kind, period, region_code, subject, detail
FROM household_anomaly
WHERE kind = 'person_in_two_households'

UNION ALL
SELECT 'exited_below_line', min(period), arg_min(region_code, period), subject,
       'exit year ' || exit_year || ': income ' || arg_min(per_capita_income, period) || ', line ' || any_value(poverty_line_yuan)
FROM household_anomaly
WHERE kind = 'exited_below_line'
GROUP BY subject, exit_year

UNION ALL
SELECT 'eliminated_below_line', min(period), arg_min(region_code, period), subject,
       detail || ': income ' || coalesce(CAST(arg_min(per_capita_income, period) AS VARCHAR), 'unknown')
         || ', line ' || coalesce(CAST(arg_min(poverty_line_yuan, period) AS VARCHAR), 'none')
FROM household_anomaly
WHERE kind = 'eliminated_below_line'
GROUP BY subject, detail

UNION ALL
SELECT 'monitored_without_assistance', h.last_period, h.county_code, h.household_key,
       'at risk since ' || h.monitored_on || ' (' || date_diff('month', date_trunc('month', h.monitored_on), h.last_period)
         || ' months), no payment since'
FROM household_state AS h
WHERE h.monitoring_type IS NOT NULL AND h.risk_eliminated IS NOT TRUE AND h.status <> '注销'
  AND date_diff('month', date_trunc('month', h.monitored_on), h.last_period)
      > (SELECT CAST(value AS INTEGER) FROM setting WHERE name = 'monitoring_months_without_assistance')
  AND NOT EXISTS (
    SELECT 1 FROM household_payments AS p WHERE p.household_key = h.household_key AND p.paid_on >= h.monitored_on)

UNION ALL
SELECT 'cumulative_fell', period, region_code, indicator_code,
       'cumulative ' || cumulative_completed || ' after ' || (cumulative_completed - month_completed) || ' the month before'
FROM v_progress
WHERE month_completed < 0 AND region_level <> 'city'

UNION ALL
SELECT 'over_disbursed', max(d.period), any_value(a.region_code), a.allocation_id,
       'disbursed ' || sum(d.amount_yuan) || ' of ' || any_value(a.amount_yuan) || ' yuan'
FROM fact_allocation AS a
JOIN fact_disbursement AS d ON d.allocation_id = a.allocation_id
GROUP BY a.allocation_id
HAVING sum(d.amount_yuan) > any_value(a.amount_yuan)

UNION ALL
SELECT DISTINCT 'city_total_mismatch', period, CAST(NULL AS VARCHAR), file_name, rows || ' figures differ from the sum of the units'
FROM run_quality
WHERE rule = 'city_total_mismatch'

UNION ALL
SELECT 'duplicate_subsidy', later.period, later.county_code, later.household_key,
       'txn ' || earlier.txn_id || ' and ' || later.txn_id || ', ' || later.indicator_code || ', ' || later.amount_yuan
         || ' yuan, ' || date_diff('day', earlier.paid_on, later.paid_on) || ' days apart'
FROM household_payments AS earlier
JOIN household_payments AS later
  ON later.household_key = earlier.household_key
 AND later.indicator_code = earlier.indicator_code
 AND later.amount_yuan = earlier.amount_yuan
 AND (later.paid_on, later.txn_id) > (earlier.paid_on, earlier.txn_id)
 AND date_diff('day', earlier.paid_on, later.paid_on) <= 90
)
SELECT kind, period, strftime(period, '%Y-%m') AS period_label, region_code, subject, detail
FROM findings;
