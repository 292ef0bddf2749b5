package org.tuopin.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/** Writes the configuration and the run records into the published tables that hold them. */
final class SettingsTables {
  private SettingsTables() {}

  /**
   * The configuration the views and derivations use: poverty and monitoring lines, exit thresholds,
   * region changes, and the monitoring's thresholds (in {@code setting}).
   */
  static void insertConfiguration(Connection connection, PublishSettings settings)
      throws SQLException {
    insertAll(
        connection,
        "INSERT INTO setting VALUES (?, ?)",
        List.of(
            List.of(
                "monitoring_months_without_assistance",
                String.valueOf(settings.monitoring().monthsWithoutAssistance())),
            List.of(
                "monitoring_income_fall_share",
                String.valueOf(settings.monitoring().incomeFallShare())),
            List.of("monitoring_visit_days", String.valueOf(settings.monitoring().visitDays()))),
        (insert, setting) -> {
          insert.setString(1, setting.get(0));
          insert.setString(2, setting.get(1));
        });
    insertAll(
        connection,
        "INSERT INTO poverty_line VALUES (?, ?, ?)",
        settings.povertyLines(),
        (insert, line) -> {
          insert.setString(1, line.provinceCode());
          insert.setInt(2, line.year());
          insert.setBigDecimal(3, line.lineYuan());
        });
    insertAll(
        connection,
        "INSERT INTO monitoring_line VALUES (?, ?, ?)",
        settings.monitoring().lines(),
        (insert, line) -> {
          insert.setString(1, line.provinceCode());
          insert.setInt(2, line.year());
          insert.setBigDecimal(3, line.lineYuan());
        });
    insertAll(
        connection,
        "INSERT INTO screening_category VALUES (?, ?, ?, ?, ?, ?)",
        settings.monitoring().screening(),
        (insert, category) -> {
          insert.setString(1, category.department());
          insert.setString(2, category.category());
          insert.setBoolean(3, category.hasAmount());
          insert.setBigDecimal(4, category.registeredThresholdYuan());
          insert.setBigDecimal(5, category.otherThresholdYuan());
          insert.setBoolean(6, category.yearToDate());
        });
    insertAll(
        connection,
        "INSERT INTO exit_threshold VALUES (?, ?)",
        settings.exitThresholds(),
        (insert, threshold) -> {
          insert.setString(1, threshold.provinceCode());
          insert.setDouble(2, threshold.incidencePercent());
        });
    insertAll(
        connection,
        "INSERT INTO region_change VALUES (?, ?, ?, ?)",
        settings.regionChanges(),
        (insert, change) -> {
          insert.setString(1, change.regionCode());
          insert.setInt(2, change.untilYear());
          insert.setString(3, change.regionName());
          insert.setString(4, change.parentCode());
        });
  }

  /**
   * A text that changes whenever the configuration a derived table may read changes, and only then:
   * the entries sorted, since the configuration's maps iterate in an order that differs from one
   * JVM to the next (a fingerprint that followed it built every derived partition again at every
   * run).
   */
  static String configurationFingerprint(PublishSettings settings) {
    return sorted(settings.povertyLines())
        + "|"
        + sorted(settings.exitThresholds())
        + "|"
        + sorted(settings.regionChanges())
        + "|"
        + sorted(settings.monitoring().lines())
        + "|"
        + settings.monitoring().incomeFallShare();
  }

  private static List<String> sorted(List<?> entries) {
    return entries.stream().map(String::valueOf).sorted().toList();
  }

  static void insertRuns(Connection connection, List<RunSource> runs) throws SQLException {
    insertAll(
        connection,
        "INSERT INTO run_source VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        runs,
        (insert, run) -> {
          insert.setString(1, run.runId());
          insert.setObject(2, run.period());
          insert.setTimestamp(3, run.startedAt() == null ? null : Timestamp.from(run.startedAt()));
          insert.setTimestamp(
              4, run.finishedAt() == null ? null : Timestamp.from(run.finishedAt()));
          insert.setString(5, run.outcome());
          insert.setString(6, run.source());
          insert.setLong(7, run.rowsRead());
          insert.setLong(8, run.rowsLoaded());
          insert.setLong(9, run.rowsQuarantined());
        });
  }

  static void insertQuality(Connection connection, List<RuleCount> quality) throws SQLException {
    insertAll(
        connection,
        "INSERT INTO run_quality VALUES (?, ?, ?, ?, ?, ?)",
        quality,
        (insert, count) -> {
          insert.setString(1, count.runId());
          insert.setObject(2, count.period());
          insert.setString(3, count.source());
          insert.setString(4, count.fileName());
          insert.setString(5, count.rule());
          insert.setLong(6, count.rows());
        });
  }

  /** Binds one item to the insert's parameters. */
  private interface Binder<T> {
    void bind(PreparedStatement insert, T item) throws SQLException;
  }

  private static <T> void insertAll(
      Connection connection, String sql, List<T> items, Binder<T> binder) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      for (T item : items) {
        binder.bind(insert, item);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
