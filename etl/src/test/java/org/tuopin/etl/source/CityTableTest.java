package org.tuopin.etl.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tuopin.etl.TestRegions;
import org.tuopin.etl.TestSpark;
import org.tuopin.etl.staging.Staged;
import org.tuopin.etl.staging.SubmissionStaging;

/**
 * A bulletin table shaped like a real one (title rows, merged 序号/项目类别 cells, a header with a line
 * break, percent-formatted and written rates, formulas, a note row), read and staged; every
 * expected row below was worked out by hand from the cells.
 */
class CityTableTest {
  private static final String[] HEADER = {
    "序号", "项目类别", "完成进度", "单位", "广元市", "利州区", "苍溪县", "旺苍县", "广元\n经开区"
  };

  /**
   * The same table as an .xlsx that Excel saved and as an Excel 97-2003 .xls without document
   * properties.
   */
  @ParameterizedTest
  @ValueSource(strings = {"xlsx", "xls"})
  void aCityBulletinLoadsOneFigurePerIndicatorAndUnitAndQuarantinesWhatItsOwnChecksReject(
      String format, @TempDir Path landing) throws Exception {
    Path file = landing.resolve("submissions/2020-10/广元市10月战报." + format);
    Files.createDirectories(file.getParent());
    writeBulletin(
        file, format.equals("xls") ? new HSSFWorkbook() : new XSSFWorkbook(), "2020年11月3日");

    Dataset<Row> records =
        LandingReader.read(
            TestSpark.session(),
            List.of(LandingFile.of(Contracts.SUBMISSIONS, file)),
            TestRegions.cityUnitNames(),
            LocalDate.of(2020, 11, 10),
            1);
    Staged staged =
        SubmissionStaging.stage(
            records, LocalDate.of(2020, 10, 1), LocalDate.of(2020, 11, 10), units(), indicators());

    Map<String, String> loaded = new TreeMap<>();
    for (Row r : staged.loaded().collectAsList()) {
      loaded.put(
          r.getAs("indicator_code")
              + " "
              + r.getAs("region_code")
              + " line "
              + r.getAs("line_number"),
          r.getAs("annual_target").toString()
              + "/"
              + r.getAs("cumulative_completed")
              + " on "
              + r.getAs("reported_at"));
    }
    assertEquals(
        new TreeMap<>(
            Map.of(
                "relocation 510802 line 5", "200.00/180.00 on 2020-11-03",
                "relocation 510824 line 5", "800.00/760.00 on 2020-11-03",
                "relocation 510821 line 5", "400.00/360.00 on 2020-11-03",
                "relocation 510899 line 5", "0.00/0.00 on 2020-11-03",
                "house_renovation 510802 line 8", "100.00/90.00 on 2020-11-03",
                "house_renovation 510824 line 8", "120.00/100.00 on 2020-11-03",
                "village_roads 510802 line 13", "12.50/10.00 on 2020-11-03",
                "village_roads 510824 line 13", "0.30/0.30 on 2020-11-03")),
        loaded);

    Map<String, String> quarantined = new TreeMap<>();
    for (Row r : staged.quarantined().collectAsList()) {
      quarantined.put(
          r.getAs("raw_text"),
          r.getAs("rule")
              + (r.getAs("rule_column") == null ? "" : "(" + r.getAs("rule_column") + ")"));
    }
    assertEquals(
        new TreeMap<>(
            Map.of(
                "进度表!H8:H10 农村危房改造 旺苍县: 年度任务=80, 累计完成=50, 完成率=70", "rate_mismatch",
                "进度表!F11:F12 安全饮水 利州区: 年度任务=200, 累计完成=100, 完成率=", "city_total_mismatch",
                "进度表!G11:G12 安全饮水 苍溪县: 年度任务=200, 累计完成=150, 完成率=", "city_total_mismatch",
                "进度表!H11:H12 安全饮水 旺苍县: 年度任务=90, 累计完成=90, 完成率=", "city_total_mismatch",
                "进度表!I11:I12 安全饮水 广元经开区: 年度任务=10, 累计完成=10, 完成率=", "city_total_mismatch",
                "进度表!H13:H14 通村硬化路 旺苍县: 年度任务=5, 累计完成=, 完成率=",
                    "missing_value(cumulative_completed)")),
        quarantined);

    Row fileRecord = records.filter("kind = 'file'").first();
    assertEquals(
        List.of("row 15 (not a 年度任务/累计完成/完成率 row)"),
        fileRecord.getList(fileRecord.fieldIndex("ignored_columns")));
    assertEquals(format, fileRecord.getAs("encoding"));
    assertEquals(
        "reported_at 2020-11-03 from a date in its title rows", fileRecord.getAs("file_detail"));
    assertEquals(
        14L,
        records.filter("kind = 'row'").count(),
        "read = 8 loaded + 6 quarantined; the blank 经开区 renovation cells are no row");
  }

