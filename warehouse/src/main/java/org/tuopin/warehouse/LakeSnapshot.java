package org.tuopin.warehouse;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tuopin.warehouse.LakeLayout.PartitionFiles;
import org.tuopin.warehouse.catalog.LakePartition;

/**
 * The latest version of every lake table, by partition, read once at the start of a publish: the
 * Delta version of each Delta table; a table still in the layout before Delta (not yet upgraded) is
 * read through {@link LakeLayout} and has no Delta version.
 */
record LakeSnapshot(Map<String, List<PartitionFiles>> tables, Map<String, Long> deltaVersions) {
  static LakeSnapshot read(LakeLayout layout) {
    Map<String, List<PartitionFiles>> tables = new LinkedHashMap<>();
    Map<String, Long> versions = new LinkedHashMap<>();
    for (String table : PublishedSchema.LAKE_TABLES) {
      Optional<DeltaTables.Version> delta = DeltaTables.latest(layout.root().resolve(table));
      if (delta.isPresent()) {
        tables.put(table, delta.get().partitions());
        versions.put(table, delta.get().version());
      } else {
        tables.put(table, layout.current(table));
      }
    }
    return new LakeSnapshot(tables, versions);
  }

  List<PartitionFiles> partitions(String table) {
    return tables.getOrDefault(table, List.of());
  }

  Optional<PartitionFiles> partition(String table, String partition) {
    return partitions(table).stream()
        .filter(p -> p.partition().name().equals(partition))
        .findFirst();
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
        .filter(p -> p instanceof LakePartition.Period)
        .map(LakePartition::name)
        .toList();
  }
}
