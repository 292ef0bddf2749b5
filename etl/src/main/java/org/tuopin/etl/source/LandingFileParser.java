package org.tuopin.etl.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.tuopin.etl.reference.CityUnitNames;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Reads one landing file on a worker into {@link LandingRecords}: tells its layout from its content
 * (an XLSX city table, JSON Lines, or CSV), finds its header and contract, and emits one record per
 * data row. A file that cannot be read as a whole (encoding, missing column, empty, cut off, not
 * really an xlsx) yields only its {@code file} record with the rule it broke, so the run goes on
 * with the other files.
 *
 * <p>A CSV or JSON Lines row's raw text (its whole line) is kept only when asked for: it is as
 * large as the row's fields, and only a quarantined row's is ever written, so a refresh reads it
 * again from the few files with quarantined rows. A city table's rows always keep theirs: one sheet
 * row holds several records, so they cannot be found again by line.
 */
public final class LandingFileParser implements FlatMapFunction<String, Row> {
  private static final long serialVersionUID = 1L;
  private static final Set<String> WORKBOOK_EXTENSIONS = Set.of("xlsx", "xls");
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
  // An OLE2 compound document: what Excel 97-2003 (.xls) writes.
  private static final byte[] OLE2_MAGIC = {
    (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
  };

  private final CityUnitNames cityUnitNames;
  private final boolean lineTextKept;
  private final LocalDate ingestedOn;

  /**
   * @param lineTextKept whether CSV and JSON Lines rows carry their raw text
   * @param ingestedOn the day of the run: a city table's reported_at when nothing else dates it
   */
  public LandingFileParser(
      CityUnitNames cityUnitNames, boolean lineTextKept, LocalDate ingestedOn) {
    this.cityUnitNames = cityUnitNames;
    this.lineTextKept = lineTextKept;
    this.ingestedOn = ingestedOn;
  }

  @Override
  public Iterator<Row> call(String encodedFile) {
    LandingFile file = LandingFile.decode(encodedFile);
    byte[] bytes = read(file);
    if (startsWith(bytes, ZIP_MAGIC)
        || startsWith(bytes, OLE2_MAGIC)
        || WORKBOOK_EXTENSIONS.contains(file.extension())) {
      return workbook(file, bytes);
    }
    Optional<DecodedText> decoded = DecodedText.decode(bytes);
    if (decoded.isEmpty()) {
      return failed(file, null, "unreadable_encoding", "neither UTF-8 nor GB18030");
    }
    String text = decoded.get().text();
    String encoding = decoded.get().encoding();
    if (file.extension().equals("jsonl") || firstNonBlank(text) == '{') {
      return JsonLinesParser.parse(file, encoding, text, lineTextKept);
    }
    CsvShape shape;
    try {
      shape = CsvShape.of(text);
    } catch (CsvRecordReader.TruncatedFileException e) {
      return failed(file, encoding, "truncated_file", e.getMessage());
    }
    if (shape.header() == null) {
      return failed(file, encoding, "empty_file", "no header row");
    }
    return parseRecords(file, encoding, text, shape);
  }

  private Iterator<Row> workbook(LandingFile file, byte[] bytes) {
    if (!startsWith(bytes, ZIP_MAGIC) && !startsWith(bytes, OLE2_MAGIC)) {
      return failed(
          file, null, "not_xlsx", "named ." + file.extension() + " but not an Excel workbook");
    }
    if (!file.source().equals(Contracts.SUBMISSIONS)) {
      return SheetTableParser.parse(file, bytes);
    }
    return CityTableParser.parse(file, bytes, cityUnitNames, ingestedOn);
  }

  /** The first character that is not white space (0 when none), without copying the text. */
  private static char firstNonBlank(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return text.charAt(i);
      }
    }
    return 0;
  }

  static boolean isZip(byte[] bytes) {
    return startsWith(bytes, ZIP_MAGIC);
  }

  private static boolean startsWith(byte[] bytes, byte[] magic) {
    return bytes.length >= magic.length
        && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
  }

  private Iterator<Row> parseRecords(
      LandingFile file, String encoding, String text, CsvShape shape) {
    List<String> header = shape.header().fields();
    Optional<SourceContract> contract = contractFor(file.source(), header);
    if (contract.isEmpty()) {
      return failed(
          file, encoding, "unknown_file_kind", "no column identifies what the file holds");
    }
    Map<Integer, String> positions = contract.get().resolveHeader(header);
    Optional<String> headerProblem = headerProblem(contract.get(), positions);
    if (headerProblem.isPresent()) {
      return failed(file, encoding, headerProblem.get(), headerDetail(contract.get(), positions));
    }
    if (shape.records() > 1
        && !shape.endsWithLineBreak()
        && shape.last().fields().size() < header.size()) {
      return failed(file, encoding, "truncated_file", "the last line ends mid-row");
    }
    int[] columnOf = contract.get().columnIndexes(header.size(), positions);
    // Rows are made as Spark pulls them, so a file of a million rows is never held as rows.
    Stream<Row> rows =
        CsvShape.nonBlankRecords(text)
            .skip(1)
            .map(
                record ->
                    dataRecord(
                        file,
                        contract.get(),
                        columnOf,
                        record,
                        lineTextKept ? record.rawText() : null));
    return Stream.concat(
            Stream.of(
                fileRecord(
                    file, contract.get().name(), encoding, null, null, ignored(header, positions))),
            rows)
        .iterator();
  }

  private static byte[] read(LandingFile file) {
    try {
      return Files.readAllBytes(Path.of(file.location()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read landing file " + file.name(), e);
    }
  }

  static Optional<SourceContract> contractFor(String source, List<String> header) {
    List<SourceContract> candidates = Contracts.of(source);
    if (candidates.size() == 1) {
      return Optional.of(candidates.get(0));
    }
    return candidates.stream()
        .filter(
            c ->
                header.stream()
                    .anyMatch(
                        h -> c.canonicalName(h).map(c.identifyingColumn()::equals).orElse(false)))
        .findFirst();
  }

  static Optional<String> headerProblem(SourceContract contract, Map<Integer, String> positions) {
    Set<String> seen = new LinkedHashSet<>();
    for (String name : positions.values()) {
      if (name != null && !seen.add(name)) {
        return Optional.of("duplicate_column");
      }
    }
    boolean missing =
        contract.columns().stream().anyMatch(c -> c.required() && !seen.contains(c.name()));
    return missing ? Optional.of("missing_column") : Optional.empty();
  }

  static String headerDetail(SourceContract contract, Map<Integer, String> positions) {
    List<String> missing = new ArrayList<>();
    for (ColumnSpec column : contract.columns()) {
      if (column.required() && !positions.containsValue(column.name())) {
        missing.add(column.name() + " (" + column.alias() + ")");
      }
    }
    return missing.isEmpty() ? "a column appears twice" : "missing " + String.join(", ", missing);
  }

  private static List<String> ignored(List<String> header, Map<Integer, String> positions) {
    List<String> ignored = new ArrayList<>();
    positions.forEach(
        (index, name) -> {
          if (name == null) {
            ignored.add(header.get(index).strip());
          }
        });
    return ignored;
  }

  /**
   * @param columnOf per header position, the contract column it fills, or -1
   */
  private static Row dataRecord(
      LandingFile file, SourceContract contract, int[] columnOf, CsvRecord record, String rawText) {
    String[] fields = new String[contract.columns().size()];
    List<String> values = record.fields();
    for (int i = 0; i < Math.min(columnOf.length, values.size()); i++) {
      if (columnOf[i] >= 0) {
        fields[columnOf[i]] = values.get(i);
      }
    }
    return rowRecord(
        file,
        contract,
        record.lineNumber(),
        Arrays.asList(fields),
        values.size() == columnOf.length,
        rawText,
        null);
  }

  /**
   * One data row; {@code rule} is a rule the reader already found it breaks ({@link
   * LandingRecords#ROW_RULES}).
   */
  static Row rowRecord(
      LandingFile file,
      SourceContract contract,
      long lineNumber,
      Map<String, String> fields,
      boolean fieldCountMatches,
      String rawText,
      String rule) {
    return rowRecord(
        file,
        contract,
        lineNumber,
        contract.inColumnOrder(fields),
        fieldCountMatches,
        rawText,
        rule);
  }

  /**
   * @param fields in the contract's column order, null where absent
   */
  private static Row rowRecord(
      LandingFile file,
      SourceContract contract,
      long lineNumber,
      List<String> fields,
      boolean fieldCountMatches,
      String rawText,
      String rule) {
    // An array in the contract's column order, not a map: Spark converts, caches and indexes it far
    // faster.
    return RowFactory.create(
        LandingRecords.KIND_ROW,
        file.source(),
        contract.name(),
        file.name(),
        lineNumber,
        CollectionConverters.asScala(fields).toSeq(),
        fieldCountMatches,
        rawText,
        rule,
        null,
        null,
        null);
  }

  static Row fileRecord(
      LandingFile file,
      String contract,
      String encoding,
      String rule,
      String detail,
      List<String> ignored) {
    return RowFactory.create(
        LandingRecords.KIND_FILE,
        file.source(),
        contract,
        file.name(),
        0L,
        null,
        null,
        null,
        rule,
        detail,
        encoding,
        CollectionConverters.asScala(ignored).toSeq());
  }

  static Iterator<Row> failed(LandingFile file, String encoding, String rule, String detail) {
    return List.of(fileRecord(file, null, encoding, rule, detail, List.of())).iterator();
  }
}
