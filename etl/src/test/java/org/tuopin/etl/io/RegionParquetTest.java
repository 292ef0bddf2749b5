package org.tuopin.etl.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tuopin.etl.reference.Region;
import org.tuopin.etl.reference.RegionLevel;
import org.tuopin.warehouse.DuckDb;

class RegionParquetTest {
  @TempDir Path folder;

  /**
   * Names with commas, quotes and a line break, and absent codes, come back as they went in; what a
   * killed run left is removed.
   */
  @Test
  void theFileHoldsTheRowsAsGiven() throws Exception {
    List<Row> rows =
        List.of(
            RowFactory.create("510000", "四川省", "province", null, null, null, "510000", false),
            RowFactory.create(
                "510824", "苍溪县", "county", "510800", "510824", "510800", "510000", false),
            RowFactory.create(
                "519901", "新区,\"试点\"\n二期", "county", "510800", "519901", "510800", null, true));
    Files.writeString(folder.resolve(".building-999999999.parquet"), "cut off");
    Files.writeString(folder.resolve(".building-999999999.parquet.csv"), "cut off");
    Region province = new Region("510000", "四川省", null, RegionLevel.PROVINCE, null, false);
    Path file = RegionParquet.write(List.of(province), () -> rows, folder);

    List<String> read = new ArrayList<>();
    try (Connection connection = DuckDb.openInMemory();
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT * FROM read_parquet('" + file + "') ORDER BY region_code")) {
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
          values.add(String.valueOf(result.getObject(i)));
        }
        read.add(String.join("|", values));
      }
    }
    assertEquals(
        List.of(
            "510000|四川省|province|null|null|null|510000|false",
            "510824|苍溪县|county|510800|510824|510800|510000|false",
            "519901|新区,\"试点\"\n二期|county|510800|519901|510800|null|true"),
        read);
    try (var left = Files.list(folder)) {
      assertTrue(
          left.allMatch(f -> f.equals(file)),
          "only the Parquet file is left: no CSV beside it, no killed run's files");
    }
  }
}
