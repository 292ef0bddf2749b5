package org.tuopin.etl.source;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The shape of one kind of landing file (docs/sources.md): its columns with their Chinese aliases,
 * and the column whose presence identifies the kind among the files of one source folder (registry
 * households have {@code member_count}, members have {@code relation}).
 */
public record SourceContract(
    String source, String name, String identifyingColumn, List<ColumnSpec> columns)
    implements Serializable {

  public SourceContract {
    columns = List.copyOf(columns);
  }

  /** Header cell, trimmed and with full-width brackets folded, to canonical name; or empty. */
  public Optional<String> canonicalName(String header) {
    String folded = normalizeHeader(header);
    for (ColumnSpec column : columns) {
      if (column.name().equalsIgnoreCase(folded)
          || normalizeHeader(column.alias()).equals(folded)) {
        return Optional.of(column.name());
      }
    }
    return Optional.empty();
  }

  /** A record's fields before reading: every column of the contract, absent (null). */
  Map<String, String> emptyFields() {
    Map<String, String> fields = new HashMap<>();
    columnNames().forEach(name -> fields.put(name, null));
    return fields;
  }

  /**
   * A record's fields as {@link LandingRecords#FIELDS} holds them: in column order, null where
   * absent.
   */
  public List<String> inColumnOrder(Map<String, String> fields) {
    return columns.stream().map(c -> fields.get(c.name())).toList();
  }

  /**
   * Per header position (of {@code width}), the index of the column it fills, or -1; see {@link
   * #resolveHeader}.
   */
  int[] columnIndexes(int width, Map<Integer, String> positions) {
    List<String> names = columnNames();
    int[] indexes = new int[width];
    for (int i = 0; i < width; i++) {
      String name = positions.get(i);
      indexes[i] = name == null ? -1 : names.indexOf(name);
    }
    return indexes;
  }

  public List<String> columnNames() {
    return columns.stream().map(ColumnSpec::name).toList();
  }

  /** Maps every header to a canonical name; unknown headers map to null. */
  public Map<Integer, String> resolveHeader(List<String> header) {
    Map<Integer, String> positions = new TreeMap<>();
    for (int i = 0; i < header.size(); i++) {
      positions.put(i, canonicalName(header.get(i)).orElse(null));
    }
    return positions;
  }

  static String normalizeHeader(String header) {
    return header
        .replace('\uFEFF', ' ')
        .replace('（', '(')
        .replace('）', ')')
        .strip()
        .toLowerCase(Locale.ROOT);
  }
}
