package org.tuopin.warehouse.catalog;

/**
 * One column of a lake table.
 *
 * @param stored the type of the lake's files (Spark's); {@code type} is the published one
 * @param required NOT NULL in the published table (the lake's Delta schema leaves every column
 *     nullable: Spark infers nullability from each write's plan, and a stricter table schema would
 *     refuse a write whose plan cannot prove it)
 * @param published whether the published table has the column (the partition column of a table
 *     partitioned by a column its rows do not otherwise carry is lake-only)
 */
public record LakeColumn(
    String name,
    ColumnType type,
    ColumnType stored,
    boolean required,
    boolean primaryKey,
    boolean published) {

  /** A NOT NULL column. */
  public static LakeColumn required(String name, ColumnType type) {
    return new LakeColumn(name, type, type, true, false, true);
  }

  /** A column that may be NULL. */
  public static LakeColumn optional(String name, ColumnType type) {
    return new LakeColumn(name, type, type, false, false, true);
  }

  /** The published table's primary key (a reference table's code). */
  public static LakeColumn key(String name, ColumnType type) {
    return new LakeColumn(name, type, type, true, true, true);
  }

  /** A column of the lake's files that the published table does not have. */
  public static LakeColumn lakeOnly(String name, ColumnType type) {
    return new LakeColumn(name, type, type, true, false, false);
  }

  /** The same column, stored in the lake's files as {@code storedType}. */
  public LakeColumn storedAs(ColumnType storedType) {
    return new LakeColumn(name, type, storedType, required, primaryKey, published);
  }

  String duckDbDefinition() {
    return name
        + " "
        + type.duckDb()
        + (primaryKey ? " NOT NULL PRIMARY KEY" : required ? " NOT NULL" : "");
  }
}
