package org.tuopin.server;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tuopin.warehouse.DuckDb;
import org.tuopin.warehouse.ReadOnlyQueries;

/** What a statement may name, on DuckDB's own parse tree. */
class QueryGuardTest {
  private static final Set<String> SERVED = Set.of("v_poverty_trend", "dim_region");

  @Test
  void selectsOverServedNamesAndTheirOwnCtesPass() throws Exception {
    try (Connection c = DuckDb.openInMemory()) {
      for (String sql :
          List.of(
              "SELECT * FROM v_poverty_trend",
              "SELECT r.region_name FROM dim_region AS r JOIN V_POVERTY_TREND t USING"
                  + " (region_code)",
              "WITH counties AS (SELECT * FROM dim_region) SELECT count(*) FROM counties",
              "SELECT * FROM dim_region WHERE region_code IN (SELECT region_code FROM"
                  + " v_poverty_trend)",
              "SELECT x FROM range(3) t(x)",
              "SELECT lower(region_name) FROM dim_region")) {
        QueryGuard.check(c, sql, SERVED);
      }
    }
  }

  @Test
  void anyOtherNameTableFunctionOrQualifiedNameIsRefused() throws Exception {
    try (Connection c = DuckDb.openInMemory();
        Statement s = c.createStatement()) {
      for (String sql :
          List.of(
              "SELECT * FROM fact_household_snapshot",
              "SELECT * FROM published.main.dim_region",
              "SELECT * FROM main.dim_region",
              "SELECT * FROM dim_region WHERE region_code IN (SELECT household_key FROM"
                  + " dim_household)",
              "SELECT * FROM read_parquet('/data/lake/x.parquet')",
              "SELECT * FROM query('SELECT 1')",
              "SELECT * FROM duckdb_views()",
              "SELECT * FROM '/etc/passwd'",
              "SELECT published.main.monitoring_line_of('510000', 2021)",
              "SELECT * FROM information_schema.tables")) {
        ReadOnlyQueries.RefusedStatement refused =
            assertThrows(
                ReadOnlyQueries.RefusedStatement.class,
                () -> QueryGuard.check(c, sql, SERVED),
                sql);
        assertTrue(refused.getMessage().startsWith("refused: "), refused.getMessage());
      }
      s.execute("SELECT 1");
    }
  }
}
