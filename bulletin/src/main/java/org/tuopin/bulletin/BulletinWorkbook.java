package org.tuopin.bulletin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tuopin.bulletin.BulletinContent.Completeness;
import org.tuopin.bulletin.BulletinContent.Figure;
import org.tuopin.bulletin.BulletinContent.FundFlow;
import org.tuopin.bulletin.BulletinContent.IdleFunds;
import org.tuopin.bulletin.BulletinContent.Incidence;
import org.tuopin.bulletin.BulletinContent.IndicatorProgress;
import org.tuopin.bulletin.BulletinContent.LeagueEntry;
import org.tuopin.bulletin.BulletinContent.Region;

/**
 * The bulletin as an Excel workbook. Its first sheet is the progress table in the layout offices
 * send (so Tuopin's own city-table reader reads it back): two title rows, a line naming the issuer
 * and the day, the 序号 header, then per indicator the 年度任务 / 累计完成 / 完成率 rows with merged 序号 and 项目类别
 * cells, the city's total column and one column per unit. Then the league, completeness, funds and
 * incidence sheets.
 */
final class BulletinWorkbook {
  static final int FIRST_UNIT_COLUMN = 5;
  static final int HEADER_ROW = 3;

  private final BulletinContent content;
  private final LocalDate issuedOn;

  BulletinWorkbook(BulletinContent content, LocalDate issuedOn) {
    this.content = content;
    this.issuedOn = issuedOn;
  }

