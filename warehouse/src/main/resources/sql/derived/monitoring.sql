-- v_monitoring's rows of one period P (every one of its rows depends on P's snapshot and the
-- regions only), kept in agg_v_monitoring.
SELECT * FROM v_monitoring WHERE period = getvariable('period')
