package org.tuopin.bulletin;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.tuopin.warehouse.ReadOnlyQueries;

/**
 * A query result as an .xlsx sheet (./tuopin sql --format xlsx): a bold header, numbers as numbers,
 * dates as dates, the header frozen. Streamed (SXSSF), so a large result does not sit in memory;
 * Excel's own limit is 1,048,576 rows, and a larger result fails with a message.
 */
public final class ResultWorkbook {
  private static final int EXCEL_ROWS = 1_048_576;

  private ResultWorkbook() {}

  /**
   * Writes the result and returns its number of rows; {@code rowRead} is called for each row read
   * (the query path's limits), before it is written.
   */
  public static int write(ResultSet result, Path file, ReadOnlyQueries.Checkpoint rowRead)
      throws SQLException, IOException {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(1000)) {
      ExcelStyles styles = new ExcelStyles(workbook);
      Sheet sheet = workbook.createSheet("result");
      ResultSetMetaData meta = result.getMetaData();
      Row header = sheet.createRow(0);
      for (int c = 1; c <= meta.getColumnCount(); c++) {
        styles.text(header, c - 1, meta.getColumnLabel(c), styles.header);
        sheet.setColumnWidth(
            c - 1, Math.min(40, Math.max(10, meta.getColumnLabel(c).length() + 2)) * 256);
      }
      sheet.createFreezePane(0, 1);
      int rows = 0;
      while (result.next()) {
        rowRead.check();
        if (++rows >= EXCEL_ROWS) {
          throw new IllegalArgumentException(
              "the result has more rows than an Excel sheet holds ("
                  + (EXCEL_ROWS - 1)
                  + "); narrow the query or use --format csv");
        }
        Row row = sheet.createRow(rows);
        for (int c = 1; c <= meta.getColumnCount(); c++) {
          cell(styles, row, c - 1, result, c, meta.getColumnType(c));
        }
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (OutputStream out = Files.newOutputStream(file)) {
        workbook.write(out);
      }
      return rows;
    }
  }

  private static void cell(
      ExcelStyles styles, Row row, int column, ResultSet result, int index, int sqlType)
      throws SQLException {
    Object value = result.getObject(index);
    if (value == null) {
      return;
    }
    switch (sqlType) {
      case Types.BIGINT,
          Types.INTEGER,
          Types.SMALLINT,
          Types.TINYINT,
          Types.DECIMAL,
          Types.NUMERIC,
          Types.DOUBLE,
          Types.FLOAT,
          Types.REAL -> {
        double number = ((Number) value).doubleValue();
        if (Double.isFinite(number)) {
          styles.number(row, column, new BigDecimal(value.toString()));
        } else {
          styles.text(row, column, value.toString(), styles.text);
        }
      }
      case Types.DATE -> {
        styles.text(row, column, null, styles.date);
        row.getCell(column).setCellValue(result.getDate(index).toLocalDate());
      }
      case Types.BOOLEAN -> row.createCell(column).setCellValue(result.getBoolean(index));
      default -> styles.text(row, column, value.toString(), styles.text);
    }
  }
}
