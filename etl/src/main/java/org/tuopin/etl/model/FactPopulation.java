package org.tuopin.etl.model;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Builds {@code fact_population}: rural registered population per region and year. */
public final class FactPopulation {
  public static final String TABLE = "fact_population";
  public static final List<String> COLUMNS = List.of("year", "region_code", "rural_population");

  private FactPopulation() {}

  public static Dataset<Row> build(Dataset<Row> stagedPopulation) {
    return stagedPopulation.dropDuplicates("region_code").select(Columns.of(COLUMNS));
  }
}
