package org.tuopin.etl.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.spark.sql.Row;

/**
 * Reads a plain table saved as a workbook (.xlsx or .xls) in a source other than submissions: a
 * department's screening list, the cadres' filled visit list. On every sheet, the header is the
 * first row (of the first 20) that names the contract's identifying column; each non-blank row
 * below it is a record, numbered by its sheet row, its raw text naming the sheet and row. Rows
 * above the header (a title) are skipped; a sheet without a header is skipped; a workbook with no
 * header anywhere is refused as a whole ({@code missing_column}).
 */
final class SheetTableParser {
  private static final int HEADER_SEARCH_ROWS = 20;

  private SheetTableParser() {}

  static Iterator<Row> parse(LandingFile file, byte[] bytes) {
    try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
      return parse(file, workbook);
    } catch (IOException | RuntimeException e) {
      // the message is left out: it may quote the file's content
      return LandingFileParser.failed(
          file, null, "not_xlsx", "not a readable workbook (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static Iterator<Row> parse(LandingFile file, Workbook workbook) {
    List<Row> records = new ArrayList<>();
    SourceContract found = null;
    List<String> ignored = new ArrayList<>();
    for (Sheet sheet : workbook) {
      SheetGrid grid = SheetGrid.of(sheet);
      Optional<Header> header = header(file.source(), grid);
      if (header.isEmpty()) {
        continue;
      }
      Optional<String> problem =
          LandingFileParser.headerProblem(header.get().contract(), header.get().positions());
      if (problem.isPresent()) {
        return LandingFileParser.failed(
            file,
            null,
            problem.get(),
            LandingFileParser.headerDetail(header.get().contract(), header.get().positions())
                + " (sheet "
                + grid.sheetName()
                + ")");
      }
      found = header.get().contract();
      header
          .get()
          .positions()
          .forEach(
              (i, name) -> {
                String text = grid.text(header.get().row(), i);
                if (name == null && text != null && !ignored.contains(text)) {
                  ignored.add(text);
                }
              });
      for (int r = header.get().row() + 1; r < grid.rowCount(); r++) {
        if (!grid.isBlank(r)) {
          records.add(record(file, grid, header.get(), r));
        }
      }
    }
    if (found == null) {
      boolean empty = SheetGrid.allEmpty(workbook);
      return LandingFileParser.failed(
          file,
          null,
          empty ? "empty_file" : "missing_column",
          empty ? "no cell holds a value" : "no sheet has a header row this source's files have");
    }
    List<Row> all = new ArrayList<>();
    all.add(LandingFileParser.fileRecord(file, found.name(), null, null, null, ignored));
    all.addAll(records);
    return all.iterator();
  }

  private record Header(SourceContract contract, int row, Map<Integer, String> positions) {}

  private static Optional<Header> header(String source, SheetGrid grid) {
    for (int r = 0; r < Math.min(HEADER_SEARCH_ROWS, grid.rowCount()); r++) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < grid.width(r); c++) {
        String text = grid.text(r, c);
        cells.add(text == null ? "" : text);
      }
      for (SourceContract contract : Contracts.of(source)) {
        Map<Integer, String> positions = contract.resolveHeader(cells);
        if (positions.containsValue(contract.identifyingColumn())) {
          return Optional.of(new Header(contract, r, positions));
        }
      }
    }
    return Optional.empty();
  }

  private static Row record(LandingFile file, SheetGrid grid, Header header, int row) {
    Map<String, String> fields = new HashMap<>();
    header
        .positions()
        .forEach(
            (column, name) -> {
              if (name != null) {
                fields.put(name, grid.text(row, column));
              }
            });
    return LandingFileParser.rowRecord(
        file,
        header.contract(),
        row + 1,
        fields,
        true,
        grid.sheetName() + "!" + (row + 1) + ": " + grid.rowText(row).strip(),
        null);
  }
}
