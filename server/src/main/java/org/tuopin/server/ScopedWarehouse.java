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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.duckdb.DuckDBConnection;
import org.tuopin.warehouse.DuckDb;
import org.tuopin.warehouse.QuerySpill;
import org.tuopin.warehouse.ReadOnlyQueries;

/**
 * One publish as one scope and role sees it, copied out: a DuckDB file of its own (the extract)
 * that holds, under each served relation's own name, a table of only the rows of the scope, only
 * the relations and columns of the role, and for analysts the counts of {@link SuppressedCounts}
 * already NULL. Users' queries run on that file, opened read-only with no access to any other file,
 * so no predicate, error, timing or plan of theirs can touch a row outside the scope or a
 * suppressed value: they are not there. The extract is made by the server's own statements, from
 * the publish attached read-only.
 */
final class ScopedWarehouse implements AutoCloseable {
  private final DuckDBConnection database;
  private final Set<String> served;

  private ScopedWarehouse(DuckDBConnection database, Set<String> served) {
    this.database = database;
    this.served = served;
  }

  /** A publish other than the one asked for is in the serving file now. */
  static final class PublishChanged extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PublishChanged(String message) {
      super(message);
    }
  }

  /** Where an extract is made and how its queries are bounded. */
  record Limits(int memoryMegabytes, int spillMegabytes, int threads) {}

  /**
   * Makes the extract of {@code user}'s scope and role from publish {@code publishId} in {@code
   * servingFile} (refused with {@link PublishChanged} when another publish is there now) and opens
   * it for queries. What the making spills goes beside the extract, and so do its queries' spills.
   *
   * @param suppressedCells the publish's {@link SuppressedCounts}, applied for analysts
   */
  static ScopedWarehouse build(
      Path servingFile,
      long publishId,
      Users.User user,
      Path suppressedCells,
      Path extract,
      Limits limits)
      throws SQLException {
    Path spill = extract.resolveSibling(extract.getFileName() + ".spill");
    try (Connection builder =
            Publishes.PublishedFile.attach(servingFile, publishId, spill, limits);
        Statement s = builder.createStatement()) {
      s.execute("ATTACH '" + sql(extract) + "' AS scoped");
      if (!user.scope().equals(Users.NATIONAL)) {
        // the codes of the scope and everything under it, old codes included
        s.execute(
            "CREATE TEMP TABLE scope_region AS SELECT DISTINCT region_code FROM"
                + " published.main.dim_region_history WHERE '"
                + user.scope()
                + "' IN (region_code, county_code, city_code, province_code)");
      }
      boolean suppressing = user.role() == Role.ANALYST;
      if (suppressing) {
        s.execute(
            "CREATE TEMP TABLE suppressed AS SELECT period, region_code, list(measure) AS measures"
                + " FROM read_parquet('"
                + sql(suppressedCells)
                + "') GROUP BY period, region_code");
      }
      Set<String> published = publishedRelations(s);
      for (ServedRelations.Relation relation : ServedRelations.ALL) {
        if (relation.readableBy(user.role(), user.scope()) && published.contains(relation.name())) {
          s.execute(
              "CREATE TABLE scoped.main."
                  + relation.name()
                  + " AS "
                  + scopedSelect(relation, columns(builder, relation.name()), user, suppressing));
        }
      }
      s.execute("DETACH scoped");
    }
    return open(extract, spill, limits);
  }

  private static ScopedWarehouse open(Path extract, Path spill, Limits limits) throws SQLException {
    DuckDBConnection database =
        (DuckDBConnection)
            DuckDb.openReadOnly(
                extract,
                QuerySpill.settings(
                    Map.of(
                        "memory_limit",
                        limits.memoryMegabytes() + "MB",
                        "threads",
                        String.valueOf(limits.threads())),
                    spill,
                    limits.spillMegabytes()));
    try (Statement s = database.createStatement()) {
      ReadOnlyQueries.lockDown(s, List.of());
      Set<String> served = new TreeSet<>();
      try (ResultSet r =
          s.executeQuery("SELECT table_name FROM duckdb_tables() WHERE NOT internal")) {
        while (r.next()) {
          served.add(r.getString(1));
        }
      }
      return new ScopedWarehouse(database, served);
    } catch (SQLException | RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** The rows and columns of the relation that this user sees, as one SELECT. */
  static String scopedSelect(
      ServedRelations.Relation relation,
      Map<String, String> columns,
      Users.User user,
      boolean suppressing) {
    Optional<ServedRelations.Suppression> suppression =
        suppressing ? ServedRelations.suppressionOf(relation.name()) : Optional.empty();
    List<String> select = new ArrayList<>();
    for (String column : columns.keySet()) {
      select.add(suppression.map(x -> suppressedColumn(x, column)).orElse("t." + column));
    }
    List<String> conditions = new ArrayList<>();
    if (relation.regionColumn() != null && !user.scope().equals(Users.NATIONAL)) {
      conditions.add(
          "t." + relation.regionColumn() + " IN (SELECT region_code FROM temp.scope_region)");
    }
    if (user.role() == Role.ANALYST && relation.analystRows() != null) {
      conditions.add(relation.analystRows());
    }
    String from = " FROM published.main." + relation.name() + " AS t";
    if (suppression.isPresent()) {
      from +=
          " LEFT JOIN temp.suppressed AS s ON s.period = t.period AND s.region_code = t."
              + suppression.get().regionColumn();
    }
    return "SELECT "
        + String.join(", ", select)
        + from
        + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
  }

  /** The column as an analyst sees it: NULL where it is, or is computed from, a suppressed cell. */
  private static String suppressedColumn(ServedRelations.Suppression suppression, String column) {
    List<String> cells =
        suppression.counts().contains(column)
            ? List.of(column)
            : suppression.derived().getOrDefault(column, List.of());
    if (cells.isEmpty()) {
      return "t." + column;
    }
    return "CASE WHEN list_has_any(s.measures, ["
        + String.join(", ", cells.stream().map(c -> "'" + c + "'").toList())
        + "]) THEN NULL ELSE t."
        + column
        + " END AS "
        + column;
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

  private static String sql(Path path) {
    return path.toAbsolutePath().toString().replace("'", "''");
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
