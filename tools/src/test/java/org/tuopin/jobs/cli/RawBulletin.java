package org.tuopin.jobs.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The test's own reading of a generated city bulletin (.xlsx or .xls, the wide layout): the
 * generator's tables start with 序号 in column A, have the city total in column E and units after it,
 * and a block of 年度任务/累计完成/完成率 rows per indicator. Unit names resolve through
 * conf/regions/regions.csv.gz and the custom unit's short name.
 */
final class RawBulletin {
  private static final Map<String, String> CUSTOM_SHORT_NAMES = Map.of("广元经开区", "510899");
  private static final int FIRST_UNIT_COLUMN = 5;

  private RawBulletin() {}

  static List<Map<String, String>> rows(Path file) {
    try (InputStream in = Files.newInputStream(file);
        Workbook workbook = WorkbookFactory.create(in)) {
      Sheet sheet = workbook.getSheetAt(0);
      return rows(sheet, file.getParent().getFileName().toString(), issuedOn(sheet), unitCodes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The generator writes the day of issue at the end of the third title row: 填报单位：… 2020年11月11日.
   */
  private static String issuedOn(Sheet sheet) {
    Matcher day =
        Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日$")
            .matcher(text(sheet.getRow(2).getCell(0)));
    if (!day.find()) {
      throw new IllegalStateException(
          "no day of issue in the third title row of " + sheet.getSheetName());
    }
    return LocalDate.of(
            Integer.parseInt(day.group(1)),
            Integer.parseInt(day.group(2)),
            Integer.parseInt(day.group(3)))
        .toString();
  }

  private static List<Map<String, String>> rows(
      Sheet sheet, String period, String reportedAt, Map<String, String> codes) {
    int header = 0;
    while (!"序号".equals(text(sheet.getRow(header).getCell(0)))) {
      header++;
    }
    Row names = sheet.getRow(header);
    List<Map<String, String>> rows = new ArrayList<>();
    for (int r = header + 1; r <= sheet.getLastRowNum(); r += 3) {
      Row target = sheet.getRow(r);
      Row completed = sheet.getRow(r + 1);
      for (int c = FIRST_UNIT_COLUMN; c < names.getLastCellNum(); c++) {
        if (target.getCell(c) == null) {
          continue; // not reported
        }
        Map<String, String> row = new LinkedHashMap<>();
        row.put("period", period);
        row.put("region_code", codes.get(text(names.getCell(c))));
        row.put("indicator_code", RawLandingFile.code(text(target.getCell(1))));
        row.put("unit", text(target.getCell(3)));
        row.put("annual_target", text(target.getCell(c)));
        row.put("cumulative_completed", text(completed.getCell(c)));
        row.put("reported_at", reportedAt);
        rows.add(row);
      }
    }
    return rows;
  }

  private static String text(Cell cell) {
    if (cell == null) {
      return null;
    }
    return cell.getCellType() == CellType.NUMERIC
        ? BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString()
        : cell.getStringCellValue();
  }

  private static Map<String, String> unitCodes() {
    Map<String, String> codes = new HashMap<>(CUSTOM_SHORT_NAMES);
    Path regions = Path.of("..", "conf", "regions", "regions.csv.gz");
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(regions)), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] f = line.split(",", -1);
        if (f[2].equals("county") && f[3].equals("510800")) {
          codes.put(f[1], f[0]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return codes;
  }
}
