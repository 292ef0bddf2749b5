package org.tuopin.server;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.duckdb.DuckDBConnection;
import org.tuopin.warehouse.DuckDb;
import org.tuopin.warehouse.ReadOnlyQueries;

/**
 * One publish as one user scope and role sees it: an in-memory DuckDB that attaches the published
 * file read-only as {@code published} and defines, under each served relation's own name, a view of
 * that relation cut to the scope (and, for analysts, without household rows and with small village
 * counts suppressed). Its configuration is then locked as the query path's is. Queries run on
 * connections duplicated from it, so they share its cache.
 */
final class ScopedWarehouse implements AutoCloseable {
  /** A count of households or persons: suppressed for analysts at village level when small. */
  private static final Pattern COUNT = Pattern.compile("(^|_)(households|persons)$");

  private final DuckDBConnection database;
  private final Set<String> served;

  private ScopedWarehouse(DuckDBConnection database, Set<String> served) {
    this.database = database;
    this.served = served;
  }

  static ScopedWarehouse open(Path publishedFile, String scope, Role role, int suppressBelow)
      throws SQLException {
    DuckDBConnection database = (DuckDBConnection) DuckDb.openInMemory();
    try (Statement s = database.createStatement()) {
      s.execute(
          "ATTACH '"
              + publishedFile.toAbsolutePath().toString().replace("'", "''")
              + "' AS published (READ_ONLY)");
      if (!scope.equals(Users.NATIONAL)) {
        // the codes of the scope and everything under it, old codes included
        s.execute(
            "CREATE TABLE scope_region AS SELECT DISTINCT region_code FROM"
                + " published.main.dim_region_history WHERE '"
                + scope
                + "' IN (region_code, county_code, city_code, province_code)");
      }
      Set<String> published = publishedRelations(s);
      Set<String> served = new TreeSet<>();
      for (ServedRelations.Relation relation : ServedRelations.ALL) {
        if (relation.readableBy(role, scope) && published.contains(relation.name())) {
          Map<String, String> columns = columns(database, relation.name());
          s.execute(
              "CREATE VIEW "
                  + relation.name()
                  + " AS "
                  + scopedSelect(relation, columns, scope, role, suppressBelow));
          served.add(relation.name());
        }
      }
      ReadOnlyQueries.lockDown(s, "published.main.setting");
      return new ScopedWarehouse(database, served);
    } catch (SQLException | RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** The relation's rows and columns this user sees. */
  static String scopedSelect(
      ServedRelations.Relation relation,
      Map<String, String> columns,
      String scope,
      Role role,
      int suppressBelow) {
    boolean analyst = role == Role.ANALYST;
    List<String> select = new ArrayList<>();
    String village = columns.containsKey("region_level") ? "region_level = 'village'" : "true";
    for (Map.Entry<String, String> column : columns.entrySet()) {
      String name = column.getKey();
      boolean suppressed =
          analyst
              && relation.villageCounts()
              && (COUNT.matcher(name).find() && column.getValue().contains("INT")
                  || name.equals("incidence_rate") && columns.containsKey("poor_persons"));
      if (!suppressed) {
        select.add(name);
      } else {
        // a rate is suppressed with the count of persons it is computed from
        String count = name.equals("incidence_rate") ? "poor_persons" : name;
        select.add(
            "CASE WHEN "
                + village
                + " AND "
                + count
                + " < "
                + suppressBelow
                + " THEN NULL ELSE "
                + name
                + " END AS "
                + name);
      }
    }
    List<String> conditions = new ArrayList<>();
    if (relation.regionColumn() != null && !scope.equals(Users.NATIONAL)) {
      conditions.add(
          relation.regionColumn() + " IN (SELECT region_code FROM memory.main.scope_region)");
    }
    if (analyst && relation.analystRows() != null) {
      conditions.add(relation.analystRows());
    }
    return "SELECT "
        + String.join(", ", select)
        + " FROM published.main."
        + relation.name()
        + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
  }

  /** The names a query may use. */
  Set<String> served() {
    return served;
  }

  /** A connection of its own for one query. */
  Connection connect() throws SQLException {
    return database.duplicate();
  }

  @Override
  public void close() throws SQLException {
    database.close();
  }

  private static Set<String> publishedRelations(Statement s) throws SQLException {
    Set<String> names = new TreeSet<>();
    try (ResultSet r =
        s.executeQuery(
            "SELECT table_name FROM information_schema.tables WHERE table_catalog = 'published'"
                + " AND table_schema = 'main'")) {
      while (r.next()) {
        names.add(r.getString(1));
      }
    }
    return names;
  }

  private static Map<String, String> columns(Connection c, String relation) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_catalog ="
                + " 'published' AND table_schema = 'main' AND table_name = ? ORDER BY"
                + " ordinal_position")) {
      p.setString(1, relation);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          columns.put(r.getString(1), r.getString(2));
        }
      }
    }
    return columns;
  }
}
