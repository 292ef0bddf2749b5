package org.tuopin.etl.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tuopin.etl.reference.CityUnitNames;

/**
 * Where things are in a city progress table: the fixed columns of its 序号 header row, the region
 * columns (every other named column), and the blocks of 年度任务 / 累计完成 / 完成率 rows, one per indicator.
 * 序号 and 项目类别 are often merged cells, blank below their first row, so the category carries down
 * until the next one.
 */
record CityTableLayout(
    int headerRow,
    List<String> missingColumns,
    Map<Integer, String> regionColumns,
    List<Block> blocks,
    List<String> ignored) {

  static final String SEQUENCE = SheetGrid.HEADER_FIRST_CELL;
  static final String CATEGORY = "项目类别";
  static final String MEASURE = "完成进度";
  static final String UNIT = "单位";
  static final String TARGET = "年度任务";
  static final String COMPLETED = "累计完成";
  static final String RATE = "完成率";

  /** One indicator's rows (zero-based row numbers; null where the table lacks that row). */
  record Block(
      String category, String unit, Integer targetRow, Integer completedRow, Integer rateRow) {
    int firstRow() {
      return rows().stream().mapToInt(Integer::intValue).min().orElseThrow();
    }

    int lastRow() {
      return rows().stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    private List<Integer> rows() {
      List<Integer> rows = new ArrayList<>();
      for (Integer row : new Integer[] {targetRow, completedRow, rateRow}) {
        if (row != null) {
          rows.add(row);
        }
      }
      return rows;
    }

    boolean has(String measure) {
      return rowOf(measure) != null;
    }

    Integer rowOf(String measure) {
      return switch (measure) {
        case TARGET -> targetRow;
        case COMPLETED -> completedRow;
        default -> rateRow;
      };
    }

    Block with(String measure, int row, String rowUnit) {
      String keptUnit = unit != null || RATE.equals(measure) ? unit : rowUnit;
      return switch (measure) {
        case TARGET -> new Block(category, keptUnit, row, completedRow, rateRow);
        case COMPLETED -> new Block(category, keptUnit, targetRow, row, rateRow);
        default -> new Block(category, keptUnit, targetRow, completedRow, row);
      };
    }
  }

  static CityTableLayout of(SheetGrid grid) {
    int header = grid.headerRow().orElseThrow();
    Map<String, Integer> fixed = new LinkedHashMap<>();
    Map<Integer, String> regions = new LinkedHashMap<>();
    for (int c = 0; c < grid.width(header); c++) {
      String name = CityUnitNames.normalized(grid.text(header, c));
      if (name.isEmpty()) {
        continue;
      }
      if (List.of(SEQUENCE, CATEGORY, MEASURE, UNIT).contains(name)) {
        fixed.putIfAbsent(name, c);
      } else {
        regions.put(c, grid.text(header, c));
      }
    }
    List<String> missing =
        List.of(CATEGORY, MEASURE, UNIT).stream().filter(n -> !fixed.containsKey(n)).toList();
    if (!missing.isEmpty()) {
      return new CityTableLayout(header, missing, regions, List.of(), List.of());
    }
    List<String> ignored = new ArrayList<>();
    List<Block> blocks = blocks(grid, header, fixed, ignored);
    return new CityTableLayout(header, missing, regions, blocks, ignored);
  }

  private static List<Block> blocks(
      SheetGrid grid, int header, Map<String, Integer> fixed, List<String> ignored) {
    List<Block> blocks = new ArrayList<>();
    String category = null;
    Block current = null;
    for (int r = header + 1; r < grid.rowCount(); r++) {
      String rowCategory = grid.text(r, fixed.get(CATEGORY));
      boolean newCategory = rowCategory != null && !rowCategory.equals(category);
      if (rowCategory != null) {
        category = rowCategory;
      }
      String measure = CityUnitNames.normalized(grid.text(r, fixed.get(MEASURE)));
      if (!List.of(TARGET, COMPLETED, RATE).contains(measure)) {
        if (!grid.isBlank(r)) {
          // only the row number: a note row may name a contact person
          ignored.add(
              "row " + (r + 1) + " (not a " + TARGET + "/" + COMPLETED + "/" + RATE + " row)");
        }
        continue;
      }
      if (current == null || newCategory || current.has(measure)) {
        current = new Block(category, null, null, null, null);
        blocks.add(current);
      }
      current = current.with(measure, r, grid.text(r, fixed.get(UNIT)));
      blocks.set(blocks.size() - 1, current);
    }
    return blocks;
  }
}
