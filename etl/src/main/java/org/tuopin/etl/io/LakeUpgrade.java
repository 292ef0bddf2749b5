package org.tuopin.etl.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.tuopin.warehouse.DeltaTables;
import org.tuopin.warehouse.LakeLayout;
import org.tuopin.warehouse.LakeLayout.PartitionFiles;
import org.tuopin.warehouse.LakePartitions;

/**
 * Converts the tables of a lake written before Delta ({@code <table>/<partition>/CURRENT} naming a
 * version folder) into Delta tables holding exactly their current versions. Each table is written
 * in one commit beside its old folders, which stay where they are: a kept publish that lists their
 * files keeps answering, and the publisher removes them once no publish reads them.
 *
 * <p>Killed before a table's commit, the table is still in the old layout and the next upgrade
 * converts it again (the files the killed one wrote are read by no version and removed later); a
 * table already a Delta table is left alone, so running it twice is running it once.
 */
public final class LakeUpgrade {
  private LakeUpgrade() {}

  /**
   * @return the tables converted
   */
  public static List<String> run(SparkSession spark, Path root, List<String> tables) {
    LakeLayout layout = new LakeLayout(root);
    Lake lake = new Lake(root);
    List<String> converted = new ArrayList<>();
    for (String table : tables) {
      List<PartitionFiles> current = layout.current(table);
      if (DeltaTables.isTable(root.resolve(table)) || current.isEmpty()) {
        continue;
      }
      String[] files =
          current.stream()
              .flatMap(p -> p.files().stream())
              .map(Path::toString)
              .toArray(String[]::new);
      lake.writeTable(
          spark.read().option("mergeSchema", "true").parquet(files),
          table,
          LakePartitions.column(current.get(0).partition()));
      converted.add(table);
    }
    return converted;
  }
}
