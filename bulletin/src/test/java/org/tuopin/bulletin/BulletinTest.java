package org.tuopin.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ConditionalFormatting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tuopin.warehouse.ReadOnlyQueries;

/**
 * The bulletin of 广元市 for 2018-02 from BulletinFixture's warehouse; every expected figure is worked
 * out by hand from the fixture's rows in the comments.
 */
class BulletinTest {
  @TempDir static Path folder;
  private static Bulletins.Written written;
  private static Workbook workbook;
  private static Path published;

  @BeforeAll
  static void writeBulletin() throws Exception {
    published = BulletinFixture.publish(folder.resolve("data"));
    List<Bulletins.Written> all =
        Bulletins.write(
            published,
            YearMonth.of(2018, 2),
            null,
            folder.resolve("out"),
            LocalDate.of(2018, 3, 9),
            BulletinSettings.DEFAULT);
    assertEquals(1, all.size());
    written = all.get(0);
    try (InputStream in = Files.newInputStream(written.workbook())) {
      workbook = WorkbookFactory.create(in);
    }
  }

  @Test
  void filesAreNamedByCityAndPeriod() {
    assertEquals("510800-2018-02.xlsx", written.workbook().getFileName().toString());
    assertEquals("510800-2018-02.html", written.page().getFileName().toString());
    assertEquals("广元市", written.cityName());
  }

  @Test
  void progressTableHasTheOfficesLayout() {
    Sheet sheet = workbook.getSheetAt(0);
    assertEquals("2月进度", sheet.getSheetName());
    assertEquals("广元市脱贫攻坚重点项目推进情况表", text(sheet, 0, 0));
    assertEquals("（截至2018年2月底）", text(sheet, 1, 0));
    assertTrue(text(sheet, 2, 0).contains("填报日期：2018年3月9日"), text(sheet, 2, 0));
    assertEquals(
        List.of("序号", "项目类别", "完成进度", "单位", "广元市", "利州区", "旺苍县", "苍溪县"), rowTexts(sheet, 3));
    // one block per indicator, by code: relocation, rural_roads, safe_water
    assertEquals(
        List.of("易地扶贫搬迁", "农村公路", "安全饮水"),
        List.of(text(sheet, 4, 1), text(sheet, 7, 1), text(sheet, 10, 1)));
    assertEquals(
        List.of("年度任务", "累计完成", "完成率"),
        List.of(text(sheet, 4, 2), text(sheet, 5, 2), text(sheet, 6, 2)));
    assertEquals(
        List.of("人", "人", "%"), List.of(text(sheet, 4, 3), text(sheet, 5, 3), text(sheet, 6, 3)));
    List<String> merged =
        sheet.getMergedRegions().stream().map(CellRangeAddress::formatAsString).sorted().toList();
    assertTrue(
        merged.containsAll(List.of("A5:A7", "B5:B7", "A8:A10", "B8:B10", "A11:A13", "B11:B13")),
        merged.toString());
    assertEquals(5, sheet.getPaneInformation().getVerticalSplitLeftColumn());
    assertEquals(4, sheet.getPaneInformation().getHorizontalSplitTopRow());
  }

  @Test
  void progressFiguresTotalsAndRates() {
    Sheet sheet = workbook.getSheetAt(0);
    // relocation: 利州区 none; 旺苍县 25 of 50 (50.0%); 苍溪县's latest version 30 of 100 (30.0%);
    // the city 55 of 150 = 36.67% → 36.7
    assertEquals(List.of("150", "", "50", "100"), numbers(sheet, 4));
    assertEquals(List.of("55", "", "25", "30"), numbers(sheet, 5));
    assertEquals(List.of("36.7", "", "50", "30"), numbers(sheet, 6));
    // rural_roads: 利州区 8.5 of 10 (85%); 旺苍县 0 of 0 (no rate); 苍溪县 10 of 20; city 18.5 of 30 =
    // 61.67%
    assertEquals(List.of("30", "10", "0", "20"), numbers(sheet, 7));
    assertEquals(List.of("18.5", "8.5", "0", "10"), numbers(sheet, 8));
    assertEquals(List.of("61.7", "85", "", "50"), numbers(sheet, 9));
    // safe_water: 旺苍县 10 of 40; 苍溪县 60 of 50 (120%, shown as reported); city 70 of 90 = 77.78%
    assertEquals(List.of("77.8", "", "25", "120"), numbers(sheet, 12));
    assertEquals("0.0", sheet.getRow(12).getCell(4).getCellStyle().getDataFormatString());
  }

