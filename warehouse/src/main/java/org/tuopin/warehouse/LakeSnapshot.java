package org.tuopin.warehouse;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tuopin.warehouse.LakeLayout.PartitionFiles;

/**
 * The current version of every partition of every lake table, read once at the start of a publish.
 */
record LakeSnapshot(Map<String, List<PartitionFiles>> tables) {
  static LakeSnapshot read(LakeLayout layout) {
    Map<String, List<PartitionFiles>> tables = new LinkedHashMap<>();
    for (String table : PublishedSchema.LAKE_TABLES) {
      tables.put(table, layout.current(table));
    }
    return new LakeSnapshot(tables);
  }

  List<PartitionFiles> partitions(String table) {
    return tables.getOrDefault(table, List.of());
  }

  Optional<PartitionFiles> partition(String table, String partition) {
    return partitions(table).stream().filter(p -> p.partition().equals(partition)).findFirst();
  }

  /** Every file of every partition of a table. */
  List<Path> files(String table) {
    return partitions(table).stream().flatMap(p -> p.files().stream()).toList();
  }

  /**
   * The snapshot periods ({@code period=YYYY-MM} partitions of the household snapshot), oldest
   * first.
   */
  List<String> snapshotPeriods() {
    return partitions(PublishedSchema.HOUSEHOLD_SNAPSHOT).stream()
        .map(PartitionFiles::partition)
        .filter(p -> p.startsWith("period="))
        .toList();
  }
}
