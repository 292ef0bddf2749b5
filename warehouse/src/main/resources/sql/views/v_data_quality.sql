-- v_data_quality: per run, source, file and rule, how many rows (1 for a whole file) broke it.
-- The rejected raw text stays in the restricted quarantine area, never in this file.
CREATE VIEW v_data_quality AS
SELECT run_id, period, strftime(period, '%Y-%m') AS period_label, source, file_name, rule, "rows"
FROM run_quality;
