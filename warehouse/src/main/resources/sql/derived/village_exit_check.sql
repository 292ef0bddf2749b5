-- v_village_exit_check's rows of one period P (P's survey, P's snapshot, the population of P's
-- year), kept in agg_v_village_exit_check.
SELECT * FROM v_village_exit_check WHERE period = getvariable('period')
