package org.tuopin.warehouse.catalog;

/** A lake column's type, as Spark writes it and as DuckDB publishes it. */
public enum ColumnType {
  TEXT("STRING", "VARCHAR"),
  DATE("DATE", "DATE"),
  INTEGER("INT", "INTEGER"),
  BIGINT("BIGINT", "BIGINT"),
  /** Yuan and incomes: two decimals, exact. */
  MONEY("DECIMAL(18,2)", "DECIMAL(18,2)"),
  BOOLEAN("BOOLEAN", "BOOLEAN"),
  TIMESTAMP("TIMESTAMP", "TIMESTAMP");

  private final String spark;
  private final String duckDb;

  ColumnType(String spark, String duckDb) {
    this.spark = spark;
    this.duckDb = duckDb;
  }

  /** The type in Spark SQL's DDL. */
  public String spark() {
    return spark;
  }

  /** The type in DuckDB's DDL. */
  public String duckDb() {
    return duckDb;
  }
}
