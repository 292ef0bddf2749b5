package org.tuopin.etl.model;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.year;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.tuopin.warehouse.catalog.LakeTables;

/**
 * Builds {@code fact_member_snapshot}: one row per household member and period. The person is a
 * keyed pseudonym of the identity number; only the birth year is kept, not the date.
 */
public final class FactMemberSnapshot {
  public static final String TABLE = LakeTables.FACT_MEMBER_SNAPSHOT.name();

  /** The lake schema, for reading a partition that may not exist yet. */
  public static final StructType SCHEMA = LakeSchemas.of(LakeTables.FACT_MEMBER_SNAPSHOT);

  /** The columns, in the lake's order. */
  public static final List<String> COLUMNS = LakeTables.FACT_MEMBER_SNAPSHOT.columnNames();

  private FactMemberSnapshot() {}

  /**
   * @param stagedMembers loaded members (household_id, county_code, id_number, ...)
   */
  public static Dataset<Row> build(
      Dataset<Row> stagedMembers,
      Dataset<Row> previousSnapshot,
      LocalDate period,
      Pseudonyms pseudonyms) {
    Dataset<Row> sent =
        stagedMembers
            .withColumn("household_key", pseudonyms.household(col("household_id")))
            .withColumn("period", lit(Date.valueOf(period)))
            .withColumn("person_key", pseudonyms.person(col("id_number")))
            .withColumn("birth_year", year(col("birth_date")))
            .withColumn("carried_forward", lit(false))
            .select(Columns.of(COLUMNS));
    return CarryForward.apply(sent, previousSnapshot.select(Columns.of(COLUMNS)), period);
  }
}