  @Test
  void leagueRanksAssignedUnitsAndListsTheOthersBelow() {
    Sheet sheet = workbook.getSheet("大比武排名");
    // February, three indicators assigned in the city. 苍溪县: (30 + 50 + min(120, 100)) / 3 = 60.0.
    // 旺苍县: rural_roads has target 0, so (50 + 25) / 2 = 37.5 on 2 of 3 (at least half): ranked.
    // 利州区: 85 on 1 of 3 (fewer than half): listed below, unranked, although its score is highest.
    // January (relocation only): 旺苍县 40% first, 苍溪县 10% second, so 苍溪县 ↑1 and 旺苍县 ↓1.
    assertEquals(List.of("名次", "单位", "参评指标数", "得分", "较上月"), rowTexts(sheet, 3));
    assertEquals(List.of("1", "苍溪县", "3/3", "60", "↑1"), rowTexts(sheet, 4));
    assertEquals(List.of("2", "旺苍县", "2/3", "37.5", "↓1"), rowTexts(sheet, 5));
    assertEquals("未参与排名", text(sheet, 7, 0));
    assertEquals(List.of("—", "利州区", "1/3", "85", "仅1项指标有任务（全市3项），不足参评比例"), rowTexts(sheet, 8));
  }

  @Test
  void completenessSaysWhoReportedOnTime() {
    Sheet sheet = workbook.getSheet("报送情况");
    // deadline the 5th of March; 利州区's first figure came on the 8th
    assertEquals(List.of("利州区", "2018-03-05", "已报送", "2018-03-08", "逾期", "1"), rowTexts(sheet, 4));
    assertEquals(List.of("旺苍县", "2018-03-05", "已报送", "2018-03-04", "按时", "3"), rowTexts(sheet, 5));
    assertEquals(List.of("苍溪县", "2018-03-05", "已报送", "2018-03-03", "按时", "3"), rowTexts(sheet, 6));
  }

  @Test
  void fundsPaidUpToTheMonthAndIdleFundsByAge() {
    Sheet sheet = workbook.getSheet("资金");
    // 1000 allocated; 300 paid in February (the 200 of March comes after the bulletin's month):
    // 30%;
    // in 万元, shown with two decimals
    assertEquals(List.of("中央财政专项扶贫资金", "0.1", "0.03", "30"), rowTexts(sheet, 4));
    assertEquals("#,##0.00", sheet.getRow(4).getCell(1).getCellStyle().getDataFormatString());
    assertEquals("下达资金（万元）", text(sheet, 3, 1));
    // v_idle_funds is as of the latest month (March): 1000 − 500 idle, approved 2 months before
    assertEquals(List.of("中央财政专项扶贫资金", "6个月以内", "1", "0.05"), rowTexts(sheet, 7));
  }

  @Test
  void incidenceByUnitAndYear() {
    Sheet sheet = workbook.getSheet("贫困发生率");
    // 2017 (December): 苍溪县 7 / 200 = 3.5, 旺苍县 2 / 50 = 4, 广元市 9 / 250 = 3.6.
    // 2018 (February): 苍溪县 4 / 200 = 2, 旺苍县 2 / 50 = 4, 广元市 6 / 250 = 2.4.
    assertEquals(List.of("单位", "2017年", "2018年"), rowTexts(sheet, 3));
    assertEquals(List.of("广元市", "3.6", "2.4"), rowTexts(sheet, 4));
    assertEquals(List.of("旺苍县", "4", "4"), rowTexts(sheet, 5));
    assertEquals(List.of("苍溪县", "3.5", "2"), rowTexts(sheet, 6));
  }