  private static Dataset<Row> units() {
    return TestSpark.rows(
        "unit_code STRING",
        new Object[] {"510802"},
        new Object[] {"510821"},
        new Object[] {"510824"},
        new Object[] {"510899"});
  }

  private static Dataset<Row> indicators() {
    return TestSpark.rows(
        "indicator_key STRING, resolved_indicator_code STRING, resolved_unit STRING",
        new Object[] {"易地扶贫搬迁", "relocation", "人"},
        new Object[] {"农村危房改造", "house_renovation", "户"},
        new Object[] {"安全饮水", "safe_water", "户"},
        new Object[] {"通村硬化路", "village_roads", "公里"});
  }

  /**
   * Without document properties, a city table's reported_at is the first of: a date in its title
   * rows (labelled 填报日期 first), the file's modification time, the day of ingestion.
   */
  @Test
  void aWorkbookWithoutDocumentPropertiesTakesItsDateFromTheTitleThenTheFileThenTheIngestion(
      @TempDir Path landing) throws Exception {
    Path folder = Files.createDirectories(landing.resolve("submissions/2020-10"));
    Instant november6 =
        LocalDate.of(2020, 11, 6).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    Path labelled = folder.resolve("labelled.xlsx");
    writeBulletin(labelled, new XSSFWorkbook(), "报送日期：2020.11.04   印发 2020年11月9日");
    Path undated = folder.resolve("undated.xlsx");
    writeBulletin(undated, new XSSFWorkbook(), "（截至2020年10月31日）");
    Path clockless = folder.resolve("clockless.xls");
    writeBulletin(clockless, new HSSFWorkbook(), "");
    for (Path file : List.of(labelled, undated)) {
      withoutDocumentProperties(file);
      Files.setLastModifiedTime(file, FileTime.from(november6));
    }
    Files.setLastModifiedTime(clockless, FileTime.from(Instant.parse("1980-01-01T00:00:00Z")));

    // each file goes by <source>/<month>/<12 hex digits of its SHA-256>.<extension>
    String labelledName = LandingFile.of(Contracts.SUBMISSIONS, labelled).name();
    String undatedName = LandingFile.of(Contracts.SUBMISSIONS, undated).name();
    String clocklessName = LandingFile.of(Contracts.SUBMISSIONS, clockless).name();
    assertTrue(clocklessName.matches("submissions/2020-10/[0-9a-f]{12}\\.xls"), clocklessName);
    Dataset<Row> records =
        LandingReader.read(
            TestSpark.session(),
            List.of(
                LandingFile.of(Contracts.SUBMISSIONS, labelled),
                LandingFile.of(Contracts.SUBMISSIONS, undated),
                LandingFile.of(Contracts.SUBMISSIONS, clockless)),
            TestRegions.cityUnitNames(),
            LocalDate.of(2020, 11, 10),
            1);

    Map<String, String> notes = new TreeMap<>();
    for (Row r : records.filter("kind = 'file'").collectAsList()) {
      notes.put(r.getAs("file_name"), r.getAs("file_rule") + " " + r.getAs("file_detail"));
    }
    assertEquals(
        new TreeMap<>(
            Map.of(
                labelledName,
                "null reported_at 2020-11-04 from a date in its title rows",
                undatedName,
                "null reported_at 2020-11-06 from the file's modification time (the workbook"
                    + " records no date)",
                clocklessName,
                "null reported_at 2020-11-10 from the day it was ingested (the workbook and the"
                    + " file record no usable date)")),
        notes);
    Staged staged =
        SubmissionStaging.stage(
            records, LocalDate.of(2020, 10, 1), LocalDate.of(2020, 11, 10), units(), indicators());
    assertEquals(
        24L, staged.loaded().count(), "each file's 8 correct figures load, whatever dated them");
    Map<String, Long> days = new TreeMap<>();
    for (Row r : staged.loaded().groupBy("file_name", "reported_at").count().collectAsList()) {
      days.put(r.getString(0) + " " + r.get(1), r.getLong(2));
    }
    assertEquals(
        new TreeMap<>(
            Map.of(
                labelledName + " 2020-11-04",
                8L,
                undatedName + " 2020-11-06",
                8L,
                clocklessName + " 2020-11-10",
                8L)),
        days);
  }

