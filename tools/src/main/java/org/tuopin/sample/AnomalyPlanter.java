package org.tuopin.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.tuopin.etl.source.Contracts;
import org.tuopin.etl.source.SourceContract;

/**
 * Plants what auditors look for into one month's generated files: rows every rule accepts, whose
 * combination across sources is suspicious (v_anomalies). Runs after {@link FaultInjector} and
 * keeps clear of the rows it spoiled, so the quarantine stays exactly the fault list. Payments go
 * to a file of their own, {@code 稽核样本_<month>.csv}, among the month's disbursements.
 */
public final class AnomalyPlanter {
  /** One planted finding: the v_anomalies kind and period it must produce, and where it is. */
  public record Planted(String kind, YearMonth period, String file, String what) {}

  private static final SourceContract HOUSEHOLD = Contracts.HOUSEHOLD;

  /** Longer than the default monthsWithoutAssistance (6). */
  private static final int MONTHS_AT_RISK = 9;

  /** The income of the exited household planted under the line. */
  private static final String BELOW_LINE = "1000.00";

  private static final SourceContract MEMBER = Contracts.MEMBER;
  private static final List<String> PAYMENT_HEADER =
      List.of(
          "txn_id",
          "paid_on",
          "region_code",
          "fund_source",
          "indicator_code",
          "allocation_id",
          "household_id",
          "beneficiary_id_number",
          "amount_yuan",
          "reverses_txn_id");

  private final Path landing;
  private final LandedMonth landed;
  private final YearMonth month;
  private final Set<String> spoiled;
  private final List<Planted> planted = new ArrayList<>();
  private final List<List<String>> payments = new ArrayList<>();

  /** The month's payment files as text, read once when first needed. */
  private List<String> paymentTexts;

  private AnomalyPlanter(Path landing, YearMonth month, List<FaultInjector.Fault> faults) {
    this.landing = landing;
    this.landed = new LandedMonth(landing, month);
    this.month = month;
    this.spoiled =
        faults.stream()
            .map(f -> f.file() + ":" + f.line())
            .collect(Collectors.toCollection(HashSet::new));
  }

  /**
   * Plants the anomalies into the month's files, clear of {@code faults} (this month's and
   * earlier), and returns them.
   */
  public static List<Planted> plant(
      Path landing, YearMonth month, List<FaultInjector.Fault> faults) {
    AnomalyPlanter planter = new AnomalyPlanter(landing, month, faults);
    planter.monitoringAnomalies();
    planter.registryAnomalies();
    planter.overDisbursedAllocation();
    planter.cumulativeFell();
    planter.writePayments();
    if (faults.stream().anyMatch(f -> f.rule().equals("city_total_mismatch"))) {
      planter.planted.add(
          new Planted(
              "city_total_mismatch", month, "", "the bulletin total FaultInjector spoiled"));
    }
    return List.copyOf(planter.planted);
  }

  /** Writes the list as CSV beside the landing folders. */
  public static void writeList(Path file, List<Planted> planted) {
    try (CsvFile csv =
        new CsvFile(file, TextEncoding.UTF8, List.of("kind", "period", "file", "what"))) {
      planted.forEach(p -> csv.row(List.of(p.kind(), p.period().toString(), p.file(), p.what())));
    }
  }

