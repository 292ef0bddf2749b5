package org.tuopin.etl.model;

import org.apache.spark.sql.types.StructType;
import org.tuopin.warehouse.catalog.LakeTable;

/** The Spark schema of a lake table, from the catalog's declaration. */
public final class LakeSchemas {
  private LakeSchemas() {}

  /** The table's columns as its files store them, every one nullable (see LakeColumn). */
  public static StructType of(LakeTable table) {
    return StructType.fromDDL(table.sparkDdl());
  }
}
