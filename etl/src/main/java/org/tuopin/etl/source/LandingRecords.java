package org.tuopin.etl.source;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * The schema of what the landing reader emits: for every file one {@code file} record (its
 * encoding, ignored columns, and the file-level rule it broke, if any), and for a readable file one
 * {@code row} record per data row, its fields in the order of its contract's columns (and, in
 * {@link #FILE_RULE}, a rule the reader already found the row breaks).
 */
public final class LandingRecords {
  public static final String KIND = "kind";
  public static final String SOURCE = "source";
  public static final String CONTRACT = "contract";
  public static final String FILE_NAME = "file_name";
  public static final String LINE_NUMBER = "line_number";
  public static final String FIELDS = "fields";
  public static final String FIELD_COUNT_MATCHES = "field_count_matches";
  public static final String RAW_TEXT = "raw_text";
  public static final String FILE_RULE = "file_rule";
  public static final String FILE_DETAIL = "file_detail";
  public static final String ENCODING = "encoding";
  public static final String IGNORED_COLUMNS = "ignored_columns";

  /** The rules a reader puts in {@link #FILE_RULE} of a {@code row} record: the row breaks them. */
  public static final List<String> ROW_RULES =
      List.of(
          JsonLinesParser.INVALID_JSON,
          CityTableParser.RATE_MISMATCH,
          CityTableParser.CITY_TOTAL_MISMATCH);

  public static final String KIND_FILE = "file";
  public static final String KIND_ROW = "row";

  public static final StructType SCHEMA =
      new StructType()
          .add(KIND, StringType, false)
          .add(SOURCE, StringType, false)
          .add(CONTRACT, StringType, true)
          .add(FILE_NAME, StringType, false)
          .add(LINE_NUMBER, LongType, false)
          .add(FIELDS, createArrayType(StringType, true), true)
          .add(FIELD_COUNT_MATCHES, BooleanType, true)
          .add(RAW_TEXT, StringType, true)
          .add(FILE_RULE, StringType, true)
          .add(FILE_DETAIL, StringType, true)
          .add(ENCODING, StringType, true)
          .add(IGNORED_COLUMNS, createArrayType(StringType, false), true);

  private LandingRecords() {}
}
