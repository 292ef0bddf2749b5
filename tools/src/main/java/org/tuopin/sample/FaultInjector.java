package org.tuopin.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.BiPredicate;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.tuopin.etl.source.Contracts;
import org.tuopin.etl.source.SourceContract;
import org.tuopin.etl.staging.IdNumbers;

/**
 * Sprinkles the errors real offices make into one month's generated files, each where the spec says
 * it must be caught, and lists what it did (file, line, the rule that must catch it). A row that a
 * fault takes down with it (the members of a household that is quarantined) is listed too, so the
 * list is exactly what the month's quarantine must hold.
 */
public final class FaultInjector {
  /** One row (or, on line 0, a whole file) the pipeline must quarantine under {@code rule}. */
  public record Fault(String file, long line, String rule, String what) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path landing;
  private final LandedMonth landed;
  private final Random random;
  private final YearMonth month;
  private final List<Fault> faults = new ArrayList<>();

  private FaultInjector(Path landing, long seed, YearMonth month) {
    this.landing = landing;
    this.landed = new LandedMonth(landing, month);
    this.month = month;
    this.random = Seeds.random(seed, "faults", month);
  }

  /** Injects the faults into the month's files and returns them. */
  public static List<Fault> inject(Path landing, long seed, YearMonth month) {
    FaultInjector injector = new FaultInjector(landing, seed, month);
    injector.submissionFaults();
    injector.registryFaults();
    injector.monitoringFaults();
    injector.allocationFaults();
    injector.disbursementFaults();
    injector.paymentFeedFault();
    injector.villageFaults();
    injector.screeningFaults();
    injector.verificationFaults();
    injector.fileFaults();
    return List.copyOf(injector.faults);
  }

  /** Writes the list as CSV beside the landing folders (which the pipeline never reads). */
  public static void writeList(Path file, List<Fault> faults) {
    try (CsvFile csv =
        new CsvFile(file, TextEncoding.UTF8, List.of("file", "line", "rule", "what"))) {
      faults.forEach(f -> csv.row(List.of(f.file(), String.valueOf(f.line()), f.rule(), f.what())));
    }
  }

  private void submissionFaults() {
    SourceContract c = Contracts.SUBMISSION;
    withRow(
        Contracts.SUBMISSIONS,
        c,
        "region_code",
        "period_mismatch",
        "报告期 of the previous month",
        (csv, row) -> csv.set(row, c, "period", month.minusMonths(1).toString()));
    setTo(Contracts.SUBMISSIONS, c, "period", "十二月", "invalid_period", "报告期 written in words");
    setTo(
        Contracts.SUBMISSIONS,
        c,
        "region_code",
        "519999",
        "unknown_region",
        "a county code that does not exist");
    setTo(
        Contracts.SUBMISSIONS,
        c,
        "indicator_code",
        "乡村旅游",
        "unknown_indicator",
        "an indicator outside the list");
    setTo(
        Contracts.SUBMISSIONS,
        c,
        "unit",
        "吨",
        "unit_mismatch",
        "a unit that is not the indicator's");
    setTo(
        Contracts.SUBMISSIONS,
        c,
        "annual_target",
        "八百",
        "invalid_number",
        "a target written in words");
    setTo(
        Contracts.SUBMISSIONS,
        c,
        "cumulative_completed",
        "-5",
        "negative_value",
        "a negative completion");
    withRow(
        Contracts.SUBMISSIONS,
        c,
        "reported_at",
        "invalid_date",
        "a date that does not exist",
        (csv, row) -> csv.set(row, c, "reported_at", month.getYear() + "-13-45"));
    setTo(Contracts.SUBMISSIONS, c, "region_code", "", "missing_value", "an empty region code");
    withRow(
        Contracts.SUBMISSIONS,
        c,
        "region_code",
        "field_count",
        "a row with a remark in a column the header lacks",
        (csv, row) -> csv.row(row).add("已核实"));
    withCopy(
        Contracts.SUBMISSIONS,
        c,
        "cumulative_completed",
        "conflicting_duplicate",
        "the same figure twice in one file, the copy one more",
        true,
        (csv, copy) ->
            csv.set(
                copy, c, "cumulative_completed", plusOne(csv.get(copy, c, "cumulative_completed"))),
        (csv, row) -> true);
  }

