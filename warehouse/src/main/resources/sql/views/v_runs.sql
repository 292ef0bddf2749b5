-- v_runs: one row per run and source; outcome is published, gate_stopped or failed.
CREATE VIEW v_runs AS
SELECT run_id, period, strftime(period, '%Y-%m') AS period_label, started_at, finished_at, outcome, source, rows_read, rows_loaded, rows_quarantined
FROM run_source;