  /**
   * In one county's registry: an exit below the line, a person in two households, and payments to
   * its households.
   */
  private void registryAnomalies() {
    Optional<Path> households =
        landed.files(Contracts.REGISTRY).stream()
            .filter(p -> p.getFileName().toString().contains("建档立卡户"))
            .filter(p -> !p.getFileName().toString().startsWith("510899"))
            .findFirst();
    if (households.isEmpty()) {
      return;
    }
    String county = households.get().getFileName().toString().substring(0, 6);
    LandedCsv registry = new LandedCsv(households.get());
    List<Integer> clean = cleanRows(households.get(), registry);
    if (clean.size() < 4) {
      return;
    }
    // another household each month: v_anomalies reports a household's exit below the line once,
    // when first seen; the month's index picks another row than last month's, and last month's
    // household is left out in case the rows before it moved
    Set<String> plantedLastMonth = plantedBelowLine(county, month.minusMonths(1));
    List<Integer> exitedRows =
        clean.stream()
            .filter(r -> registry.get(r, HOUSEHOLD, "status").equals("已脱贫"))
            .filter(r -> !plantedLastMonth.contains(registry.get(r, HOUSEHOLD, "household_id")))
            .toList();
    Optional<Integer> exited =
        exitedRows.isEmpty()
            ? Optional.empty()
            : Optional.of(
                exitedRows.get(
                    (int) (month.getYear() * 12L + month.getMonthValue()) % exitedRows.size()));
    if (exited.isPresent()) {
      registry.set(exited.get(), HOUSEHOLD, "per_capita_income", BELOW_LINE);
      planted.add(
          new Planted(
              "exited_below_line",
              month,
              landed.name(households.get()),
              "an exited household with 1000 yuan a head"));
    }
    List<Integer> others =
        clean.stream().filter(r -> exited.isEmpty() || !r.equals(exited.get())).toList();
    personInTwoHouseholds(county, registry, others.get(0), others.get(1));
    registry.save();
    String current = registry.get(others.get(2), HOUSEHOLD, "household_id");
    // amounts differ by month, so that one month's planted payments do not pair with another's
    payments.add(paymentRow(county, current, yuan(800), 3));
    payments.add(paymentRow(county, current, yuan(800), 20));
    planted.add(
        new Planted(
            "duplicate_subsidy",
            month,
            "",
            "one household paid the same subsidy twice, 17 days apart"));
    payments.add(paymentRow(county, "9" + current.substring(1), yuan(650), 5));
    planted.add(
        new Planted(
            "payment_to_unregistered", month, "", "a household id the registry does not have"));
    clean.stream()
        .filter(r -> registry.get(r, HOUSEHOLD, "status").equals("注销"))
        .findFirst()
        .ifPresent(
            removed -> {
              payments.add(
                  paymentRow(
                      county, registry.get(removed, HOUSEHOLD, "household_id"), yuan(700), 7));
              planted.add(
                  new Planted("payment_to_removed", month, "", "a household whose status is 注销"));
            });
  }

  /** The county's households given {@link #BELOW_LINE} a head in a month's registry. */
  private Set<String> plantedBelowLine(String county, YearMonth earlier) {
    Set<String> households = new HashSet<>();
    for (Path file : new LandedMonth(landing, earlier).files(Contracts.REGISTRY)) {
      String name = file.getFileName().toString();
      if (name.startsWith(county) && name.contains("建档立卡户") && name.endsWith(".csv")) {
        LandedCsv registry = new LandedCsv(file);
        for (int r = 0; r < registry.size(); r++) {
          if (registry.get(r, HOUSEHOLD, "per_capita_income").equals(BELOW_LINE)) {
            households.add(registry.get(r, HOUSEHOLD, "household_id"));
          }
        }
      }
    }
    return households;
  }

  /**
   * From 2021: a risk marked eliminated while the income is under the monitoring line, and a
   * household at risk for nine months that no payment names. The rows changed are kept from the
   * other plantings (which could pay the household or change its income again).
   */
  private void monitoringAnomalies() {
    YearMonth takenIn = month.minusMonths(MONTHS_AT_RISK);
    plantOnMonitored(
        (registry, r) -> eliminated(registry, r),
        (registry, r) -> registry.set(r, HOUSEHOLD, "per_capita_income", "5000.00"),
        // under the default monitoring line (6,000), above the poverty line (4,000): an exited
        // household is no exited_below_line
        "eliminated_below_line",
        "a risk eliminated at 5000 yuan a head");
    if (takenIn.getYear() >= 2021) {
      plantOnMonitored(
          (registry, r) ->
              !eliminated(registry, r) && !paid(registry.get(r, HOUSEHOLD, "household_id")),
          (registry, r) -> registry.set(r, HOUSEHOLD, "monitored_on", takenIn.atDay(1).toString()),
          "monitored_without_assistance",
          "at risk nine months, never paid");
    }
  }

