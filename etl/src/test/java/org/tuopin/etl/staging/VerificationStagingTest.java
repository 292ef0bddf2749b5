package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tuopin.etl.LandingRows;
import org.tuopin.etl.TestRegions;
import org.tuopin.etl.TestSpark;
import org.tuopin.etl.model.Pseudonyms;
import org.tuopin.etl.source.Contracts;
import org.tuopin.etl.source.LandingFile;
import org.tuopin.etl.source.LandingReader;

/** The cadres' verifications of 2021-06 (入户核实): one row per rule, by hand. */
class VerificationStagingTest {
  private static final String MEMBER = "510824198001010026";
  private static final String[] HEADER = {
    "subject_key", "id_number", "name", "visited_on", "conclusion", "note"
  };

  @Test
  void aVerificationNamesItsSubjectByKeyOrIdentityNumberAndEachBrokenRuleIsNamed() {
    Pseudonyms pseudonyms =
        new Pseudonyms("a test key, not a real one".getBytes(StandardCharsets.UTF_8));
    String memberKey =
        TestSpark.rows("id STRING", new Object[] {MEMBER})
            .select(pseudonyms.person(col("id")))
            .first()
            .getString(0);
    LandingRows rows =
        new LandingRows(
                Contracts.VERIFICATIONS,
                Contracts.VERIFICATION,
                "verifications/2021-06/v.csv",
                HEADER)
            // line 2: by the list's 编号
            .row("hA", "", "张三", "2021-06-03", "纳入监测", "张三说收入下降")
            // line 3: by an identity number, its name written differently
            .row("", MEMBER, "张叁", "2021年6月4日", "已在监测", "")
            // line 4: neither
            .row("", "", "李四", "2021-06-03", "排除", "")
            // line 5: a subject the warehouse will match (or not: v_verifications says)
            .row("hZ", "", "", "2021-06-03", "排除", "")
            // line 6: a conclusion outside the three
            .row("pX", "", "", "2021-06-03", "待定", "")
            // line 7: a visit of an earlier month, sent late
            .row("pX", "", "", "2021-04-28", "排除", "")
            // line 8: a visit after the folder's month
            .row("pX", "", "", "2021-07-01", "排除", "")
            // line 9: no visit day
            .row("pX", "", "", "", "排除", "")
            // line 10: a wrong check digit
            .row("", "510824198001010027", "", "2021-06-03", "排除", "");

    Staged staged =
        VerificationStaging.stage(
            rows.dataset(), pseudonyms, LocalDate.of(2021, 6, 1), LocalDate.of(2021, 7, 10));

    Map<Long, String> rules = new TreeMap<>();
    staged
        .quarantined()
        .collectAsList()
        .forEach(
            r -> rules.put(r.getAs("line_number"), r.getAs("rule") + "/" + r.getAs("rule_column")));
    Map<Long, String> expected = new TreeMap<>();
    expected.put(4L, "missing_value/subject_key");
    expected.put(6L, "unknown_conclusion/conclusion");
    expected.put(8L, "date_outside_period/visited_on");
    expected.put(9L, "missing_value/visited_on");
    expected.put(10L, "id_number_check_digit/id_number");
    assertEquals(expected, rules);
    assertEquals(
        List.of(
            "pX|2021-04-28|排除",
            "hA|2021-06-03|纳入监测",
            "hZ|2021-06-03|排除",
            memberKey + "|2021-06-04|已在监测"),
        staged.loaded().orderBy("visited_on", "subject_key").collectAsList().stream()
            .map(
                r ->
                    r.getAs("subject_key")
                        + "|"
                        + r.getAs("visited_on")
                        + "|"
                        + r.getAs("conclusion"))
            .toList());
    assertEquals(
        List.of("subject_key", "visited_on", "conclusion", "file_name"),
        List.of(staged.loaded().columns()));
  }

  /**
   * The cadres' filled visit list as it comes back: an .xlsx with a title row, the header on the
   * second row among columns the contract ignores, a visit day typed as an Excel date, a blank row.
   */
  @Test
  void aFilledVisitListWorkbookIsReadRowByRow(@TempDir Path landing) throws Exception {
    Path file = landing.resolve("verifications/2021-06/陵江镇.xlsx");
    Files.createDirectories(file.getParent());
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      Sheet sheet = workbook.createSheet("陵江镇");
      sheet.createRow(0).createCell(0).setCellValue("苍溪县陵江镇 2021-05 入户核实名单");
      String[] header = {"乡镇", "村", "姓名", "身份证号后四位", "走访日期", "核实结论", "备注", "编号"};
      var headerRow = sheet.createRow(1);
      for (int i = 0; i < header.length; i++) {
        headerRow.createCell(i).setCellValue(header[i]);
      }
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
      var visited = sheet.createRow(2);
      visited.createCell(0).setCellValue("陵江镇");
      visited.createCell(2).setCellValue("张三");
      visited.createCell(4).setCellValue(LocalDate.of(2021, 6, 3));
      visited.getCell(4).setCellStyle(date);
      visited.createCell(5).setCellValue("排除");
      visited.createCell(7).setCellValue("hA");
      var typed = sheet.createRow(4);
      typed.createCell(4).setCellValue("2021/6/4");
      typed.createCell(5).setCellValue("纳入监测");
      typed.createCell(7).setCellValue("pX");
      workbook.write(out);
    }
    Dataset<Row> records =
        LandingReader.read(
            TestSpark.session(),
            List.of(LandingFile.of(Contracts.VERIFICATIONS, file)),
            TestRegions.cityUnitNames(),
            LocalDate.of(2021, 7, 1),
            1);
    Staged staged =
        VerificationStaging.stage(
            records,
            new Pseudonyms("a test key, not a real one".getBytes(StandardCharsets.UTF_8)),
            LocalDate.of(2021, 6, 1),
            LocalDate.of(2021, 7, 1));

    assertEquals(0, staged.quarantined().count());
    // the sheet's rows 3 and 5 (row 4 is blank; rows 1 and 2 are the title and the header)
    assertEquals(
        List.of(3L, 5L),
        records.filter(col("kind").equalTo("row")).orderBy("line_number").collectAsList().stream()
            .map(r -> r.<Long>getAs("line_number"))
            .toList());
    assertEquals(
        List.of("hA|2021-06-03|排除", "pX|2021-06-04|纳入监测"),
        staged.loaded().orderBy("visited_on").collectAsList().stream()
            .map(
                r ->
                    r.getAs("subject_key")
                        + "|"
                        + r.getAs("visited_on")
                        + "|"
                        + r.getAs("conclusion"))
            .toList());
  }
}