  @Test
  void pageHoldsTheTablesAndChartsAndNothingHouseholdLevel() throws Exception {
    String page = Files.readString(written.page());
    // the units' scores, one chart per indicator (3), funds, incidence
    assertEquals(6, count(page, "<svg"));
    // 苍溪县: (30 + 50 + min(120, 100)) / 3 = 60, above 序时进度 (2 ÷ 12 = 16.7%): blue
    assertTrue(
        page.contains(
            "<td class=\"sticky\">苍溪县</td><td class=\"n\">3/3</td><td class=\"n\""
                + " style=\"background:#D6EAF8\" title=\"达到或超过序时进度\">60.0</td><td>↑1</td>"),
        page);
    assertTrue(page.contains("仅1项指标有任务（全市3项），不足参评比例"));
    assertTrue(page.contains("<h1>广元市2018年2月脱贫攻坚战报</h1><p class=\"issue\">第2期</p>"));
    // 利州区 reported late: marked in the progress table's header
    assertTrue(page.contains("<th>利州区<span class=\"late\">（逾期）</span></th>"));
    assertFalse(
        page.contains("h1'") || page.contains(">h1<") || page.contains(">h5<"),
        "a household key on the page");
    assertFalse(
        Pattern.compile("(src|href)=\"(?!data:|#)").matcher(page).find(),
        "the page refers to another file");
    assertFalse(Pattern.compile("url\\((?!data:)").matcher(page).find(), "a font from elsewhere");
    assertFalse(page.contains("<script"), "the page needs no script");
  }

  /** The charts' text is text: no glyph outlines, and every label a {@code <text>}. */
  @Test
  void chartTextIsTextInTheEmbeddedFont() throws Exception {
    String page = Files.readString(written.page());
    assertFalse(page.contains("<path"), "a glyph path stands in for text");
    assertFalse(page.contains("matrix("), "rotated text drawn as shapes");
    for (String label : List.of("苍溪县", "旺苍县", "序时进度 16.7", "60.0", "2017年")) {
      assertTrue(
          Pattern.compile("<text[^>]*>" + Pattern.quote(label)).matcher(page).find(),
          label + " is not chart text");
    }
    // the font is in the page: the slices that hold its characters, as data
    assertTrue(
        page.contains("@font-face{font-family:'Tuopin Noto Sans SC'")
            && page.contains("src:url(data:font/woff2;base64,"));
    assertTrue(page.contains("body{font-family:'Tuopin Noto Sans SC',sans-serif"));
  }

  /** 总体情况, sentence by sentence, each figure worked out by hand from the fixture. */
  @Test
  void theSummarySaysWhatTheFiguresSay() throws Exception {
    assertEquals(
        List.of(
            // 序时进度 2 ÷ 12 = 16.7%; the city's rates: relocation 55/150 = 36.7, roads 18.5/30 =
            // 61.7, water 70/90 = 77.8: all ahead
            "截至2018年2月底，全市3个单位报送3类重点项目进度，序时进度为16.7%。3类项目全市完成率达到或超过序时进度，"
                + "0类略低于序时进度（5.0个百分点以内），0类落后于序时进度。",
            // scores 苍溪县 60, 旺苍县 (50 + 25) / 2 = 37.5, 利州区 85 (scored, not ranked)
            "从各单位综合得分看，3个单位达到或超过序时进度，0个单位略低于序时进度，0个单位落后于序时进度。",
            // January: 旺苍县 40% first, 苍溪县 10% second; February the other way round
            "大比武中，苍溪县以60.0分位列第一；较上月名次下降最多的是旺苍县（下降1位，现列第2）。",
            "本月应报送3个单位，按时报送2个，逾期报送1个（利州区）。",
            "2018年1至2月，全市下达各类扶贫资金0.10万元，已支付0.03万元，支付率30.0%。"),
        BulletinSummary.sentences(content()));
    Sheet sheet = workbook.getSheet("总体情况");
    assertEquals("广元市2018年2月脱贫攻坚战报（第2期）", text(sheet, 0, 0));
    assertEquals("本月应报送3个单位，按时报送2个，逾期报送1个（利州区）。", text(sheet, 7, 0));
  }

