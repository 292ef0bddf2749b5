package org.tuopin.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulletin of 广元市 for 2018-02 from BulletinFixture's warehouse; every expected figure is worked
 * out by hand from the fixture's rows in the comments.
 */
class BulletinTest {
  @TempDir static Path folder;
  private static Bulletins.Written written;
  private static Workbook workbook;

  @BeforeAll
  static void writeBulletin() throws Exception {
    Path published = BulletinFixture.publish(folder.resolve("data"));
    List<Bulletins.Written> all =
        Bulletins.write(
            published,
            YearMonth.of(2018, 2),
            null,
            folder.resolve("out"),
            LocalDate.of(2018, 3, 9));
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
    // 1000 allocated; 300 paid in February (the 200 of March comes after the bulletin's month): 30%
    assertEquals(List.of("中央财政专项扶贫资金", "1000", "300", "30"), rowTexts(sheet, 4));
    // v_idle_funds is as of the latest month (March): 1000 − 500 idle, approved 2 months before
    assertEquals(List.of("中央财政专项扶贫资金", "6个月以内", "1", "500"), rowTexts(sheet, 7));
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
    assertEquals(5, count(page, "<svg"));
    assertTrue(
        page.contains(
            "<td>苍溪县</td><td class=\"n\">3/3</td><td class=\"n\">60.0</td><td"
                + " class=\"up\">↑1</td>"));
    assertTrue(page.contains("仅1项指标有任务（全市3项），不足参评比例"));
    assertFalse(
        page.contains("h1'") || page.contains(">h1<") || page.contains(">h5<"),
        "a household key on the page");
    assertFalse(
        Pattern.compile("(src|href)=\"(?!data:|#)").matcher(page).find(),
        "the page refers to another file");
    assertFalse(page.contains("<script"), "the page needs no script");
    // JFreeSVG quotes its style attributes with ', so a quoted font name would end the attribute
    assertFalse(
        Pattern.compile("style='[^']*font-family: *'").matcher(page).find(),
        "a chart's font list breaks its style");
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