  /** Changes the first clean monitored household (not 注销) that {@code suits}, in any file. */
  private void plantOnMonitored(
      BiPredicate<LandedCsv, Integer> suits,
      BiConsumer<LandedCsv, Integer> change,
      String kind,
      String what) {
    for (Path file : householdFiles()) {
      LandedCsv registry = new LandedCsv(file);
      if (!registry.has(HOUSEHOLD, "monitoring_type")) {
        continue;
      }
      Optional<Integer> row =
          cleanRows(file, registry).stream()
              .filter(r -> !registry.get(r, HOUSEHOLD, "monitoring_type").isEmpty())
              .filter(r -> !registry.get(r, HOUSEHOLD, "status").equals("注销"))
              .filter(r -> suits.test(registry, r))
              .findFirst();
      if (row.isPresent()) {
        change.accept(registry, row.get());
        registry.save();
        spoiled.add(landed.name(file) + ":" + LandedCsv.lineOf(row.get()));
        planted.add(new Planted(kind, month, landed.name(file), what));
        return;
      }
    }
  }

  private static boolean eliminated(LandedCsv registry, int row) {
    return FaultInjector.isYes(registry.get(row, HOUSEHOLD, "risk_eliminated"));
  }

  /** Whether any of the month's payment files names the household (ids are ASCII digits). */
  private boolean paid(String householdId) {
    if (paymentTexts == null) {
      paymentTexts =
          landed.files(Contracts.DISBURSEMENTS).stream().map(AnomalyPlanter::text).toList();
    }
    return paymentTexts.stream().anyMatch(t -> t.contains(householdId));
  }

