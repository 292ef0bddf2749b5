package org.tuopin.jobs.visits;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tuopin.bulletin.ExcelStyles;

/**
 * The township cadres' visit list (入户核实): one sheet per township, one row per household or outside
 * resident, sorted by village and name, with the three columns the cadre fills in. The last column,
 * 编号, is the subject's pseudonym: a filled list landed back under verifications/ is matched by it.
 */
final class VisitWorkbook {
  static final List<String> HEADER =
      List.of(
          "乡镇", "村", "户编号", "姓名", "身份证号后四位", "对象", "预警原因及数据", "预警日期", "剩余天数", "走访日期", "核实结论", "备注",
          "编号");
  static final List<String> CONCLUSIONS = List.of("纳入监测", "排除", "已在监测");
  private static final int[] WIDTHS = {12, 14, 20, 10, 10, 10, 60, 12, 10, 12, 12, 20, 34};

  /** A row: the subject and whom it is, resolved from the landing files. */
  record Line(VisitSubject subject, LandingIdentities.Identity identity) {}

  private VisitWorkbook() {}

  static void write(
      OutputStream out,
      String countyName,
      YearMonth period,
      List<Line> lines,
      int visitDays,
      LocalDate today)
      throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      ExcelStyles styles = new ExcelStyles(workbook);
      for (Map.Entry<String, List<Line>> township : byTownship(lines).entrySet()) {
        Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(township.getKey()));
        title(sheet, styles, countyName + township.getKey() + " " + period + " 入户核实名单");
        header(sheet, styles);
        int r = 2;
        for (Line line : township.getValue()) {
          row(sheet.createRow(r++), styles, line, visitDays, today);
        }
        conclusions(sheet, r - 1);
        sheet.createFreezePane(0, 2);
      }
      if (workbook.getNumberOfSheets() == 0) {
        title(workbook.createSheet("无"), styles, countyName + " " + period + " 无需入户核实的对象");
      }
      workbook.write(out);
    }
  }

  private static Map<String, List<Line>> byTownship(List<Line> lines) {
    Map<String, List<Line>> byTownship = new TreeMap<>();
    lines.stream()
        .sorted(
            Comparator.comparing((Line l) -> l.subject().villageCode())
                .thenComparing(l -> l.identity() == null ? "" : l.identity().name()))
        .forEach(
            l ->
                byTownship
                    .computeIfAbsent(
                        l.subject().townshipName().isEmpty() ? "其他" : l.subject().townshipName(),
                        t -> new ArrayList<>())
                    .add(l));
    return byTownship;
  }

  private static void title(Sheet sheet, ExcelStyles styles, String text) {
    Cell cell = sheet.createRow(0).createCell(0);
    cell.setCellValue(text);
    cell.setCellStyle(styles.title);
  }

  private static void header(Sheet sheet, ExcelStyles styles) {
    Row row = sheet.createRow(1);
    for (int i = 0; i < HEADER.size(); i++) {
      text(row, i, HEADER.get(i), styles.header);
      sheet.setColumnWidth(i, WIDTHS[i] * 256);
    }
  }

  private static void row(Row row, ExcelStyles styles, Line line, int visitDays, LocalDate today) {
    VisitSubject s = line.subject();
    LandingIdentities.Identity who = line.identity();
    String id = who == null || who.idNumber() == null ? "" : who.idNumber();
    text(row, 0, s.townshipName(), styles.text);
    text(row, 1, s.villageName(), styles.text);
    text(row, 2, who == null || who.householdId() == null ? "" : who.householdId(), styles.text);
    text(row, 3, who == null ? "（未找到原始记录）" : who.name(), styles.text);
    text(row, 4, id.length() >= 4 ? id.substring(id.length() - 4) : "", styles.text);
    text(row, 5, s.registered() ? "登记户" : "库外人员", styles.text);
    text(row, 6, String.join("；", s.reasons()), styles.text);
    Cell flagged = row.createCell(7);
    flagged.setCellValue(s.flaggedOn());
    flagged.setCellStyle(styles.date);
    Cell left = row.createCell(8);
    left.setCellValue(visitDays - ChronoUnit.DAYS.between(s.flaggedOn(), today));
    left.setCellStyle(styles.whole);
    for (int i = 9; i <= 11; i++) {
      text(row, i, "", styles.text);
    }
    text(row, 12, s.subjectKey(), styles.text);
  }

  /** 核实结论 offers its three values in a drop-down. */
  private static void conclusions(Sheet sheet, int lastRow) {
    if (lastRow < 2) {
      return;
    }
    DataValidationHelper helper = sheet.getDataValidationHelper();
    DataValidation validation =
        helper.createValidation(
            helper.createExplicitListConstraint(CONCLUSIONS.toArray(String[]::new)),
            new CellRangeAddressList(2, lastRow, 10, 10));
    validation.setShowErrorBox(true);
    sheet.addValidationData(validation);
  }

  private static void text(Row row, int column, String value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }
}
