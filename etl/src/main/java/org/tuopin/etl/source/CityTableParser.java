package org.tuopin.etl.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.tuopin.etl.reference.CityUnitNames;

/**
 * Reads a city's consolidated progress table (the .xlsx or .xls of its monthly bulletin) into the
 * same records as the long layout: one per indicator block and unit column, so the submission rules
 * apply to both layouts alike. Line numbers are the sheet's row numbers and the raw text names the
 * sheet and cells. The checks that need the whole table happen here: the title's period against the
 * folder (the file fails), and each block's rate row and city total against its figures (the rows
 * fail with {@link #RATE_MISMATCH} or {@link #CITY_TOTAL_MISMATCH}).
 */
final class CityTableParser {
  static final String RATE_MISMATCH = "rate_mismatch";
  static final String CITY_TOTAL_MISMATCH = "city_total_mismatch";
  // 截至2018年10月底 names a period; 2018年11月5日 is the day the bulletin was issued.
  private static final Pattern TITLE_PERIOD =
      Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月(?!\\s*\\d{1,2}\\s*日)");

  private CityTableParser() {}

  /** An .xlsx (OOXML) or .xls (BIFF8, Excel 97-2003) workbook, told apart by its content. */
  static Iterator<Row> parse(
      LandingFile file, byte[] bytes, CityUnitNames names, LocalDate ingestedOn) {
    String format = LandingFileParser.isZip(bytes) ? "xlsx" : "xls";
    try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
      return parse(
          file,
          format,
          workbook,
          new Dates(savedAt(workbook), modifiedAt(file), ingestedOn),
          names);
    } catch (IOException | RuntimeException e) {
      // POI reports a damaged or foreign file through assorted exceptions; each means the same
      // to a clerk. The exception's message is left out: it may quote the file's content.
      return LandingFileParser.failed(
          file,
          null,
          "not_xlsx",
          "not a readable ." + format + " workbook (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** What a table's reported_at is chosen from (see {@link ReportingDate}). */
  private record Dates(Optional<Instant> saved, Optional<Instant> modified, LocalDate ingestedOn) {}

  private static Iterator<Row> parse(
      LandingFile file, String format, Workbook workbook, Dates dates, CityUnitNames names) {
    Optional<SheetGrid> found = headedSheet(workbook);
    if (found.isEmpty()) {
      boolean empty = SheetGrid.allEmpty(workbook);
      return LandingFileParser.failed(
          file,
          null,
          empty ? "empty_file" : "missing_column",
          empty ? "no cell holds a value" : "no row starts with 序号 (the header row)");
    }
    SheetGrid grid = found.get();
    CityTableLayout layout = CityTableLayout.of(grid);
    if (!layout.missingColumns().isEmpty()) {
      return LandingFileParser.failed(
          file, null, "missing_column", "missing " + String.join(", ", layout.missingColumns()));
    }
    String period = folderPeriod(file);
    Optional<String> titlePeriod = titlePeriod(grid, layout.headerRow());
    if (titlePeriod.isPresent() && !titlePeriod.get().equals(period)) {
      return LandingFileParser.failed(
          file,
          null,
          "title_period_mismatch",
          "the title says " + titlePeriod.get() + ", the folder says " + period);
    }
    Optional<Map.Entry<Integer, String>> cityColumn =
        layout.regionColumns().entrySet().stream()
            .filter(e -> names.city(e.getValue()).isPresent())
            .findFirst();
    if (cityColumn.isEmpty()) {
      return LandingFileParser.failed(
          file, null, "unknown_city", "no region column names a city (its total column)");
    }
    CityUnitNames.City city = names.city(cityColumn.get().getValue()).orElseThrow();
    Map<Integer, String> units = new TreeMap<>(layout.regionColumns());
    units.remove(cityColumn.get().getKey());
    ReportingDate reported =
        ReportingDate.of(
            titleRows(grid, layout.headerRow()),
            dates.saved(),
            dates.modified(),
            dates.ingestedOn());
    List<Row> rows = new ArrayList<>();
    rows.add(
        LandingFileParser.fileRecord(
            file, Contracts.SUBMISSION.name(), format, null, reported.note(), layout.ignored()));
    String reportedOn = reported.day().toString();
    for (CityTableLayout.Block block : layout.blocks()) {
      rows.addAll(
          blockRecords(
              file,
              grid,
              block,
              new CityColumns(city, cityColumn.get().getKey(), units),
              period,
              reportedOn));
    }
    return rows.iterator();
  }

  private static Optional<SheetGrid> headedSheet(Workbook workbook) {
    for (Sheet sheet : workbook) {
      SheetGrid grid = SheetGrid.of(sheet);
      if (grid.headerRow().isPresent()) {
        return Optional.of(grid);
      }
    }
    return Optional.empty();
  }

  /** The city of a table, the column of its total, and its unit columns by header name. */
  private record CityColumns(
      CityUnitNames.City city, int totalColumn, Map<Integer, String> units) {}

  private static List<Row> blockRecords(
      LandingFile file,
      SheetGrid grid,
      CityTableLayout.Block block,
      CityColumns columns,
      String period,
      String reportedOn) {
    List<Integer> reported = new ArrayList<>();
    for (int column : columns.units().keySet()) {
      // an empty cell is "not reported", not zero
      if (grid.text(block.targetRow(), column) != null
          || grid.text(block.completedRow(), column) != null) {
        reported.add(column);
      }
    }
    boolean totalDisagrees = cityTotalDisagrees(grid, block, columns.totalColumn(), reported);
    List<Row> rows = new ArrayList<>();
    for (int column : reported) {
      String rule = totalDisagrees ? CITY_TOTAL_MISMATCH : rateProblem(grid, block, column);
      rows.add(
          record(
              file,
              grid,
              block,
              column,
              columns.units().get(column),
              columns.city(),
              period,
              reportedOn,
              rule));
    }
    return rows;
  }

  private static Row record(
      LandingFile file,
      SheetGrid grid,
      CityTableLayout.Block block,
      int column,
      String unitName,
      CityUnitNames.City city,
      String period,
      String reportedOn,
      String rule) {
    Map<String, String> fields = Contracts.SUBMISSION.emptyFields();
    fields.put("period", period);
    fields.put("region_code", city.unitCode(unitName).orElse(unitName));
    fields.put("indicator_code", block.category());
    fields.put("unit", block.unit());
    fields.put("annual_target", grid.text(block.targetRow(), column));
    fields.put("cumulative_completed", grid.text(block.completedRow(), column));
    fields.put("reported_at", reportedOn);
    fields.put("reporter", city.name());
    int firstRow = block.firstRow();
    String raw =
        String.format(
            "%s!%s %s %s: 年度任务=%s, 累计完成=%s, 完成率=%s",
            grid.sheetName(),
            grid.cellRange(column, firstRow, block.lastRow()),
            block.category(),
            CityUnitNames.normalized(unitName),
            blankAsEmpty(grid.text(block.targetRow(), column)),
            blankAsEmpty(grid.text(block.completedRow(), column)),
            blankAsEmpty(grid.text(block.rateRow(), column)));
    return LandingFileParser.rowRecord(
        file, Contracts.SUBMISSION, firstRow + 1L, fields, true, raw, rule);
  }

  /** A rate row that disagrees with completed / target by more than its one-decimal rounding. */
  private static String rateProblem(SheetGrid grid, CityTableLayout.Block block, int column) {
    Optional<BigDecimal> rate = grid.percent(block.rateRow(), column);
    Optional<BigDecimal> target = grid.number(block.targetRow(), column);
    Optional<BigDecimal> completed = grid.number(block.completedRow(), column);
    if (rate.isEmpty() || target.isEmpty() || completed.isEmpty() || target.get().signum() == 0) {
      return null;
    }
    double expected = 100.0 * completed.get().doubleValue() / target.get().doubleValue();
    return Math.abs(rate.get().doubleValue() - expected) > 0.1 ? RATE_MISMATCH : null;
  }

  /** The city column against the sum of the reported units, target and completed alike. */
  private static boolean cityTotalDisagrees(
      SheetGrid grid, CityTableLayout.Block block, int cityColumn, List<Integer> units) {
    for (Integer row : new Integer[] {block.targetRow(), block.completedRow()}) {
      Optional<BigDecimal> total = grid.number(row, cityColumn);
      if (total.isEmpty()) {
        continue;
      }
      BigDecimal sum = BigDecimal.ZERO;
      for (int column : units) {
        Optional<BigDecimal> value = grid.number(row, column);
        if (value.isEmpty()) {
          return false; // a unit's figure that is no number fails its own rule; the total cannot be
          // checked
        }
        sum = sum.add(value.get());
      }
      if (sum.subtract(total.get()).abs().compareTo(new BigDecimal("0.005")) > 0) {
        return true;
      }
    }
    return false;
  }

  private static String blankAsEmpty(String text) {
    return text == null ? "" : text;
  }

  /** The landing folder's period: {@code submissions/2018-10/...}. */
  private static String folderPeriod(LandingFile file) {
    String[] parts = file.name().split("/");
    return parts.length >= 2 ? parts[parts.length - 2] : "";
  }

  private static Optional<String> titlePeriod(SheetGrid grid, int headerRow) {
    for (String row : titleRows(grid, headerRow)) {
      Matcher matcher = TITLE_PERIOD.matcher(row);
      if (matcher.find()) {
        return Optional.of(
            String.format("%s-%02d", matcher.group(1), Integer.parseInt(matcher.group(2))));
      }
    }
    return Optional.empty();
  }

  private static List<String> titleRows(SheetGrid grid, int headerRow) {
    List<String> rows = new ArrayList<>();
    for (int row = 0; row < headerRow; row++) {
      rows.add(grid.rowText(row));
    }
    return rows;
  }

  /**
   * When the workbook says it was last saved (else created), if it says: many writers record
   * neither.
   */
  private static Optional<Instant> savedAt(Workbook workbook) {
    Date saved = null;
    if (workbook instanceof XSSFWorkbook xlsx) {
      POIXMLProperties.CoreProperties core = xlsx.getProperties().getCoreProperties();
      saved = core.getModified() != null ? core.getModified() : core.getCreated();
    } else if (workbook instanceof HSSFWorkbook xls && xls.getSummaryInformation() != null) {
      SummaryInformation summary = xls.getSummaryInformation();
      saved =
          summary.getLastSaveDateTime() != null
              ? summary.getLastSaveDateTime()
              : summary.getCreateDateTime();
    }
    return Optional.ofNullable(saved).map(Date::toInstant);
  }

  private static Optional<Instant> modifiedAt(LandingFile file) {
    try {
      return Optional.of(Files.getLastModifiedTime(Path.of(file.location())).toInstant());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the modification time of landing file " + file.name(), e);
    }
  }
}
