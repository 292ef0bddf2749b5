package org.tuopin.warehouse.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tuopin.warehouse.catalog.ColumnType.DATE;

import java.util.List;
import org.junit.jupiter.api.Test;

class LakeTableTest {
  @Test
  void aColumnStoredNarrowerThanItIsPublishedHasBothTypes() {
    assertEquals(
        "year INT, region_code STRING, rural_population INT",
        LakeTables.FACT_POPULATION.sparkDdl());
    assertEquals(
        "CREATE TABLE fact_population (\n"
            + "  year INTEGER NOT NULL,\n"
            + "  region_code VARCHAR NOT NULL,\n"
            + "  rural_population BIGINT NOT NULL\n"
            + ")",
        LakeTables.FACT_POPULATION.duckDbDdl());
  }

  @Test
  void aLakeOnlyColumnIsInTheFilesAndNotInThePublishedTable() {
    assertEquals("period", LakeTables.FACT_ALLOCATION.columnNames().get(7));
    assertEquals(
        "CREATE TABLE fact_allocation (\n"
            + "  allocation_id VARCHAR NOT NULL,\n"
            + "  year INTEGER NOT NULL,\n"
            + "  region_code VARCHAR NOT NULL,\n"
            + "  fund_source VARCHAR NOT NULL,\n"
            + "  indicator_code VARCHAR NOT NULL,\n"
            + "  amount_yuan DECIMAL(18,2) NOT NULL,\n"
            + "  approved_on DATE\n"
            + ")",
        LakeTables.FACT_ALLOCATION.duckDbDdl());
  }

  @Test
  void aReferenceTableHasItsCodeAsPrimaryKey() {
    assertEquals(
        "CREATE TABLE dim_fund_source (\n"
            + "  fund_source VARCHAR NOT NULL PRIMARY KEY,\n"
            + "  fund_source_name VARCHAR NOT NULL\n"
            + ")",
        LakeTables.DIM_FUND_SOURCE.duckDbDdl());
  }

  @Test
  void aTablePartitionedByAColumnItDoesNotHaveIsRefused() {
    List<LakeColumn> columns = List.of(LakeColumn.required("day", DATE));
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new LakeTable(
                    "fact_x", Partitioning.BY_PERIOD, Publication.COPIED, Serving.NOBODY, columns));
    assertEquals("fact_x has no partition column period", refused.getMessage());
  }

  @Test
  void everyTableIsNamedOnce() {
    assertEquals(12, LakeTables.names().stream().distinct().count());
  }
}
