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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The test's own reading of a generated city bulletin (spec: the wide XLSX layout): the
 * generator's tables start with 序号 in column A, have the city total in column E and units
 * after it, and a block of 年度任务/累计完成/完成率 rows per indicator. Unit names resolve
 * through conf/regions/regions.csv.gz and the custom unit's short name.
 */
final class RawBulletin {
  private static final Map<String, String> CUSTOM_SHORT_NAMES = Map.of("广元经开区", "510899");
  private static final int FIRST_UNIT_COLUMN = 5;

  private RawBulletin() {}

  static List<Map<String, String>> rows(Path file) {
    try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      Date saved = workbook.getProperties().getCoreProperties().getModified();
      String reportedAt = LocalDate.ofInstant(saved.toInstant(), ZoneId.of("Asia/Shanghai")).toString();
      return rows(workbook.getSheetAt(0), file.getParent().getFileName().toString(), reportedAt, unitCodes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Map<String, String>> rows(Sheet sheet, String period, String reportedAt, Map<String, String> codes) {
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
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(new GZIPInputStream(Files.newInputStream(regions)), StandardCharsets.UTF_8))) {
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
