package org.tuopin.warehouse.catalog;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One table of the lake, declared once: Spark writes it with {@link #sparkDdl()}, the publisher
 * creates its published table with {@link #duckDbDdl()} and copies it or reads it in place, and the
 * query server serves it as {@link #serving()} says.
 */
public record LakeTable(
    String name,
    Partitioning partitioning,
    Publication publication,
    Serving serving,
    List<LakeColumn> columns) {

  public LakeTable {
    List<String> names = columns.stream().map(LakeColumn::name).toList();
    partitioning
        .column()
        .filter(column -> !names.contains(column))
        .ifPresent(
            column -> {
              throw new IllegalArgumentException(name + " has no partition column " + column);
            });
    columns = List.copyOf(columns);
  }

  /** The columns of the lake's files, in their order. */
  public List<String> columnNames() {
    return columns.stream().map(LakeColumn::name).toList();
  }

  /** The lake's schema in Spark SQL's DDL: "name TYPE, ...". */
  public String sparkDdl() {
    return columns.stream()
        .map(c -> c.name() + " " + c.stored().spark())
        .collect(Collectors.joining(", "));
  }

  /** The CREATE TABLE of the published table. */
  public String duckDbDdl() {
    return "CREATE TABLE "
        + name
        + " (\n  "
        + columns.stream()
            .filter(LakeColumn::published)
            .map(LakeColumn::duckDbDefinition)
            .collect(Collectors.joining(",\n  "))
        + "\n)";
  }
}