  private void registryFaults() {
    SourceContract h = Contracts.HOUSEHOLD;
    householdFault(
        "id_number_check_digit",
        "a head's identity number with a wrong check character",
        (csv, row) ->
            csv.set(
                row, h, "head_id_number", wrongCheckCharacter(csv.get(row, h, "head_id_number"))));
    householdFault(
        "id_number_format",
        "a head's identity number one digit short",
        (csv, row) ->
            csv.set(row, h, "head_id_number", csv.get(row, h, "head_id_number").substring(0, 17)));
    householdFault(
        "id_number_birth_date",
        "a head's identity number born on the 13th month",
        (csv, row) ->
            csv.set(
                row,
                h,
                "head_id_number",
                withImpossibleBirthMonth(csv.get(row, h, "head_id_number"))));
    householdFault(
        "unknown_region",
        "a village code that does not exist",
        (csv, row) ->
            csv.set(
                row, h, "village_code", csv.get(row, h, "village_code").substring(0, 9) + "999"));
    householdFault(
        "member_count_mismatch",
        "member_count one more than the members listed",
        (csv, row) ->
            csv.set(
                row,
                h,
                "member_count",
                String.valueOf(Integer.parseInt(csv.get(row, h, "member_count")) + 1)));
    householdFault("unknown_poverty_cause", "a cause outside the list", "poverty_cause", "因懒");
    householdFault("unknown_status", "a status outside the list", "status", "脱贫中");
    householdFault("invalid_yes_no", "a yes/no field written 不详", "dibao", "不详");
    householdFault(
        "exit_year_rule",
        "an exit year without 已脱贫, or 已脱贫 without one",
        (csv, row) ->
            csv.set(
                row,
                h,
                "exit_year",
                csv.get(row, h, "status").equals("已脱贫") ? "" : String.valueOf(month.getYear())));
    householdFault("out_of_range", "35 members in one household", "member_count", "35");
    duplicateHouseholdFault();
    SourceContract m = Contracts.MEMBER;
    setTo(
        Contracts.REGISTRY, m, "relation", "邻居", "unknown_relation", "a relation outside the list");
    setTo(Contracts.REGISTRY, m, "health", "良好", "unknown_health", "health written 良好");
    setTo(Contracts.REGISTRY, m, "labor", "退休", "unknown_labor", "labor written 退休");
    setTo(Contracts.REGISTRY, m, "sex", "未知", "invalid_sex", "sex written 未知");
    setTo(
        Contracts.REGISTRY,
        m,
        "birth_date",
        "1990-02-30",
        "invalid_date",
        "a birth date of 30 February");
  }