  void write(Path file) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      ExcelStyles styles = new ExcelStyles(workbook);
      progressSheet(workbook.createSheet(content.period().getMonthValue() + "月进度"), styles);
      leagueSheet(workbook.createSheet("大比武排名"), styles);
      completenessSheet(workbook.createSheet("报送情况"), styles);
      fundSheet(workbook.createSheet("资金"), styles);
      incidenceSheet(workbook.createSheet("贫困发生率"), styles);
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (OutputStream out = Files.newOutputStream(file)) {
        workbook.write(out);
      }
    }
  }

  private void progressSheet(Sheet sheet, ExcelStyles styles) {
    List<Region> units = content.units();
    int lastColumn = FIRST_UNIT_COLUMN + units.size() - 1;
    titleRows(sheet, styles, content.city().name() + "脱贫攻坚重点项目推进情况表", lastColumn);
    Row header = sheet.createRow(HEADER_ROW);
    String[] fixed = {"序号", "项目类别", "完成进度", "单位", content.city().name()};
    for (int c = 0; c < fixed.length; c++) {
      styles.text(header, c, fixed[c], styles.header);
    }
    for (int u = 0; u < units.size(); u++) {
      styles.text(header, FIRST_UNIT_COLUMN + u, units.get(u).name(), styles.header);
    }
    int row = HEADER_ROW + 1;
    int sequence = 0;
    for (IndicatorProgress indicator : content.progress()) {
      progressBlock(sheet, styles, row, ++sequence, indicator);
      row += 3;
    }
    sheet.setColumnWidth(0, 6 * 256);
    sheet.setColumnWidth(1, 18 * 256);
    sheet.setColumnWidth(2, 10 * 256);
    sheet.setColumnWidth(3, 6 * 256);
    for (int c = 4; c <= lastColumn; c++) {
      sheet.setColumnWidth(c, 12 * 256);
    }
    sheet.createFreezePane(FIRST_UNIT_COLUMN, HEADER_ROW + 1);
    forPrint(sheet, HEADER_ROW, true);
  }

  private void progressBlock(
      Sheet sheet, ExcelStyles styles, int first, int sequence, IndicatorProgress indicator) {
    Row target = sheet.createRow(first);
    Row completed = sheet.createRow(first + 1);
    Row rate = sheet.createRow(first + 2);
    target.createCell(0).setCellValue(sequence);
    target.getCell(0).setCellStyle(styles.header);
    styles.text(target, 1, indicator.name(), styles.text);
    for (Row r : List.of(completed, rate)) {
      styles.text(r, 0, null, styles.header);
      styles.text(r, 1, null, styles.text);
    }
    styles.text(target, 2, "年度任务", styles.text);
    styles.text(completed, 2, "累计完成", styles.text);
    styles.text(rate, 2, "完成率", styles.text);
    styles.text(target, 3, indicator.unit(), styles.text);
    styles.text(completed, 3, indicator.unit(), styles.text);
    styles.text(rate, 3, "%", styles.text);
    figure(styles, target, completed, rate, 4, indicator.cityTotal());
    for (int u = 0; u < content.units().size(); u++) {
      figure(
          styles,
          target,
          completed,
          rate,
          FIRST_UNIT_COLUMN + u,
          indicator.byUnitCode().get(content.units().get(u).code()));
    }
    sheet.addMergedRegion(new CellRangeAddress(first, first + 2, 0, 0));
    sheet.addMergedRegion(new CellRangeAddress(first, first + 2, 1, 1));
  }

  private static void figure(
      ExcelStyles styles, Row target, Row completed, Row rate, int column, Figure figure) {
    styles.number(target, column, figure == null ? null : figure.target());
    styles.number(completed, column, figure == null ? null : figure.completed());
    styles.rate(rate, column, figure == null ? null : figure.rate());
  }

  private void leagueSheet(Sheet sheet, ExcelStyles styles) {
    titleRows(sheet, styles, content.city().name() + "大比武排名", 4);
    Row header = sheet.createRow(HEADER_ROW);
    String[] names = {"名次", "单位", "参评指标数", "得分", "较上月"};
    for (int c = 0; c < names.length; c++) {
      styles.text(header, c, names[c], styles.header);
    }
    int row = HEADER_ROW + 1;
    List<LeagueEntry> unranked = content.league().stream().filter(e -> !e.ranked()).toList();
    for (LeagueEntry entry : content.league().stream().filter(LeagueEntry::ranked).toList()) {
      Row line = sheet.createRow(row++);
      styles.count(line, 0, entry.rank());
      styles.text(line, 1, entry.unit().name(), styles.text);
      styles.text(line, 2, entry.indicatorsScored() + "/" + entry.cityIndicators(), styles.text);
      styles.rate(line, 3, entry.score());
      styles.text(line, 4, rankChangeText(entry.rankChange()), styles.text);
    }
    if (!unranked.isEmpty()) {
      row++;
      Row title = sheet.createRow(row++);
      styles.text(title, 0, "未参与排名", styles.header);
      styles.text(title, 1, "单位", styles.header);
      styles.text(title, 2, "参评指标数", styles.header);
      styles.text(title, 3, "得分", styles.header);
      styles.text(title, 4, "原因", styles.header);
      for (LeagueEntry entry : unranked) {
        Row line = sheet.createRow(row++);
        styles.text(line, 0, "—", styles.text);
        styles.text(line, 1, entry.unit().name(), styles.text);
        styles.text(line, 2, entry.indicatorsScored() + "/" + entry.cityIndicators(), styles.text);
        styles.rate(line, 3, entry.score());
        styles.text(line, 4, entry.reason(), styles.text);
      }
    }
    widths(sheet, 8, 14, 12, 10, 40);
    forPrint(sheet, HEADER_ROW, false);
  }

  /** ↑2 (up two places since last month), ↓1, 持平, or 新上榜 when it was not ranked then. */
  static String rankChangeText(Integer change) {
    if (change == null) {
      return "新上榜";
    }
    return change > 0 ? "↑" + change : change < 0 ? "↓" + (-change) : "持平";
  }

  private void completenessSheet(Sheet sheet, ExcelStyles styles) {
    titleRows(sheet, styles, content.city().name() + "进度报送情况", 5);
    Row header = sheet.createRow(HEADER_ROW);
    String[] names = {"单位", "截止日期", "是否报送", "首次报送日期", "是否按时", "报送指标数"};
    for (int c = 0; c < names.length; c++) {
      styles.text(header, c, names[c], styles.header);
    }
    int row = HEADER_ROW + 1;
    for (Completeness unit : content.completeness()) {
      Row line = sheet.createRow(row++);
      styles.text(line, 0, unit.unit().name(), styles.text);
      date(styles, line, 1, unit.deadline());
      styles.text(line, 2, unit.received() ? "已报送" : "未报送", styles.text);
      date(styles, line, 3, unit.firstReportedAt());
      styles.text(line, 4, unit.onTime() ? "按时" : unit.received() ? "逾期" : "未报送", styles.text);
      styles.count(line, 5, unit.indicatorsReported());
    }
    widths(sheet, 14, 12, 10, 14, 10, 12);
    forPrint(sheet, HEADER_ROW, false);
  }

  private static void date(ExcelStyles styles, Row row, int column, LocalDate day) {
    styles.text(row, column, null, styles.date);
    if (day != null) {
      row.getCell(column).setCellValue(day);
    }
  }

  private void fundSheet(Sheet sheet, ExcelStyles styles) {
    titleRows(sheet, styles, content.city().name() + content.period().getYear() + "年资金下达与支付", 3);
    Row header = sheet.createRow(HEADER_ROW);
    String[] names = {"资金来源", "下达资金（元）", "已支付（元）", "支付率（%）"};
    for (int c = 0; c < names.length; c++) {
      styles.text(header, c, names[c], styles.header);
    }
    int row = HEADER_ROW + 1;
    for (FundFlow fund : content.funds()) {
      Row line = sheet.createRow(row++);
      styles.text(line, 0, fund.fundSourceName(), styles.text);
      styles.money(line, 1, fund.allocatedYuan());
      styles.money(line, 2, fund.paidYuan());
      styles.rate(line, 3, fund.rate());
    }
    row++;
    Row idleHeader = sheet.createRow(row++);
    String[] idleNames = {"资金来源", "闲置时长", "项目数", "闲置资金（元）"};
    for (int c = 0; c < idleNames.length; c++) {
      styles.text(idleHeader, c, idleNames[c], styles.header);
    }
    for (IdleFunds idle : content.idleFunds()) {
      Row line = sheet.createRow(row++);
      styles.text(line, 0, idle.fundSourceName(), styles.text);
      styles.text(line, 1, ageText(idle.ageBucket()), styles.text);
      styles.count(line, 2, idle.allocations());
      styles.money(line, 3, idle.idleYuan());
    }
    widths(sheet, 24, 18, 18, 12);
    forPrint(sheet, HEADER_ROW, false);
  }

  /** v_idle_funds.age_bucket as the bulletin writes it. */
  static String ageText(String bucket) {
    return switch (bucket) {
      case "under 6 months" -> "6个月以内";
      case "6-12 months" -> "6至12个月";
      default -> "12个月以上";
    };
  }

  private void incidenceSheet(Sheet sheet, ExcelStyles styles) {
    SortedSet<Integer> years = content.incidenceYears();
    Map<String, Map<Integer, Incidence>> byRegion = content.incidenceByRegion();
    titleRows(sheet, styles, content.city().name() + "贫困发生率（%）", Math.max(1, years.size()));
    Row header = sheet.createRow(HEADER_ROW);
    styles.text(header, 0, "单位", styles.header);
    int c = 1;
    for (int year : years) {
      styles.text(header, c++, year + "年", styles.header);
    }
    int row = HEADER_ROW + 1;
    for (Map.Entry<String, Map<Integer, Incidence>> region : byRegion.entrySet()) {
      Row line = sheet.createRow(row++);
      styles.text(line, 0, region.getKey(), styles.text);
      c = 1;
      for (int year : years) {
        Incidence i = region.getValue().get(year);
        styles.rate(line, c++, i == null ? null : i.incidenceRate());
      }
    }
    sheet.setColumnWidth(0, 14 * 256);
    forPrint(sheet, HEADER_ROW, false);
  }

  private void titleRows(Sheet sheet, ExcelStyles styles, String title, int lastColumn) {
    styles.text(sheet.createRow(0), 0, title, styles.title);
    styles.text(sheet.createRow(1), 0, "（" + content.asOfText() + "）", styles.subtitle);
    sheet.getRow(0).setHeightInPoints(26);
    styles.text(
        sheet.createRow(2),
        0,
        "填报单位："
            + content.city().name()
            + "    填报日期："
            + issuedOn.getYear()
            + "年"
            + issuedOn.getMonthValue()
            + "月"
            + issuedOn.getDayOfMonth()
            + "日    （拓贫发布 "
            + content.publishId()
            + "）",
        styles.subtitle);
    if (lastColumn > 0) {
      for (int r = 0; r < 3; r++) {
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, lastColumn));
      }
    }
  }

  private static void widths(Sheet sheet, int... characters) {
    for (int c = 0; c < characters.length; c++) {
      sheet.setColumnWidth(c, characters[c] * 256);
    }
  }

  /** A4, the header repeated on every page, as wide as the page; the progress table landscape. */
  private static void forPrint(Sheet sheet, int headerRow, boolean landscape) {
    PrintSetup print = sheet.getPrintSetup();
    print.setPaperSize(PrintSetup.A4_PAPERSIZE);
    print.setLandscape(landscape);
    print.setFitWidth((short) 1);
    print.setFitHeight((short) 0);
    sheet.setFitToPage(true);
    sheet.setRepeatingRows(new CellRangeAddress(0, headerRow, -1, -1));
    sheet.setHorizontallyCenter(true);
  }
}
