package org.tuopin.etl.source;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.tuopin.etl.reference.CityUnitNames;

/**
 * One worksheet as the text a clerk sees in each cell: numbers without float noise (a formula's
 * 0.30000000000000004 reads 0.3), percent-formatted numbers as their percent figure, formulas as
 * their cached result, blanks as null. Rows and columns are zero-based.
 */
final class SheetGrid {
  static final String HEADER_FIRST_CELL = "序号";
  private static final int NUMBER_SCALE = 6;

  private final String sheetName;
  private final List<String[]> rows;

  private SheetGrid(String sheetName, List<String[]> rows) {
    this.sheetName = sheetName;
    this.rows = rows;
  }

  static SheetGrid of(Sheet sheet) {
    List<String[]> rows = new ArrayList<>();
    for (int r = 0; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      int width = row == null ? 0 : Math.max(0, row.getLastCellNum());
      String[] texts = new String[width];
      for (int c = 0; c < width; c++) {
        texts[c] = text(row.getCell(c));
      }
      rows.add(texts);
    }
    return new SheetGrid(sheet.getSheetName(), rows);
  }

  static boolean allEmpty(Workbook workbook) {
    for (Sheet sheet : workbook) {
      SheetGrid grid = of(sheet);
      for (int r = 0; r < grid.rowCount(); r++) {
        if (!grid.isBlank(r)) {
          return false;
        }
      }
    }
    return true;
  }

  private static String text(Cell cell) {
    if (cell == null) {
      return null;
    }
    CellType type =
        cell.getCellType() == CellType.FORMULA
            ? cell.getCachedFormulaResultType()
            : cell.getCellType();
    String text =
        switch (type) {
          case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? day(cell) : number(cell);
          case STRING -> cell.getStringCellValue().strip();
          case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
          default -> null;
        };
    return text == null || text.isEmpty() ? null : text;
  }

  /** A date cell (a number Excel shows as a date) as YYYY-MM-DD, the day Excel shows. */
  private static String day(Cell cell) {
    return cell.getLocalDateTimeCellValue().toLocalDate().toString();
  }

  private static String number(Cell cell) {
    BigDecimal value = BigDecimal.valueOf(cell.getNumericCellValue());
    if (cell.getCellStyle().getDataFormatString().contains("%")) {
      value = value.movePointRight(2);
    }
    return value.setScale(NUMBER_SCALE, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  String sheetName() {
    return sheetName;
  }

  int rowCount() {
    return rows.size();
  }

  int width(int row) {
    return rows.get(row).length;
  }

  /** The cell's text, null when blank, outside the sheet, or {@code row} is null. */
  String text(Integer row, int column) {
    if (row == null
        || row < 0
        || row >= rows.size()
        || column < 0
        || column >= rows.get(row).length) {
      return null;
    }
    return rows.get(row)[column];
  }

  boolean isBlank(int row) {
    for (String text : rows.get(row)) {
      if (text != null) {
        return false;
      }
    }
    return true;
  }

  /** The row's cells joined, for searching a title. */
  String rowText(int row) {
    StringBuilder joined = new StringBuilder();
    for (String text : rows.get(row)) {
      if (text != null) {
        joined.append(text).append(' ');
      }
    }
    return joined.toString();
  }

  /** A cell as a number (thousands separators allowed), empty when blank or not a number. */
  Optional<BigDecimal> number(Integer row, int column) {
    String text = text(row, column);
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BigDecimal(text.replace(",", "")));
    } catch (NumberFormatException e) {
      return Optional.empty(); // not a number: the figure's own rule reports it
    }
  }

  /** A rate cell in percent: 92.2, "92.2%" or a percent-formatted 0.922. */
  Optional<BigDecimal> percent(Integer row, int column) {
    String text = text(row, column);
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BigDecimal(text.replace("%", "").strip()));
    } catch (NumberFormatException e) {
      return Optional.empty(); // a rate that is no number is not checked: rates are never loaded
    }
  }

  /** The first row whose first non-blank cell is 序号. */
  Optional<Integer> headerRow() {
    for (int r = 0; r < rows.size(); r++) {
      Optional<Integer> first = firstNonBlank(r);
      if (first.isPresent()
          && HEADER_FIRST_CELL.equals(CityUnitNames.normalized(rows.get(r)[first.get()]))) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  private Optional<Integer> firstNonBlank(int row) {
    String[] texts = rows.get(row);
    for (int c = 0; c < texts.length; c++) {
      if (texts[c] != null) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** A1-style cells of one column from {@code firstRow} to {@code lastRow}: F5:F7. */
  String cellRange(int column, int firstRow, int lastRow) {
    String letters = CellReference.convertNumToColString(column);
    String first = letters + (firstRow + 1);
    return firstRow == lastRow ? first : first + ":" + letters + (lastRow + 1);
  }
}