  /**
   * The monitoring columns' rules (from 2021), each planted on a household that breaks no earlier
   * rule: the row chosen is one the change leaves valid but for the rule named.
   */
  private void monitoringFaults() {
    SourceContract h = Contracts.HOUSEHOLD;
    BiPredicate<LandedCsv, Integer> monitored =
        (csv, row) ->
            csv.has(h, "monitoring_type") && !csv.get(row, h, "monitoring_type").isEmpty();
    BiPredicate<LandedCsv, Integer> atRisk =
        monitored.and((csv, row) -> !isYes(csv.get(row, h, "risk_eliminated")));
    BiPredicate<LandedCsv, Integer> eliminated =
        monitored.and((csv, row) -> isYes(csv.get(row, h, "risk_eliminated")));
    // an exited household: an unknown type leaves its status valid (监测户 would not be)
    BiPredicate<LandedCsv, Integer> unstable =
        monitored.and((csv, row) -> csv.get(row, h, "monitoring_type").equals("脱贫不稳定户"));
    BiPredicate<LandedCsv, Integer> monitoredOnly =
        monitored.and((csv, row) -> csv.get(row, h, "status").equals("监测户"));
    householdFault(
        "unknown_monitoring_type",
        "a monitoring type outside the three",
        unstable,
        (csv, row) -> csv.set(row, h, "monitoring_type", "致贫风险户"));
    householdFault(
        "unknown_risk_type",
        "a risk type outside the list",
        monitored,
        (csv, row) -> csv.set(row, h, "risk_type", "因懒"));
    householdFault(
        "monitoring_rule",
        "a monitored household without the date it was taken in",
        atRisk,
        (csv, row) -> csv.set(row, h, "monitored_on", ""));
    householdFault(
        "risk_elimination_rule",
        "a risk marked eliminated without its date",
        eliminated,
        (csv, row) -> csv.set(row, h, "risk_eliminated_on", ""));
    householdFault(
        "monitoring_status_rule",
        "a never-registered 监测户 typed 脱贫不稳定户, which only an exited household can be",
        monitoredOnly,
        (csv, row) -> csv.set(row, h, "monitoring_type", "脱贫不稳定户"));
  }

  static boolean isYes(String written) {
    return written.equals("Y") || written.equals("是");
  }

  private void disbursementFaults() {
    SourceContract d = Contracts.DISBURSEMENT;
    // a payment that a reversal names would take the reversal down with it
    BiPredicate<LandedCsv, Integer> notReversed =
        (csv, row) ->
            IntStream.range(0, csv.size())
                .noneMatch(
                    other ->
                        csv.get(other, d, "reverses_txn_id").equals(csv.get(row, d, "txn_id")));
    BiPredicate<LandedCsv, Integer> plainPayment =
        notReversed.and((csv, row) -> csv.get(row, d, "reverses_txn_id").isEmpty());
    newPayment(
        "zero_amount",
        "a payment of 0 yuan",
        (csv, copy) -> csv.set(copy, d, "amount_yuan", "0"),
        plainPayment);
    newPayment(
        "negative_without_reversal",
        "a negative amount that reverses nothing",
        (csv, copy) -> csv.set(copy, d, "amount_yuan", "-100.00"),
        plainPayment);
    newPayment(
        "reversal_not_negative",
        "a reversal with a positive amount",
        (csv, copy) -> csv.set(copy, d, "reverses_txn_id", csv.get(copy, d, "txn_id")),
        plainPayment);
    newPayment(
        "unknown_reversed_payment",
        "a reversal of a payment never made",
        (csv, copy) -> {
          csv.set(copy, d, "reverses_txn_id", "T000000000000000");
          csv.set(copy, d, "amount_yuan", "-100.00");
        },
        plainPayment);
    newPayment(
        "unknown_allocation",
        "a payment under an allocation never approved",
        (csv, copy) -> csv.set(copy, d, "allocation_id", "无此文号〔" + month.getYear() + "〕999号"),
        plainPayment);
    withCopy(
        Contracts.DISBURSEMENTS,
        d,
        "txn_id",
        "conflicting_txn",
        "a txn_id sent again with another amount",
        true,
        (csv, copy) -> csv.set(copy, d, "amount_yuan", plusOne(csv.get(copy, d, "amount_yuan"))),
        plainPayment);
    withRow(
        Contracts.DISBURSEMENTS,
        d,
        "fund_source",
        "unknown_fund_source",
        "a fund source outside the list",
        (csv, row) -> csv.set(row, d, "fund_source", "福彩公益金"),
        notReversed);
    withRow(
        Contracts.DISBURSEMENTS,
        d,
        "paid_on",
        "paid_outside_period",
        "paid in the month before the folder's",
        (csv, row) -> csv.set(row, d, "paid_on", month.minusMonths(1).atDay(15).toString()),
        notReversed);
    withRow(
        Contracts.DISBURSEMENTS,
        d,
        "beneficiary_id_number",
        "id_number_check_digit",
        "a beneficiary's number with a wrong check character",
        (csv, row) ->
            csv.set(
                row,
                d,
                "beneficiary_id_number",
                wrongCheckCharacter(csv.get(row, d, "beneficiary_id_number"))),
        notReversed);
  }

