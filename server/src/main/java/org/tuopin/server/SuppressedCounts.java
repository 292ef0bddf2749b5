package org.tuopin.server;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.tuopin.server.ComplementarySuppression.Cell;
import org.tuopin.server.ComplementarySuppression.Sum;

/**
 * The counts an analyst does not see, for a whole publish: per period, the cells of the relations
 * {@link ServedRelations#SUPPRESSED} declares (one cell per region and count, shared by the
 * relations that publish the same count), suppressed by {@link ComplementarySuppression}. The
 * pattern is worked out once for the whole country and every analyst's extract applies it, so two
 * users of different scopes see the same cells suppressed.
 *
 * <p>Primary cells: a village's count under {@code serve.suppressBelow}. Sums: each region's count
 * and its child regions' (by {@code dim_region.parent_code}) where they add up exactly, and
 * monitored households = 脱贫不稳定户 + 边缘易致贫户 + 突发严重困难户 in each row. Links: households and their persons
 * ({@code poor_households} with {@code poor_persons}, and so on).
 */
final class SuppressedCounts {
  /** Counts published in each row with their breakdown: total first. */
  static final List<List<String>> ROW_SUMS =
      List.of(
          List.of(
              "monitored_households",
              "unstable_households",
              "edge_households",
              "hardship_households"));

  /** Counts suppressed together. */
  static final List<List<String>> LINKS =
      List.of(
          List.of("poor_households", "poor_persons"),
          List.of("exited_households", "exited_persons"),
          List.of("returned_households", "returned_persons"),
          List.of("monitored_households", "monitored_persons"),
          List.of("at_risk_households", "at_risk_persons"));

  private SuppressedCounts() {}

  /**
   * Writes the suppressed cells of the publish attached as {@code published} to {@code connection}
   * into {@code target} (Parquet: period, region_code, measure); returns how many.
   */
  static long write(DuckDBConnection connection, int suppressBelow, Path target)
      throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(
          "CREATE OR REPLACE TABLE memory.main.suppressed_cell"
              + " (period DATE, region_code VARCHAR, measure VARCHAR)");
    }
    long written = 0;
    for (Date period : periods(connection)) {
      PeriodCells cells = cellsOf(connection, period);
      Set<Cell> suppressed =
          ComplementarySuppression.suppress(
              cells.values(),
              primary(cells.values(), cells.villages(), suppressBelow),
              sums(cells.values(), cells.parents()),
              LINKS);
      try (DuckDBAppender appender = connection.createAppender("main", "suppressed_cell")) {
        for (Cell cell : suppressed) {
          appender.beginRow();
          appender.append(period.toLocalDate());
          appender.append(cell.region());
          appender.append(cell.measure());
          appender.endRow();
          written++;
        }
      }
    }
    try (Statement s = connection.createStatement()) {
      s.execute(
          "COPY (SELECT * FROM memory.main.suppressed_cell ORDER BY ALL) TO '"
              + target.toString().replace("'", "''")
              + "' (FORMAT parquet)");
      s.execute("DROP TABLE memory.main.suppressed_cell");
    }
    return written;
  }

  private static List<Date> periods(Connection connection) throws SQLException {
    List<String> union = new ArrayList<>();
    for (ServedRelations.Suppression relation : ServedRelations.SUPPRESSED) {
      if (!relation.counts().isEmpty()) {
        union.add("SELECT period FROM published.main." + relation.relation());
      }
    }
    List<Date> periods = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT DISTINCT period FROM (" + String.join(" UNION ", union) + ") ORDER BY 1")) {
      while (r.next()) {
        periods.add(r.getDate(1));
      }
    }
    return periods;
  }

  /** A period's cells, which of them are villages', and each cell region's parent. */
  record PeriodCells(Map<Cell, Long> values, Set<String> villages, Map<String, String> parents) {}

  /**
   * Every count of the period: one cell per region and count. A count published by two relations
   * (exited_households by v_poverty_trend and v_monitoring) is one cell, and must agree.
   */
  private static PeriodCells cellsOf(Connection connection, Date period) throws SQLException {
    PeriodCells cells = new PeriodCells(new HashMap<>(), new HashSet<>(), new HashMap<>());
    for (ServedRelations.Suppression relation : ServedRelations.SUPPRESSED) {
      if (relation.counts().isEmpty()) {
        continue;
      }
      String sql =
          "SELECT t."
              + relation.regionColumn()
              + ", r.region_level, r.parent_code, "
              + String.join(", ", relation.counts().stream().map(c -> "t." + c).toList())
              + " FROM published.main."
              + relation.relation()
              + " AS t JOIN published.main.dim_region AS r ON r.region_code = t."
              + relation.regionColumn()
              + " WHERE t.period = ?";
      try (PreparedStatement p = connection.prepareStatement(sql)) {
        p.setDate(1, period);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            add(cells, relation, r, period);
          }
        }
      }
    }
    return cells;
  }

  private static void add(
      PeriodCells cells, ServedRelations.Suppression relation, ResultSet row, Date period)
      throws SQLException {
    String region = row.getString(1);
    if ("village".equals(row.getString(2))) {
      cells.villages().add(region);
    }
    if (row.getString(3) != null) {
      cells.parents().put(region, row.getString(3));
    }
    for (int i = 0; i < relation.counts().size(); i++) {
      Cell cell = new Cell(region, relation.counts().get(i));
      long value = row.getLong(i + 4);
      Long earlier = cells.values().put(cell, value);
      if (earlier != null && earlier != value) {
        throw new IllegalStateException(
            "Two relations publish "
                + cell
                + " of "
                + period
                + " with different values ("
                + earlier
                + ", "
                + value
                + "): the suppression needs one value per cell");
      }
    }
  }

  /** The village cells under the threshold. */
  static Set<Cell> primary(Map<Cell, Long> values, Set<String> villages, int below) {
    Set<Cell> primary = new HashSet<>();
    values.forEach(
        (cell, value) -> {
          if (value < below && villages.contains(cell.region())) {
            primary.add(cell);
          }
        });
    return primary;
  }

  /**
   * The region sums and row sums that hold exactly among the cells, in a fixed order (measure, then
   * region), so that the same cells always give the same pattern.
   */
  static List<Sum> sums(Map<Cell, Long> values, Map<String, String> parents) {
    List<Cell> cells = new ArrayList<>(values.keySet());
    cells.sort(Comparator.comparing(Cell::measure).thenComparing(Cell::region));
    Map<Cell, List<Cell>> children = new LinkedHashMap<>();
    for (Cell cell : cells) {
      String parent = parents.get(cell.region());
      Cell total = parent == null ? null : new Cell(parent, cell.measure());
      if (total != null && values.containsKey(total)) {
        children.computeIfAbsent(total, t -> new ArrayList<>()).add(cell);
      }
    }
    List<Sum> sums = new ArrayList<>();
    children.forEach(
        (total, parts) -> {
          if (values.get(total) == parts.stream().mapToLong(values::get).sum()) {
            sums.add(new Sum(total, parts));
          }
        });
    Set<String> regions = new TreeSet<>();
    values.keySet().forEach(c -> regions.add(c.region()));
    for (String region : regions) {
      for (List<String> row : ROW_SUMS) {
        List<Cell> rowCells = row.stream().map(m -> new Cell(region, m)).toList();
        List<Cell> parts = rowCells.subList(1, rowCells.size());
        if (rowCells.stream().allMatch(values::containsKey)
            && values.get(rowCells.get(0)) == parts.stream().mapToLong(values::get).sum()) {
          sums.add(new Sum(rowCells.get(0), parts));
        }
      }
    }
    return sums;
  }
}
