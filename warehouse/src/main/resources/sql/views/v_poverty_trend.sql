-- v_poverty_trend: the poverty counts and incidence per period and region, as computed at
-- publish into agg_poverty_trend (its definition: sql/derived/agg_poverty_trend.sql).
CREATE VIEW v_poverty_trend AS
SELECT * FROM agg_poverty_trend;
