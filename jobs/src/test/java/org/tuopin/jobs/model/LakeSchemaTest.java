package org.tuopin.jobs.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.tuopin.etl.model.FactAllocation;
import org.tuopin.etl.model.FactDisbursement;
import org.tuopin.etl.model.FactHouseholdSnapshot;
import org.tuopin.etl.model.FactMemberSnapshot;
import org.tuopin.etl.model.FactPopulation;
import org.tuopin.etl.model.FactProgress;
import org.tuopin.etl.model.FactScreeningSignal;
import org.tuopin.etl.model.FactVerification;
import org.tuopin.etl.model.FactVillageSurvey;
import org.tuopin.warehouse.DuckDb;
import org.tuopin.warehouse.PublishedSchema;

/**
 * Each lake table is written by Spark (etl's model classes) and read by DuckDB (warehouse's
 * schema.sql): the two definitions must name the same columns in the same order, with the same
 * types where Spark declares them. A column added to one side only fails here, not at publish.
 */
class LakeSchemaTest {
  /** The Spark side: each fact's columns, and its typed schema where the model declares one. */
  private static final Map<String, List<String>> SPARK_COLUMNS =
      Map.of(
          FactAllocation.TABLE, FactAllocation.COLUMNS,
          FactDisbursement.TABLE, FactDisbursement.COLUMNS,
          FactHouseholdSnapshot.TABLE, FactHouseholdSnapshot.COLUMNS,
          FactMemberSnapshot.TABLE, FactMemberSnapshot.COLUMNS,
          FactPopulation.TABLE, FactPopulation.COLUMNS,
          FactProgress.TABLE, FactProgress.COLUMNS,
          FactVillageSurvey.TABLE, FactVillageSurvey.COLUMNS,
          FactScreeningSignal.TABLE, FactScreeningSignal.COLUMNS,
          FactVerification.TABLE, FactVerification.COLUMNS);

  private static final Map<String, StructType> SPARK_SCHEMAS =
      Map.of(
          FactAllocation.TABLE, FactAllocation.SCHEMA,
          FactDisbursement.TABLE, FactDisbursement.SCHEMA,
          FactHouseholdSnapshot.TABLE, FactHouseholdSnapshot.SCHEMA,
          FactMemberSnapshot.TABLE, FactMemberSnapshot.SCHEMA);

  @Test
  void everyFactHasTheSameColumnsOnBothSides() throws SQLException {
    Map<String, List<String>> duckdb = new TreeMap<>();
    for (String table : SPARK_COLUMNS.keySet()) {
      duckdb.put(table, duckDbColumns(table).stream().map(c -> c.split(" ")[0]).toList());
    }
    assertEquals(new TreeMap<>(SPARK_COLUMNS), duckdb);
    assertEquals(
        PublishedSchema.LAKE_TABLES.stream().filter(t -> t.startsWith("fact_")).sorted().toList(),
        List.copyOf(duckdb.keySet()));
  }

  @Test
  void typedSchemasHaveTheSameTypesOnBothSides() throws SQLException {
    for (Map.Entry<String, StructType> table : SPARK_SCHEMAS.entrySet()) {
      List<String> spark = new ArrayList<>();
      for (StructField field : table.getValue().fields()) {
        spark.add(field.name() + " " + duckDbType(field.dataType()));
      }
      assertEquals(spark, duckDbColumns(table.getKey()), table.getKey());
    }
  }

  /** "name TYPE" per column of the published schema's table, in order. */
  private static List<String> duckDbColumns(String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Connection connection = DuckDb.openInMemory();
        Statement s = connection.createStatement()) {
      PublishedSchema.createTypedTables(s);
      try (ResultSet r =
          s.executeQuery(
              "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '"
                  + table
                  + "' ORDER BY ordinal_position")) {
        while (r.next()) {
          columns.add(r.getString(1) + " " + r.getString(2));
        }
      }
    }
    return columns;
  }

  private static String duckDbType(DataType type) {
    if (type instanceof DecimalType decimal) {
      return "DECIMAL(" + decimal.precision() + "," + decimal.scale() + ")";
    }
    Map<DataType, String> names =
        Map.of(
            DataTypes.StringType,
            "VARCHAR",
            DataTypes.DateType,
            "DATE",
            DataTypes.IntegerType,
            "INTEGER",
            DataTypes.LongType,
            "BIGINT",
            DataTypes.BooleanType,
            "BOOLEAN",
            DataTypes.DoubleType,
            "DOUBLE",
            DataTypes.TimestampType,
            "TIMESTAMP");
    return names.getOrDefault(type, type.sql());
  }
}
