package org.tuopin.etl.model;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tuopin.warehouse.catalog.LakeTables;

/** Builds {@code fact_population}: rural registered population per region and year. */
public final class FactPopulation {
  public static final String TABLE = LakeTables.FACT_POPULATION.name();

  /** The columns, in the lake's order. */
  public static final List<String> COLUMNS = LakeTables.FACT_POPULATION.columnNames();

  private FactPopulation() {}

  public static Dataset<Row> build(Dataset<Row> stagedPopulation) {
    return stagedPopulation.dropDuplicates("region_code").select(Columns.of(COLUMNS));
  }
}