  private static String text(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private List<Path> householdFiles() {
    return landed.files(Contracts.REGISTRY).stream()
        .filter(p -> p.getFileName().toString().contains("建档立卡户"))
        .toList();
  }

  /**
   * A member of {@code first} listed again under {@code second}, whose member_count grows by one.
   */
  private void personInTwoHouseholds(String county, LandedCsv registry, int first, int second) {
    Optional<Path> membersFile =
        landed.files(Contracts.REGISTRY).stream()
            .filter(
                p ->
                    p.getFileName().toString().startsWith(county)
                        && p.getFileName().toString().contains("家庭成员"))
            .findFirst();
    if (membersFile.isEmpty()) {
      return;
    }
    LandedCsv members = new LandedCsv(membersFile.get());
    String firstId = registry.get(first, HOUSEHOLD, "household_id");
    for (int m = 0; m < members.size(); m++) {
      if (members.get(m, MEMBER, "household_id").equals(firstId)
          && !spoiled.contains(landed.name(membersFile.get()) + ":" + LandedCsv.lineOf(m))
          && !members.get(m, MEMBER, "relation").equals("户主")) {
        int copy = members.append(members.row(m));
        members.set(copy, MEMBER, "household_id", registry.get(second, HOUSEHOLD, "household_id"));
        members.save();
        registry.set(
            second,
            HOUSEHOLD,
            "member_count",
            String.valueOf(Integer.parseInt(registry.get(second, HOUSEHOLD, "member_count")) + 1));
        planted.add(
            new Planted(
                "person_in_two_households",
                month,
                landed.name(membersFile.get()),
                "a member listed in two households"));
        return;
      }
    }
  }

  /**
   * A unit's figure set to 0 where last month's was above 0. Only units that are alone in their
   * city (the first four digits of the code): a city of several units publishes a bulletin whose
   * later figures would replace it; and only where neither month has a correction file.
   */
  private void cumulativeFell() {
    if (month.getMonthValue() == 1) {
      return; // January starts the year's count again
    }
    LandedMonth previous = new LandedMonth(landing, month.minusMonths(1));
    for (Path file : landed.files(Contracts.SUBMISSIONS)) {
      String unit =
          file.getFileName()
              .toString()
              .substring(0, Math.min(6, file.getFileName().toString().length()));
      Path before =
          previous
              .landing()
              .resolve(Contracts.SUBMISSIONS)
              .resolve(previous.month().toString())
              .resolve(unit + "_进度_" + previous.month() + ".csv");
      if (file.getFileName().toString().equals(unit + "_进度_" + month + ".csv")
          && Files.exists(before)
          && aloneInCity(unit)
          && !corrected(landed, unit)
          && !corrected(previous, unit)) {
        LandedCsv now = new LandedCsv(file);
        LandedCsv then = new LandedCsv(before);
        for (int row : cleanRows(file, now)) {
          String indicator = now.get(row, Contracts.SUBMISSION, "indicator_code");
          boolean doneBefore =
              IntStream.range(0, then.size())
                  .anyMatch(
                      r ->
                          then.get(r, Contracts.SUBMISSION, "indicator_code").equals(indicator)
                              && !spoiled.contains(
                                  previous.name(before) + ":" + LandedCsv.lineOf(r))
                              && new BigDecimal(
                                          then.get(r, Contracts.SUBMISSION, "cumulative_completed")
                                              .replace(",", ""))
                                      .signum()
                                  > 0);
          if (doneBefore) {
            now.set(row, Contracts.SUBMISSION, "cumulative_completed", "0");
            now.save();
            planted.add(
                new Planted(
                    "cumulative_fell",
                    month,
                    landed.name(file),
                    "a completion of 0 after last month's"));
            return;
          }
        }
      }
    }
  }

  private boolean aloneInCity(String unit) {
    return landed.files(Contracts.SUBMISSIONS).stream()
            .map(p -> p.getFileName().toString())
            .filter(n -> n.contains("_进度_") && n.startsWith(unit.substring(0, 4)))
            .count()
        == 1;
  }

  private static boolean corrected(LandedMonth folder, String unit) {
    return folder.files(Contracts.SUBMISSIONS).stream()
        .map(p -> p.getFileName().toString())
        .anyMatch(n -> n.startsWith(unit) && n.contains("更正"));
  }

  /** A payment on this month's first allocation of one more yuan than the allocation holds. */
  private void overDisbursedAllocation() {
    Optional<Path> allocations =
        landed.files(Contracts.ALLOCATIONS).stream()
            .filter(p -> p.toString().endsWith(".csv"))
            .findFirst();
    if (allocations.isEmpty()) {
      return;
    }
    LandedCsv csv = new LandedCsv(allocations.get());
    cleanRows(allocations.get(), csv).stream()
        .findFirst()
        .ifPresent(
            row -> {
              BigDecimal amount =
                  new BigDecimal(csv.get(row, Contracts.ALLOCATION, "amount_yuan").replace(",", ""))
                      .add(BigDecimal.ONE);
              List<String> paid =
                  paymentRow(
                      csv.get(row, Contracts.ALLOCATION, "region_code"),
                      "",
                      amount.toPlainString(),
                      9);
              paid.set(
                  PAYMENT_HEADER.indexOf("allocation_id"),
                  csv.get(row, Contracts.ALLOCATION, "allocation_id"));
              paid.set(
                  PAYMENT_HEADER.indexOf("indicator_code"),
                  csv.get(row, Contracts.ALLOCATION, "indicator_code"));
              payments.add(paid);
              planted.add(
                  new Planted(
                      "over_disbursed",
                      month,
                      landed.name(allocations.get()),
                      "one yuan more paid than an allocation holds"));
            });
  }

  private String yuan(int base) {
    return (base + month.getMonthValue()) + ".00";
  }

  private List<String> paymentRow(String region, String householdId, String amount, int day) {
    String txnId =
        "A" + month.toString().replace("-", "") + String.format("%04d", payments.size() + 1);
    return new ArrayList<>(
        List.of(
            txnId,
            month.atDay(day).toString(),
            region,
            "central",
            "industry_support",
            "",
            householdId,
            "",
            amount,
            ""));
  }

  private void writePayments() {
    if (payments.isEmpty()) {
      return;
    }
    Path file =
        landing
            .resolve(Contracts.DISBURSEMENTS)
            .resolve(month.toString())
            .resolve("稽核样本_" + month + ".csv");
    try (CsvFile csv = new CsvFile(file, TextEncoding.UTF8, PAYMENT_HEADER)) {
      payments.forEach(csv::row);
    }
  }

  private List<Integer> cleanRows(Path path, LandedCsv csv) {
    List<Integer> rows = new ArrayList<>();
    for (int r = 0; r < csv.size(); r++) {
      if (!spoiled.contains(landed.name(path) + ":" + LandedCsv.lineOf(r))) {
        rows.add(r);
      }
    }
    return rows;
  }
}
