package org.tuopin.bulletin;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.DefaultIndexedColorMap;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;

/**
 * The cell styles of Tuopin's workbooks, made once per workbook (Excel allows some 64,000 per
 * file): bordered text and numbers, whole numbers without decimals, rates with one, a bold centred
 * header, a large title.
 */
public final class ExcelStyles {
  public final CellStyle title;
  public final CellStyle subtitle;
  public final CellStyle header;
  public final CellStyle text;
  public final CellStyle whole;
  public final CellStyle decimal;
  public final CellStyle rate;
  public final CellStyle date;
  private final Workbook workbook;
  private final Map<String, CellStyle> filled = new HashMap<>();

  public ExcelStyles(Workbook workbook) {
    this.workbook = workbook;
    title = workbook.createCellStyle();
    title.setFont(font(workbook, 16, true));
    title.setAlignment(HorizontalAlignment.CENTER);
    subtitle = workbook.createCellStyle();
    subtitle.setAlignment(HorizontalAlignment.CENTER);
    header = bordered(workbook, null);
    header.setFont(font(workbook, 11, true));
    header.setAlignment(HorizontalAlignment.CENTER);
    header.setWrapText(true);
    text = bordered(workbook, null);
    text.setWrapText(true);
    whole = bordered(workbook, "#,##0");
    decimal = bordered(workbook, "#,##0.00");
    rate = bordered(workbook, "0.0");
    date = bordered(workbook, "yyyy-mm-dd");
  }

  private static CellStyle bordered(Workbook workbook, String format) {
    CellStyle style = workbook.createCellStyle();
    style.setBorderTop(BorderStyle.THIN);
    style.setBorderBottom(BorderStyle.THIN);
    style.setBorderLeft(BorderStyle.THIN);
    style.setBorderRight(BorderStyle.THIN);
    style.setVerticalAlignment(VerticalAlignment.CENTER);
    if (format != null) {
      style.setDataFormat(workbook.createDataFormat().getFormat(format));
    }
    return style;
  }

  private static Font font(Workbook workbook, int points, boolean bold) {
    Font font = workbook.createFont();
    font.setFontHeightInPoints((short) points);
    font.setBold(bold);
    return font;
  }

  /** Bordered text on a solid fill of this colour (RRGGBB). */
  CellStyle filled(String rgb) {
    return filled.computeIfAbsent(
        rgb,
        colour -> {
          XSSFCellStyle style = (XSSFCellStyle) bordered(workbook, null);
          style.setWrapText(true);
          style.setFillForegroundColor(
              new XSSFColor(HexFormat.of().parseHex(colour), new DefaultIndexedColorMap()));
          style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
          return style;
        });
  }

  Cell text(Row row, int column, String value, CellStyle style) {
    Cell cell = row.createCell(column);
    if (value != null) {
      cell.setCellValue(value);
    }
    cell.setCellStyle(style);
    return cell;
  }

  /** A figure; a blank bordered cell when there is none (not reported is not zero). */
  Cell number(Row row, int column, BigDecimal value) {
    Cell cell = row.createCell(column);
    if (value != null) {
      cell.setCellValue(value.doubleValue());
    }
    cell.setCellStyle(value != null && value.stripTrailingZeros().scale() > 0 ? decimal : whole);
    return cell;
  }

  /** An amount of yuan as 万元, shown with two decimals (the value keeps every digit). */
  Cell tenThousandYuan(Row row, int column, BigDecimal yuan) {
    Cell cell = number(row, column, yuan == null ? null : yuan.divide(BigDecimal.valueOf(10_000)));
    cell.setCellStyle(decimal);
    return cell;
  }

  /** A percentage as offices write it: the number of percent, one decimal (97.5, not 0.975). */
  Cell rate(Row row, int column, Double percent) {
    Cell cell = row.createCell(column);
    if (percent != null) {
      cell.setCellValue(Math.round(percent * 10) / 10.0);
    }
    cell.setCellStyle(rate);
    return cell;
  }

  Cell count(Row row, int column, long value) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(whole);
    return cell;
  }
}
