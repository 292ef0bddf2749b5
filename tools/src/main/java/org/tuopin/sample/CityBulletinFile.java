package org.tuopin.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tuopin.etl.reference.Indicator;
import org.tuopin.etl.reference.Region;

/**
 * A city's consolidated progress table as its monthly bulletin publishes it (the wide layout):
 * title rows, the 序号 header, and per indicator a block of 年度任务, 累计完成 and 完成率 rows with merged 序号
 * and 项目类别 cells; the city's column is the sum of its units. Written as .xlsx with its saved date,
 * or as an Excel 97-2003 .xls without document properties, as old offices send.
 */
final class CityBulletinFile {
  private static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Shanghai");

  /** One unit's figures of one indicator. */
  record Figure(BigDecimal target, BigDecimal completed) {}

  private CityBulletinFile() {}

  /**
   * @param figures per indicator, per unit column: the figures a unit reported (absent: blank)
   * @param issuedOn the day the bulletin was saved (its reported_at)
   */
  static void write(
      Path path,
      Region city,
      List<Region> units,
      YearMonth month,
      Map<Indicator, Map<Region, Figure>> figures,
      LocalDate issuedOn) {
    boolean xls = path.getFileName().toString().endsWith(".xls");
    try (Workbook workbook = xls ? new HSSFWorkbook() : new XSSFWorkbook()) {
      Sheet sheet = workbook.createSheet(month.getMonthValue() + "月");
      CellStyle wrapped = workbook.createCellStyle();
      wrapped.setWrapText(true);
      text(sheet.createRow(0), 0, city.name() + "脱贫攻坚重点项目推进情况表");
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 4 + units.size()));
      text(sheet.createRow(1), 0, "（截至" + month.getYear() + "年" + month.getMonthValue() + "月底）");
      text(
          sheet.createRow(2),
          0,
          "填报单位："
              + city.name()
              + "乡村振兴局    "
              + issuedOn.getYear()
              + "年"
              + issuedOn.getMonthValue()
              + "月"
              + issuedOn.getDayOfMonth()
              + "日");
      Row header = sheet.createRow(3);
      List<String> fixed = List.of("序号", "项目类别", "完成进度", "单位", city.name());
      for (int c = 0; c < fixed.size(); c++) {
        text(header, c, fixed.get(c));
      }
      for (int u = 0; u < units.size(); u++) {
        text(
            header,
            5 + u,
            units.get(u).shortName() != null ? units.get(u).shortName() : units.get(u).name());
      }
      int row = 4;
      int sequence = 0;
      for (Map.Entry<Indicator, Map<Region, Figure>> block : figures.entrySet()) {
        writeBlock(sheet, row, ++sequence, block.getKey(), units, block.getValue());
        row += 3;
      }
      if (workbook instanceof XSSFWorkbook xlsx) {
        properties(xlsx, issuedOn);
      }
      Files.createDirectories(path.getParent());
      try (OutputStream out = Files.newOutputStream(path)) {
        workbook.write(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + path, e);
    }
  }

  private static void writeBlock(
      Sheet sheet,
      int first,
      int sequence,
      Indicator indicator,
      List<Region> units,
      Map<Region, Figure> figures) {
    Row target = sheet.createRow(first);
    Row completed = sheet.createRow(first + 1);
    Row rate = sheet.createRow(first + 2);
    target.createCell(0).setCellValue(sequence);
    text(target, 1, indicator.name());
    text(target, 2, "年度任务");
    text(completed, 2, "累计完成");
    text(rate, 2, "完成率");
    text(target, 3, indicator.unit());
    text(completed, 3, indicator.unit());
    text(rate, 3, "%");
    BigDecimal totalTarget = BigDecimal.ZERO;
    BigDecimal totalCompleted = BigDecimal.ZERO;
    for (int u = 0; u < units.size(); u++) {
      Figure figure = figures.get(units.get(u));
      if (figure != null) {
        figureCells(target, completed, rate, 5 + u, figure);
        totalTarget = totalTarget.add(figure.target());
        totalCompleted = totalCompleted.add(figure.completed());
      }
    }
    figureCells(target, completed, rate, 4, new Figure(totalTarget, totalCompleted));
    sheet.addMergedRegion(new CellRangeAddress(first, first + 2, 0, 0));
    sheet.addMergedRegion(new CellRangeAddress(first, first + 2, 1, 1));
  }

  private static void figureCells(Row target, Row completed, Row rate, int column, Figure figure) {
    target.createCell(column).setCellValue(figure.target().doubleValue());
    completed.createCell(column).setCellValue(figure.completed().doubleValue());
    if (figure.target().signum() > 0) {
      BigDecimal percent =
          figure
              .completed()
              .multiply(BigDecimal.valueOf(100))
              .divide(figure.target(), 1, RoundingMode.HALF_UP);
      rate.createCell(column).setCellValue(percent.doubleValue());
    }
  }

  private static void text(Row row, int column, String value) {
    row.createCell(column).setCellValue(value);
  }

  /** Excel records when a workbook was saved; the pipeline takes it as the figures' reported_at. */
  private static void properties(XSSFWorkbook workbook, LocalDate issuedOn) {
    Date saved = Date.from(issuedOn.atTime(10, 0).atZone(OFFICE_ZONE).toInstant());
    workbook.getProperties().getCoreProperties().setCreated(Optional.of(saved));
    workbook.getProperties().getCoreProperties().setModified(Optional.of(saved));
  }
}
