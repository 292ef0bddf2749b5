package org.tuopin.jobs.refresh;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.tuopin.warehouse.DuckDb;

/**
 * The leads and alerts already published, which a verification must name: each subject by its own
 * key and, for a household, by the person_key of each of its members (the latest household a person
 * was a member of), with the first period it was flagged in. Nothing published yet: none.
 */
final class PublishedFlags {
  static final StructType SCHEMA =
      new StructType()
          .add("flag_key", StringType, false)
          .add("flag_subject_key", StringType, false)
          .add("flag_first_period", DateType, false);

  private static final String QUERY =
      """
      WITH flags AS (
        SELECT coalesce(household_key, person_key) AS subject_key, first_flagged_period AS first_period
        FROM v_screening_leads
        UNION ALL
        SELECT household_key, period FROM v_monitoring_alerts
      ),
      subjects AS (
        SELECT subject_key, min(first_period) AS first_period FROM flags GROUP BY subject_key
      ),
      candidates AS (
        SELECT subject_key AS flag_key, subject_key AS flag_subject_key, first_period,
               0 AS preference, DATE '9999-12-31' AS seen
        FROM subjects
        UNION ALL
        SELECT m.person_key, s.subject_key, s.first_period, 1, m.period
        FROM subjects AS s JOIN fact_member_snapshot AS m ON m.household_key = s.subject_key
      )
      SELECT flag_key, flag_subject_key, first_period
      FROM candidates
      QUALIFY row_number() OVER (PARTITION BY flag_key ORDER BY preference, seen DESC) = 1
      """;

  private PublishedFlags() {}

  static Dataset<Row> read(SparkSession spark, Path published) {
    List<Row> rows = new ArrayList<>();
    if (Files.exists(published)) {
      try (Connection c = DuckDb.openReadOnly(published);
          Statement s = c.createStatement();
          ResultSet r = s.executeQuery(QUERY)) {
        while (r.next()) {
          rows.add(RowFactory.create(r.getString(1), r.getString(2), r.getDate(3)));
        }
      } catch (SQLException e) {
        throw new IllegalStateException(
            "Cannot read the published leads and alerts from " + published, e);
      }
    }
    return spark.createDataFrame(rows, SCHEMA);
  }
}
