package org.tuopin.bulletin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.DefaultIndexedColorMap;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tuopin.bulletin.BulletinContent.Completeness;
import org.tuopin.bulletin.BulletinContent.Figure;
import org.tuopin.bulletin.BulletinContent.FundFlow;
import org.tuopin.bulletin.BulletinContent.IdleFunds;
import org.tuopin.bulletin.BulletinContent.Incidence;
import org.tuopin.bulletin.BulletinContent.IndicatorProgress;
import org.tuopin.bulletin.BulletinContent.LeagueEntry;
import org.tuopin.bulletin.BulletinContent.MonitoringCounts;
import org.tuopin.bulletin.BulletinContent.Region;
import org.tuopin.bulletin.BulletinContent.Screening;
import org.tuopin.bulletin.BulletinContent.ScreeningCounts;

/**
 * The bulletin as an Excel workbook. Its first sheet is the progress table in the layout offices
 * send (so Tuopin's own city-table reader reads it back): two title rows, a line naming the issuer
 * and the day, the 序号 header, then per indicator the 年度任务 / 累计完成 / 完成率 rows with merged 序号 and 项目类别
 * cells, the city's total column and one column per unit. Then 总体情况 (the page's paragraph), the
 * league, completeness, funds (万元) and incidence sheets, and after 2020 the monitoring sheet. Every
 * completion rate and score carries conditional formats against 序时进度 (the page's colours), so a
 * figure corrected by hand recolours itself; late and missing reports are tinted.
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
      summarySheet(workbook.createSheet("总体情况"), styles);
      leagueSheet(workbook.createSheet("大比武排名"), styles);
      completenessSheet(workbook.createSheet("报送情况"), styles);
      fundSheet(workbook.createSheet("资金"), styles);
      if (content.monitoring() != null) {
        monitoringSheet(workbook.createSheet("防止返贫监测"), styles);
        screeningSheet(workbook.createSheet("筛查核实"), styles);
      }
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
    List<CellRangeAddress> rates = new ArrayList<>();
    for (int block = 0; block < content.progress().size(); block++) {
      int rateRow = HEADER_ROW + 1 + block * 3 + 2;
      rates.add(new CellRangeAddress(rateRow, rateRow, 4, lastColumn));
    }
    againstSchedule(sheet, rates);
    forPrint(sheet, HEADER_ROW, true);
  }

  /**
   * Conditional formats on rate cells: tinted as the page tints them against 序时进度 (ahead, within
   * the tolerance, behind); an empty cell stays white.
   */
  private void againstSchedule(Sheet sheet, List<CellRangeAddress> ranges) {
    if (ranges.isEmpty()) {
      return;
    }
    SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
    CellRangeAddress first = ranges.get(0);
    String cell =
        new CellReference(first.getFirstRow(), first.getFirstColumn(), false, false)
            .formatAsString();
    Schedule schedule = content.schedule();
    String at = number(schedule.percent());
    String within = number(schedule.percent() - schedule.tolerancePoints());
    List<String> formulas =
        List.of(
            "AND(ISNUMBER(" + cell + ")," + cell + ">=" + at + ")",
            "AND(ISNUMBER(" + cell + ")," + cell + "<" + at + "," + cell + ">=" + within + ")",
            "AND(ISNUMBER(" + cell + ")," + cell + "<" + within + ")");
    Schedule.Status[] statuses = Schedule.Status.values();
    ConditionalFormattingRule[] rules = new ConditionalFormattingRule[formulas.size()];
    for (int i = 0; i < rules.length; i++) {
      rules[i] = formatting.createConditionalFormattingRule(formulas.get(i));
      PatternFormatting fill = rules[i].createPatternFormatting();
      fill.setFillBackgroundColor(
          new XSSFColor(HexFormat.of().parseHex(statuses[i].tint), new DefaultIndexedColorMap()));
      fill.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
    }
    formatting.addConditionalFormatting(ranges.toArray(new CellRangeAddress[0]), rules);
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  /** 总体情况: the paragraph, one sentence to a row, and what the colours say. */
  private void summarySheet(Sheet sheet, ExcelStyles styles) {
    titleRows(sheet, styles, content.title() + "（" + content.issueText() + "）", 0);
    int row = HEADER_ROW;
    styles.text(sheet.createRow(row++), 0, "总体情况", styles.header);
    for (String sentence : BulletinSummary.sentences(content)) {
      Row line = sheet.createRow(row++);
      styles.text(line, 0, sentence, styles.text);
      line.setHeightInPoints(Math.max(1, sentence.length() / 60 + 1) * 16f);
    }
    row++;
    Schedule schedule = content.schedule();
    styles.text(
        sheet.createRow(row++),
        0,
        "完成率对照序时进度（" + Numbers.oneDecimal(schedule.percent()) + "%）着色：",
        styles.text);
    for (Schedule.Status status : Schedule.Status.values()) {
      Cell cell =
          styles.text(
              sheet.createRow(row++),
              0,
              status.words
                  + (status == Schedule.Status.WITHIN
                      ? "（" + Numbers.oneDecimal(schedule.tolerancePoints()) + "个百分点以内）"
                      : ""),
              styles.filled(status.tint));
      cell.getRow().setHeightInPoints(16f);
    }
    sheet.setColumnWidth(0, 110 * 256);
    forPrint(sheet, 2, false);
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
    againstSchedule(sheet, List.of(new CellRangeAddress(HEADER_ROW + 1, row, 3, 3)));
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
      styles.text(
          line,
          4,
          unit.onTime() ? "按时" : unit.received() ? "逾期" : "未报送",
          unit.onTime() ? styles.text : styles.filled(Schedule.Status.BEHIND.tint));
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
    String[] names = {"资金来源", "下达资金（万元）", "已支付（万元）", "支付率（%）"};
    for (int c = 0; c < names.length; c++) {
      styles.text(header, c, names[c], styles.header);
    }
    int row = HEADER_ROW + 1;
    for (FundFlow fund : content.funds()) {
      Row line = sheet.createRow(row++);
      styles.text(line, 0, fund.fundSourceName(), styles.text);
      styles.tenThousandYuan(line, 1, fund.allocatedYuan());
      styles.tenThousandYuan(line, 2, fund.paidYuan());
      styles.rate(line, 3, fund.rate());
    }
    row++;
    Row idleHeader = sheet.createRow(row++);
    String[] idleNames = {"资金来源", "闲置时长", "项目数", "闲置资金（万元）"};
    for (int c = 0; c < idleNames.length; c++) {
      styles.text(idleHeader, c, idleNames[c], styles.header);
    }
    for (IdleFunds idle : content.idleFunds()) {
      Row line = sheet.createRow(row++);
      styles.text(line, 0, idle.fundSourceName(), styles.text);
      styles.text(line, 1, ageText(idle.ageBucket()), styles.text);
      styles.count(line, 2, idle.allocations());
      styles.tenThousandYuan(line, 3, idle.idleYuan());
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

  private void monitoringSheet(Sheet sheet, ExcelStyles styles) {
    String[] names = {
      "单位",
      "监测户",
      "监测人口（人）",
      "脱贫不稳定户",
      "边缘易致贫户",
      "突发严重困难户",
      "本月新纳入",
      "本月风险消除",
      "仍有风险",
      "预警：收入低于监测线",
      "预警：收入大幅下降",
      "预警：“两不愁三保障”"
    };
    titleRows(sheet, styles, content.city().name() + "防止返贫动态监测情况（户）", names.length - 1);
    Row header = sheet.createRow(HEADER_ROW);
    for (int c = 0; c < names.length; c++) {
      styles.text(header, c, names[c], styles.header);
    }
    int row = HEADER_ROW + 1;
    List<MonitoringCounts> lines = new ArrayList<>(content.monitoring().counties());
    lines.add(content.monitoring().city());
    for (MonitoringCounts m : lines) {
      Row line = sheet.createRow(row++);
      styles.text(line, 0, m.region().name(), styles.text);
      long[] values = m.columns();
      for (int c = 0; c < values.length; c++) {
        styles.count(line, c + 1, values[c]);
      }
    }
    sheet.setColumnWidth(0, 14 * 256);
    for (int c = 1; c < names.length; c++) {
      sheet.setColumnWidth(c, 13 * 256);
    }
    sheet.createFreezePane(1, HEADER_ROW + 1);
    forPrint(sheet, HEADER_ROW, true);
  }

  private void screeningSheet(Sheet sheet, ExcelStyles styles) {
    Screening screening = content.monitoring().screening();
    List<String> names = new ArrayList<>(List.of("单位"));
    names.addAll(screening.columnNames());
    titleRows(sheet, styles, content.city().name() + "部门筛查预警与入户核实情况（条）", names.size() - 1);
    Row header = sheet.createRow(HEADER_ROW);
    for (int c = 0; c < names.size(); c++) {
      styles.text(header, c, names.get(c), styles.header);
    }
    int row = HEADER_ROW + 1;
    List<ScreeningCounts> lines = new ArrayList<>(screening.counties());
    lines.add(screening.city());
    for (ScreeningCounts counts : lines) {
      Row line = sheet.createRow(row++);
      styles.text(line, 0, counts.region().name(), styles.text);
      List<Long> values = counts.columns();
      for (int c = 0; c < values.size(); c++) {
        styles.count(line, c + 1, values.get(c));
      }
    }
    sheet.setColumnWidth(0, 14 * 256);
    for (int c = 1; c < names.size(); c++) {
      sheet.setColumnWidth(c, 12 * 256);
    }
    sheet.createFreezePane(1, HEADER_ROW + 1);
    forPrint(sheet, HEADER_ROW, true);
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
            + "日    "
            + content.issueText(),
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