  /**
   * What WPS and export libraries write: an .xlsx without docProps/core.xml (no saved or created
   * date).
   */
  private static void withoutDocumentProperties(Path file) throws Exception {
    Path stripped = file.resolveSibling(file.getFileName() + ".stripped");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(stripped))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (entry.getName().equals("docProps/core.xml")) {
          continue;
        }
        byte[] content = in.readAllBytes();
        if (entry.getName().equals("_rels/.rels")
            || entry.getName().equals("[Content_Types].xml")) {
          content =
              new String(content, StandardCharsets.UTF_8)
                  .replaceAll("<(Relationship|Override)[^>]*core\\.xml\"/>", "")
                  .getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(entry.getName()));
        out.write(content);
      }
    }
    Files.move(stripped, file, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Rows are written one-based here, as Excel shows them; the workbook's format is the caller's.
   */
  private static void writeBulletin(Path file, Workbook workbook, String dateCell)
      throws Exception {
    try (workbook) {
      Sheet sheet = workbook.createSheet("进度表");
      CellStyle percent = workbook.createCellStyle();
      percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
      set(sheet, 1, "广元市脱贫攻坚重点项目推进情况");
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 8));
      set(sheet, 2, "（截至2020年10月底）");
      set(sheet, 3, "填报单位：广元市扶贫开发局", null, null, null, null, null, dateCell);
      set(sheet, 4, (Object[]) HEADER);
      set(sheet, 5, 1, "易地扶贫搬迁", "年度任务", "人", 1400, 200, 800, 400, 0);
      set(sheet, 6, null, null, "累计完成", "人", 1300, 180, 760, 360, 0);
      set(sheet, 7, null, null, "完成率", "%", 92.9, "90.0%", 95, 90);
      merge(sheet, 5, 7);
      set(sheet, 8, 2, "农村危房改造", "年度任务", "户", 300, 100, 120, 80);
      set(sheet, 9, null, null, "累计完成", "户", 240, 90, 100, 50);
      set(sheet, 10, null, null, "完成率", "%", 0.8, 0.9, 0.8333, 0.7);
      for (int c = 4; c <= 7; c++) {
        sheet.getRow(9).getCell(c).setCellStyle(percent);
      }
      merge(sheet, 8, 10);
      set(sheet, 11, 3, "安全饮水", "年度任务", "户", 500, 200, 200, 90, 10);
      set(sheet, 12, null, null, "累计完成", "户", 450, 100, 150, 90, 10);
      merge(sheet, 11, 12);
      set(sheet, 13, 4, "通村硬化路", "年度任务", "公里", null, 12.5, null, 5);
      sheet.getRow(12).createCell(4).setCellFormula("SUM(F13:I13)");
      sheet.getRow(12).createCell(6).setCellFormula("0.1+0.2");
      set(sheet, 14, null, null, "累计完成", "公里", 10.3, "10", 0.3);
      merge(sheet, 13, 14);
      set(sheet, 15, "注：数据由各县区扶贫办填报，联系人张三");
      workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
      if (workbook instanceof XSSFWorkbook xlsx) {
        xlsx.getProperties()
            .getCoreProperties()
            .setModified(
                Optional.of(
                    Date.from(
                        LocalDate.of(2020, 11, 3)
                            .atTime(9, 30)
                            .atZone(ZoneId.of("Asia/Shanghai"))
                            .toInstant())));
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        workbook.write(out);
      }
    }
  }

  private static void set(Sheet sheet, int excelRow, Object... values) {
    var row = sheet.createRow(excelRow - 1);
    for (int c = 0; c < values.length; c++) {
      if (values[c] instanceof Number n) {
        row.createCell(c).setCellValue(n.doubleValue());
      } else if (values[c] != null) {
        row.createCell(c).setCellValue(values[c].toString());
      }
    }
  }

  /** 序号 and 项目类别 merged down a block, as bulletins do. */
  private static void merge(Sheet sheet, int firstExcelRow, int lastExcelRow) {
    sheet.addMergedRegion(new CellRangeAddress(firstExcelRow - 1, lastExcelRow - 1, 0, 0));
    sheet.addMergedRegion(new CellRangeAddress(firstExcelRow - 1, lastExcelRow - 1, 1, 1));
  }
}