  /**
   * A copy of a payment changed by {@code change} (which still sees the original's txn_id), under a
   * new txn_id.
   */
  private void newPayment(
      String rule, String what, RowChange change, BiPredicate<LandedCsv, Integer> template) {
    SourceContract d = Contracts.DISBURSEMENT;
    withCopy(
        Contracts.DISBURSEMENTS,
        d,
        "txn_id",
        rule,
        what,
        false,
        (csv, copy) -> {
          change.apply(csv, copy);
          csv.set(
              copy,
              d,
              "txn_id",
              "F" + month.toString().replace("-", "") + String.format("%04d", faults.size()));
        },
        template);
  }

  /** One line of a JSON Lines payment feed cut off mid-object (a payment no reversal names). */
  private void paymentFeedFault() {
    List<Path> feeds =
        landed.files(Contracts.DISBURSEMENTS).stream()
            .filter(p -> p.toString().endsWith(".jsonl"))
            .toList();
    if (feeds.isEmpty()) {
      return;
    }
    Path feed = feeds.get(random.nextInt(feeds.size()));
    List<String> lines =
        new ArrayList<>(List.of(new String(bytes(feed), StandardCharsets.UTF_8).split("\n")));
    for (int attempt = 0; attempt < 50; attempt++) {
      int index = random.nextInt(lines.size());
      Map<String, String> payment = jsonFields(lines.get(index));
      String txnId = payment.get("txn_id");
      boolean reversedOrReversal =
          payment.containsKey("reverses_txn_id")
              || lines.stream().filter(l -> l.contains("\"" + txnId + "\"")).count() > 1;
      if (!reversedOrReversal) {
        lines.set(index, lines.get(index).substring(0, lines.get(index).length() / 2));
        write(feed, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        faults.add(
            new Fault(landed.name(feed), index + 1L, "invalid_json", "a line cut off mid-object"));
        return;
      }
    }
  }

  /** A generated feed line's fields by canonical name. */
  private static Map<String, String> jsonFields(String line) {
    Map<String, String> fields = new HashMap<>();
    try {
      JSON.readTree(line)
          .properties()
          .forEach(
              e ->
                  Contracts.DISBURSEMENT
                      .canonicalName(e.getKey())
                      .ifPresent(name -> fields.put(name, e.getValue().asText())));
    } catch (IOException e) {
      throw new UncheckedIOException("A generated feed line is not JSON", e);
    }
    return fields;
  }

  /** New allocations at the end of the month's file, so that no payment names them. */
  private void allocationFaults() {
    SourceContract a = Contracts.ALLOCATION;
    withCopy(
        Contracts.ALLOCATIONS,
        a,
        "allocation_id",
        "not_positive",
        "an allocation of 0 yuan",
        false,
        (csv, copy) -> {
          csv.set(copy, a, "allocation_id", newId(csv.get(copy, a, "allocation_id")));
          csv.set(copy, a, "amount_yuan", "0.00");
        },
        (csv, row) -> true);
    withCopy(
        Contracts.ALLOCATIONS,
        a,
        "allocation_id",
        "date_outside_year",
        "approved in the year before its own",
        false,
        (csv, copy) -> {
          csv.set(copy, a, "allocation_id", newId(csv.get(copy, a, "allocation_id")));
          csv.set(
              copy, a, "approved_on", (Integer.parseInt(csv.get(copy, a, "year")) - 1) + "-12-30");
        },
        (csv, row) -> true);
  }

  private void villageFaults() {
    SourceContract v = Contracts.VILLAGE_SURVEY;
    setTo(
        Contracts.VILLAGES,
        v,
        "collective_income_yuan",
        "约五万",
        "invalid_number",
        "an income written in words");
  }

  /** The departments' files (from 2021): a mistyped number, a category, an amount, a date. */
  private void screeningFaults() {
    SourceContract s = Contracts.SCREENING_SIGNAL;
    withRow(
        Contracts.SCREENING,
        s,
        "id_number",
        "id_number_check_digit",
        "an identity number with a wrong check character",
        (csv, row) ->
            csv.set(row, s, "id_number", wrongCheckCharacter(csv.get(row, s, "id_number"))));
    setTo(Contracts.SCREENING, s, "category", "大病", "unknown_category", "a category no conf lists");
    setTo(Contracts.SCREENING, s, "amount_yuan", "约八千", "invalid_number", "an amount in words");
    withRow(
        Contracts.SCREENING,
        s,
        "figures_as_of",
        "date_outside_period",
        "figures that run to the next month",
        (csv, row) -> csv.set(row, s, "figures_as_of", month.plusMonths(1).atDay(2).toString()));
  }

  /** The cadres' verifications (from 2021-02): a conclusion outside the three, a future visit. */
  private void verificationFaults() {
    SourceContract v = Contracts.VERIFICATION;
    setTo(
        Contracts.VERIFICATIONS,
        v,
        "conclusion",
        "待定",
        "unknown_conclusion",
        "a conclusion outside the three");
    withRow(
        Contracts.VERIFICATIONS,
        v,
        "visited_on",
        "date_outside_period",
        "a visit dated in the next month",
        (csv, row) -> csv.set(row, v, "visited_on", month.plusMonths(1).atDay(3).toString()));
  }

  /**
   * Whole files that cannot be read: each a copy of a good file, spoiled the way offices spoil
   * them.
   */
  private void fileFaults() {
    Optional<Path> model =
        csvFiles(Contracts.SUBMISSIONS, Contracts.SUBMISSION).stream()
            .filter(p -> new LandedCsv(p).encoding() == TextEncoding.UTF8)
            .findFirst();
    if (model.isEmpty()) {
      return;
    }
    String good = new String(bytes(model.get()), StandardCharsets.UTF_8);
    Path folder = model.get().getParent();
    byte[] utf16 = good.getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[utf16.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(utf16, 0, withBom, 2, utf16.length);
    spoilFile(
        folder.resolve("补报_Unicode文本.csv"),
        withBom,
        "unreadable_encoding",
        "saved as UTF-16 (Excel's Unicode text)");
    spoilFile(folder.resolve("补报_空文件.csv"), new byte[0], "empty_file", "an empty file");
    spoilFile(
        folder.resolve("补报_截断.csv"),
        good.substring(0, good.lastIndexOf(',')).getBytes(StandardCharsets.UTF_8),
        "truncated_file",
        "cut off in the middle of its last row");
    spoilFile(
        folder.resolve("补报_非Excel.xlsx"),
        good.getBytes(StandardCharsets.UTF_8),
        "not_xlsx",
        "a CSV file named .xlsx");
    String header = good.substring(0, good.indexOf('\r'));
    String withoutDate =
        header.substring(0, header.lastIndexOf(',', header.lastIndexOf(',') - 1)) + "\r\n";
    spoilFile(
        folder.resolve("补报_缺列.csv"),
        withoutDate.getBytes(StandardCharsets.UTF_8),
        "missing_column",
        "the header lacks its reporting date and reporter");
    String firstColumn = header.substring(0, header.indexOf(','));
    spoilFile(
        folder.resolve("补报_重复列.csv"),
        (header + "," + firstColumn + good.substring(header.length()))
            .getBytes(StandardCharsets.UTF_8),
        "duplicate_column",
        "the first column's name again at the end of the header");
    spoilFile(
        landing.resolve(Contracts.REGISTRY).resolve(month.toString()).resolve("会议纪要.csv"),
        "日期,会议内容\r\n2020-01-03,推进会\r\n".getBytes(StandardCharsets.UTF_8),
        "unknown_file_kind",
        "minutes of a meeting among the registry files: neither households nor members");
    bulletinFaults(folder);
  }

  /**
   * In the city bulletin: one rate that disagrees, one block whose city total does not add up; and
   * a copy titled for another month.
   */
  private void bulletinFaults(Path folder) {
    Optional<Path> bulletin =
        landed.files(Contracts.SUBMISSIONS).stream()
            .filter(p -> p.toString().endsWith(".xlsx") || p.toString().endsWith(".xls"))
            .findFirst();
    if (bulletin.isEmpty()) {
      return;
    }
    String extension =
        bulletin.get().toString().substring(bulletin.get().toString().lastIndexOf('.'));
    try (Workbook workbook = WorkbookFactory.create(Files.newInputStream(bulletin.get()))) {
      Sheet sheet = workbook.getSheetAt(0);
      int rateRow = 6;
      int unitColumn = firstFilled(sheet, rateRow);
      sheet
          .getRow(rateRow)
          .getCell(unitColumn)
          .setCellValue(sheet.getRow(rateRow).getCell(unitColumn).getNumericCellValue() + 7);
      faults.add(
          new Fault(
              landed.name(bulletin.get()),
              rateRow - 1,
              "rate_mismatch",
              "a rate 7 points off its figures"));
      int totalRow = 7;
      sheet
          .getRow(totalRow)
          .getCell(4)
          .setCellValue(sheet.getRow(totalRow).getCell(4).getNumericCellValue() + 10);
      for (int c = 5; c < sheet.getRow(3).getLastCellNum(); c++) {
        if (sheet.getRow(totalRow).getCell(c) != null) {
          faults.add(
              new Fault(
                  landed.name(bulletin.get()),
                  totalRow + 1,
                  "city_total_mismatch",
                  "the city total 10 more than its units"));
        }
      }
      save(workbook, bulletin.get());
      sheet
          .getRow(1)
          .getCell(0)
          .setCellValue(
              "（截至"
                  + month.minusMonths(1).getYear()
                  + "年"
                  + month.minusMonths(1).getMonthValue()
                  + "月底）");
      Path copy = folder.resolve("战报_上月标题" + extension);
      save(workbook, copy);
      faults.add(
          new Fault(
              landed.name(copy),
              0,
              "title_period_mismatch",
              "a bulletin whose title names the month before"));
      sheet
          .getRow(1)
          .getCell(0)
          .setCellValue("（截至" + month.getYear() + "年" + month.getMonthValue() + "月底）");
      sheet.getRow(3).getCell(4).setCellValue("全市合计");
      Path withoutCity = folder.resolve("战报_无市名" + extension);
      save(workbook, withoutCity);
      faults.add(
          new Fault(
              landed.name(withoutCity),
              0,
              "unknown_city",
              "a bulletin whose total column is headed 全市合计"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int firstFilled(Sheet sheet, int row) {
    int c = 5;
    while (sheet.getRow(row).getCell(c) == null) {
      c++;
    }
    return c;
  }

  private interface RowChange {
    void apply(LandedCsv csv, int row);
  }

  /** Spoils one row by writing {@code value} into its {@code column}. */
  private void setTo(
      String source,
      SourceContract contract,
      String column,
      String value,
      String rule,
      String what) {
    withRow(
        source, contract, column, rule, what, (csv, row) -> csv.set(row, contract, column, value));
  }

  /**
   * Spoils one row (not yet spoiled, with {@code column} filled) of one of the month's files of the
   * contract, and lists it.
   */
  private void withRow(
      String source,
      SourceContract contract,
      String column,
      String rule,
      String what,
      RowChange change) {
    withRow(source, contract, column, rule, what, change, (csv, row) -> true);
  }

  private void withRow(
      String source,
      SourceContract contract,
      String column,
      String rule,
      String what,
      RowChange change,
      BiPredicate<LandedCsv, Integer> extra) {
    for (Path path : shuffled(csvFiles(source, contract))) {
      LandedCsv csv = new LandedCsv(path);
      OptionalInt row =
          cleanRow(path, csv, (c, r) -> !c.get(r, contract, column).isEmpty() && extra.test(c, r));
      if (row.isPresent()) {
        change.apply(csv, row.getAsInt());
        csv.save();
        faults.add(new Fault(landed.name(path), LandedCsv.lineOf(row.getAsInt()), rule, what));
        return;
      }
    }
  }

  /** The files in a random order: the first that has a suitable row takes the fault. */
  private List<Path> shuffled(List<Path> files) {
    List<Path> order = new ArrayList<>(files);
    Collections.shuffle(order, random);
    return order;
  }

  /** A random row not yet spoiled that {@code suits}, when there is one. */
  private OptionalInt cleanRow(Path path, LandedCsv csv, BiPredicate<LandedCsv, Integer> suits) {
    int start = csv.size() == 0 ? 0 : random.nextInt(csv.size());
    for (int i = 0; i < csv.size(); i++) {
      int row = (start + i) % csv.size();
      if (!spoiled(path, row) && suits.test(csv, row)) {
        return OptionalInt.of(row);
      }
    }
    return OptionalInt.empty();
  }

  /**
   * Appends a copy of a clean row to one of the month's files and changes the copy; the copy is
   * listed, and the original too when {@code originalToo} (a conflict quarantines both).
   */
  private void withCopy(
      String source,
      SourceContract contract,
      String column,
      String rule,
      String what,
      boolean originalToo,
      RowChange change,
      BiPredicate<LandedCsv, Integer> template) {
    for (Path path : shuffled(csvFiles(source, contract))) {
      LandedCsv csv = new LandedCsv(path);
      OptionalInt row =
          cleanRow(
              path, csv, (c, r) -> !c.get(r, contract, column).isEmpty() && template.test(c, r));
      if (row.isPresent()) {
        int copy = csv.append(csv.row(row.getAsInt()));
        change.apply(csv, copy);
        csv.save();
        if (originalToo) {
          faults.add(
              new Fault(
                  landed.name(path),
                  LandedCsv.lineOf(row.getAsInt()),
                  rule,
                  what + " (the original)"));
        }
        faults.add(new Fault(landed.name(path), LandedCsv.lineOf(copy), rule, what));
        return;
      }
    }
  }

  /**
   * Two households of one file under one household_id: both are quarantined, and with them the
   * members of that id and of the id the second one had. The second takes the first's member_count,
   * so that no other rule catches it first.
   */
  private void duplicateHouseholdFault() {
    SourceContract h = Contracts.HOUSEHOLD;
    List<Path> households = csvFiles(Contracts.REGISTRY, h);
    if (households.isEmpty()) {
      return;
    }
    Path path = households.get(random.nextInt(households.size()));
    LandedCsv csv = new LandedCsv(path);
    int first = cleanRow(path, csv);
    int second = cleanRow(path, csv, first);
    String sharedId = csv.get(first, h, "household_id");
    String secondId = csv.get(second, h, "household_id");
    csv.set(second, h, "household_id", sharedId);
    csv.set(second, h, "member_count", csv.get(first, h, "member_count"));
    csv.save();
    faults.add(
        new Fault(
            landed.name(path),
            LandedCsv.lineOf(first),
            "duplicate_household_id",
            "a household whose id another row reuses"));
    faults.add(
        new Fault(
            landed.name(path),
            LandedCsv.lineOf(second),
            "duplicate_household_id",
            "a household under another's id"));
    listMembers(sharedId);
    listMembers(secondId);
  }

  private int cleanRow(Path path, LandedCsv csv, int... besides) {
    return cleanRow(path, csv, (c, row) -> Arrays.stream(besides).noneMatch(b -> b == row))
        .orElseThrow();
  }

  private void householdFault(String rule, String what, String column, String value) {
    householdFault(rule, what, (csv, row) -> csv.set(row, Contracts.HOUSEHOLD, column, value));
  }

  private void householdFault(String rule, String what, RowChange change) {
    householdFault(rule, what, (csv, row) -> true, change);
  }

  /**
   * Spoils a household row that {@code suits}; the household's members go down with it: they name a
   * household that is not loaded.
   */
  private void householdFault(
      String rule, String what, BiPredicate<LandedCsv, Integer> suits, RowChange change) {
    for (Path path : shuffled(csvFiles(Contracts.REGISTRY, Contracts.HOUSEHOLD))) {
      LandedCsv csv = new LandedCsv(path);
      OptionalInt row = cleanRow(path, csv, suits);
      if (row.isPresent()) {
        String householdId = csv.get(row.getAsInt(), Contracts.HOUSEHOLD, "household_id");
        change.apply(csv, row.getAsInt());
        csv.save();
        faults.add(new Fault(landed.name(path), LandedCsv.lineOf(row.getAsInt()), rule, what));
        listMembers(householdId);
        return;
      }
    }
  }

  /** The members of a household that is not loaded are quarantined as unknown_household. */
  private void listMembers(String householdId) {
    for (Path members : csvFiles(Contracts.REGISTRY, Contracts.MEMBER)) {
      LandedCsv listed = new LandedCsv(members);
      for (int m = 0; m < listed.size(); m++) {
        if (listed.get(m, Contracts.MEMBER, "household_id").equals(householdId)
            && !spoiled(members, m)) {
          faults.add(
              new Fault(
                  landed.name(members),
                  LandedCsv.lineOf(m),
                  "unknown_household",
                  "a member of that household"));
        }
      }
    }
  }

  private boolean spoiled(Path file, int row) {
    return faults.stream()
        .anyMatch(f -> f.file().equals(landed.name(file)) && f.line() == LandedCsv.lineOf(row));
  }

  /** A figure or amount as written, plus one (thousands separators dropped). */
  private static String plusOne(String written) {
    return new BigDecimal(written.replace(",", "")).add(BigDecimal.ONE).toPlainString();
  }

  /** Another allocation document number of the same office: 〔year〕NNN号 becomes 〔year〕9NNN号. */
  private String newId(String allocationId) {
    int number = allocationId.lastIndexOf('〕') + 1;
    return allocationId.substring(0, number) + "9" + faults.size() + allocationId.substring(number);
  }

  private static String wrongCheckCharacter(String idNumber) {
    char right = idNumber.charAt(17);
    return idNumber.substring(0, 17) + (right == '0' ? '1' : '0');
  }

  private static String withImpossibleBirthMonth(String idNumber) {
    String first17 = idNumber.substring(0, 10) + "13" + idNumber.substring(12, 17);
    return first17 + IdNumbers.checkCharacter(first17);
  }

  private void spoilFile(Path file, byte[] content, String rule, String what) {
    write(file, content);
    faults.add(new Fault(landed.name(file), 0, rule, what));
  }

  private static void write(Path file, byte[] content) {
    try {
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  private static void save(Workbook workbook, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      workbook.write(out);
    }
  }

  private List<Path> csvFiles(String source, SourceContract contract) {
    return landed.files(source).stream()
        .filter(p -> p.toString().endsWith(".csv"))
        .filter(
            p ->
                Contracts.of(source).size() == 1
                    || new LandedCsv(p).has(contract, contract.identifyingColumn()))
        .toList();
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
