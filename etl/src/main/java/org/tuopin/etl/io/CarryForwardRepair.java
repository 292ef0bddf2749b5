package org.tuopin.etl.io;

import static org.apache.spark.sql.functions.col;

import java.time.YearMonth;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.tuopin.etl.Progress;
import org.tuopin.etl.model.CarryForward;
import org.tuopin.etl.model.FactHouseholdSnapshot;
import org.tuopin.etl.model.FactMemberSnapshot;
import org.tuopin.warehouse.catalog.LakePartition;

/**
 * A month refreshed after later ones (sent late, or re-run) changes what those later months carried
 * forward for counties that sent nothing then. Each later month that carries a county is built
 * again from its own sent rows and the month before it, in order; the first later month that
 * carries none depends on nothing earlier, and neither do the months after it.
 */
public record CarryForwardRepair(SparkSession spark, Lake lake) {

  /** Builds again the registry snapshots after {@code period} that carry it forward. */
  public void after(YearMonth period) {
    for (YearMonth month : lake.periodsAfter(FactHouseholdSnapshot.TABLE, period)) {
      boolean carried =
          carryForwardAgain(FactHouseholdSnapshot.TABLE, FactHouseholdSnapshot.SCHEMA, month);
      carried |= carryForwardAgain(FactMemberSnapshot.TABLE, FactMemberSnapshot.SCHEMA, month);
      if (!carried) {
        return;
      }
    }
  }

  /**
   * @return whether the month carries any county forward from the month before it
   */
  private boolean carryForwardAgain(String table, StructType schema, YearMonth month) {
    LakePartition partition = LakePartition.period(month);
    Dataset<Row> sent =
        lake.read(spark, table, partition, schema).filter(col("carried_forward").equalTo(false));
    Dataset<Row> previous = new LakeLookups(spark, lake).previousPartition(table, month, schema);
    if (CarryForward.carriedCounties(sent, previous).isEmpty()) {
      return false;
    }
    Progress.detail("%s: %s carried forward again", month, table);
    lake.write(
        CarryForward.apply(sent, previous, month.atDay(1)),
        table,
        partition,
        lake.fileCount(table, partition));
    return true;
  }
}
