-- v_poverty_trend's rows of one period P (every one of its rows depends on P's snapshot, the
-- population of P's year and the regions only), kept in agg_v_poverty_trend.
SELECT * FROM v_poverty_trend WHERE period = getvariable('period')