  /** Every rate of the progress sheet and every score carries the three rules of 序时进度. */
  @Test
  void theWorkbookColoursRatesAgainstTheSchedule() {
    Sheet sheet = workbook.getSheetAt(0);
    SheetConditionalFormatting formats = sheet.getSheetConditionalFormatting();
    assertEquals(1, formats.getNumConditionalFormattings());
    ConditionalFormatting rates = formats.getConditionalFormattingAt(0);
    // the three blocks' 完成率 rows, from the city's column to the last unit's
    assertEquals(
        List.of("E7:H7", "E10:H10", "E13:H13"),
        Arrays.stream(rates.getFormattingRanges()).map(CellRangeAddress::formatAsString).toList());
    assertEquals(3, rates.getNumberOfRules());
    assertEquals("AND(ISNUMBER(E7),E7>=16.6667)", rates.getRule(0).getFormula1());
    assertEquals("AND(ISNUMBER(E7),E7<16.6667,E7>=11.6667)", rates.getRule(1).getFormula1());
    assertEquals("AND(ISNUMBER(E7),E7<11.6667)", rates.getRule(2).getFormula1());
    assertEquals(
        1,
        workbook.getSheet("大比武排名").getSheetConditionalFormatting().getNumConditionalFormattings());
  }

  private static BulletinContent content() throws Exception {
    try (Connection c = ReadOnlyQueries.open(published)) {
      return new BulletinQueries(c, "510800", YearMonth.of(2018, 2), 5.0).load();
    }
  }

  private static int count(String text, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static String text(Sheet sheet, int row, int column) {
    Row r = sheet.getRow(row);
    Cell cell = r == null ? null : r.getCell(column);
    return cell == null ? null : cellText(cell);
  }

  private static String cellText(Cell cell) {
    if (cell.getCellType() == CellType.NUMERIC) {
      if (cell.getCellStyle().getDataFormatString().startsWith("yyyy")) {
        return cell.getLocalDateTimeCellValue().toLocalDate().toString();
      }
      return new BigDecimal(String.valueOf(cell.getNumericCellValue()))
          .stripTrailingZeros()
          .toPlainString();
    }
    return cell.getCellType() == CellType.BLANK ? "" : cell.getStringCellValue();
  }

  private static List<String> rowTexts(Sheet sheet, int row) {
    List<String> texts = new ArrayList<>();
    for (Cell cell : sheet.getRow(row)) {
      texts.add(cellText(cell));
    }
    return texts;
  }

  /** The city total and unit columns of a row. */
  private static List<String> numbers(Sheet sheet, int row) {
    List<String> texts = new ArrayList<>();
    for (int c = 4; c < 8; c++) {
      Cell cell = sheet.getRow(row).getCell(c);
      texts.add(cell == null ? "" : cellText(cell));
    }
    return texts;
  }

  @Test
  void rankChangeWords() {
    assertEquals("新上榜", BulletinWorkbook.rankChangeText(null));
    assertEquals("持平", BulletinWorkbook.rankChangeText(0));
    assertEquals("↓2", BulletinWorkbook.rankChangeText(-2));
    assertNull(text(workbook.getSheet("资金"), 40, 0));
  }
}
