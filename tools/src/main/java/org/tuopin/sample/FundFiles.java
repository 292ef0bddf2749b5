package org.tuopin.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.tuopin.etl.reference.FundSource;
import org.tuopin.etl.reference.ReferenceData;
import org.tuopin.etl.reference.Region;

/**
 * Allocations (资金下达) per unit, year and fund source (every unit gets money from every source each
 * year), and the payments made against them over the following months: to the county, to villages,
 * and subsidies to registered households; a few payments are reversed the same month.
 *
 * <p>A window that starts after January carries its first year so far, so that a month generated
 * alone (the demo's year-ends) shows a real year's money: the year's allocations approved before
 * the window land in the window's first month (their approval dates kept: an allocation's date need
 * only be in its year), and the year's payments made before the window land there too, dated the
 * first of that month (as a finance system's catch-up feed would send them). Other months are the
 * same whatever the window.
 */
final class FundFiles {
  private static final List<String> ALLOCATION_HEADER =
      List.of(
          "allocation_id",
          "year",
          "region_code",
          "fund_source",
          "indicator_code",
          "amount_yuan",
          "approved_on");
  private static final List<String> DISBURSEMENT_HEADER =
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
  private static final List<String> HOUSEHOLD_SUBSIDIES = List.of("relocation", "house_renovation");

  /** What a monitored household's assistance is paid from (产业扶持, 转移就业). */
  private static final List<String> ASSISTANCE = List.of("industry_support", "employment_transfer");

  private static final BigDecimal ASSISTANCE_YUAN = new BigDecimal("2000.00");

  private final Path landing;
  private final long seed;
  private final ReferenceData reference;

  FundFiles(Path landing, long seed, ReferenceData reference) {
    this.landing = landing;
    this.seed = seed;
    this.reference = reference;
  }

  record Allocation(
      String id,
      int year,
      Region unit,
      FundSource source,
      String indicator,
      BigDecimal amount,
      LocalDate approvedOn) {}

  record Payment(
      LocalDate paidOn,
      String region,
      Allocation allocation,
      HouseholdLife household,
      BigDecimal amount,
      String reverses) {}

  /**
   * @param fileSuffix what the shared allocation files' names end with (a province's code, or
   *     nothing)
   */
  Map<String, Long> write(
      YearMonth from,
      YearMonth to,
      List<Region> units,
      Map<String, List<HouseholdLife>> households,
      String fileSuffix) {
    Map<YearMonth, List<List<String>>> allocationRows = new TreeMap<>();
    Map<String, Map<YearMonth, List<Payment>>> paymentsByUnit = new LinkedHashMap<>();
    for (Region unit : units) {
      for (int year = from.getYear(); year <= to.getYear(); year++) {
        List<Allocation> ofYear = allocations(unit, year);
        Allocation assisting = assistingAllocation(ofYear);
        for (Allocation allocation : ofYear) {
          YearMonth approved = carried(YearMonth.from(allocation.approvedOn()), from);
          if (approved.isBefore(from) || approved.isAfter(to)) {
            continue; // payments name their allocation, so both stay inside the window
          }
          allocationRows
              .computeIfAbsent(approved, m -> new ArrayList<>())
              .add(allocationRow(allocation));
          List<HouseholdLife> ofUnit = households.getOrDefault(unit.code(), List.of());
          List<Payment> paid = new ArrayList<>(payments(allocation, ofUnit));
          if (allocation == assisting) {
            paid.addAll(assistance(allocation, ofUnit, paid));
          }
          for (Payment payment : paid) {
            Payment landed = carried(payment, from);
            paymentsByUnit
                .computeIfAbsent(unit.code(), u -> new TreeMap<>())
                .computeIfAbsent(YearMonth.from(landed.paidOn()), m -> new ArrayList<>())
                .add(landed);
          }
        }
      }
    }
    long allocationsWritten = 0;
    for (Map.Entry<YearMonth, List<List<String>>> month : allocationRows.entrySet()) {
      try (CsvFile file =
          new CsvFile(
              landing
                  .resolve("allocations")
                  .resolve(month.getKey().toString())
                  .resolve("资金下达_" + month.getKey() + fileSuffix + ".csv"),
              TextEncoding.UTF8,
              ALLOCATION_HEADER)) {
        month.getValue().forEach(file::row);
        allocationsWritten += month.getValue().size();
      }
    }
    long paymentsWritten = writePayments(from, to, paymentsByUnit);
    return Map.of("allocations", allocationsWritten, "disbursements", paymentsWritten);
  }

  /** Where a month's files land: a month of the window's first year before it, in its first. */
  private static YearMonth carried(YearMonth month, YearMonth windowStart) {
    return month.isBefore(windowStart) && month.getYear() == windowStart.getYear()
        ? windowStart
        : month;
  }

  /** A payment made in the window's first year before it, dated the first of its first month. */
  private static Payment carried(Payment payment, YearMonth windowStart) {
    YearMonth paid = YearMonth.from(payment.paidOn());
    if (carried(paid, windowStart).equals(paid)) {
      return payment;
    }
    return new Payment(
        windowStart.atDay(1),
        payment.region(),
        payment.allocation(),
        payment.household(),
        payment.amount(),
        payment.reverses());
  }

  private long writePayments(
      YearMonth from, YearMonth to, Map<String, Map<YearMonth, List<Payment>>> paymentsByUnit) {
    long written = 0;
    for (Map.Entry<String, Map<YearMonth, List<Payment>>> unit : paymentsByUnit.entrySet()) {
      for (Map.Entry<YearMonth, List<Payment>> month : unit.getValue().entrySet()) {
        if (month.getKey().isBefore(from) || month.getKey().isAfter(to)) {
          continue;
        }
        try (RowFile csv = paymentFile(unit.getKey(), month.getKey())) {
          int sequence = 0;
          Map<Payment, String> ids = new LinkedHashMap<>();
          for (Payment payment : month.getValue()) {
            String txnId =
                "T"
                    + unit.getKey()
                    + month.getKey().toString().replace("-", "")
                    + String.format("%05d", ++sequence);
            ids.put(payment, txnId);
            csv.row(paymentRow(txnId, payment, null));
            written++;
          }
          written += writeReversals(csv, ids, unit.getKey(), month.getKey(), sequence);
        }
      }
    }
    return written;
  }

  /** A third of the counties' finance systems send a JSON Lines feed, the rest CSV. */
  private RowFile paymentFile(String unit, YearMonth month) {
    Path folder = landing.resolve("disbursements").resolve(month.toString());
    if (Seeds.random(seed, "payment-feed", unit).nextInt(3) == 0) {
      return new JsonLinesFile(
          folder.resolve(unit + "_资金拨付_" + month + ".jsonl"), DISBURSEMENT_HEADER);
    }
    return new CsvFile(
        folder.resolve(unit + "_资金拨付_" + month + ".csv"), TextEncoding.UTF8, DISBURSEMENT_HEADER);
  }

  /** About one payment in sixty is reversed (冲正) within the same month. */
  private long writeReversals(
      RowFile csv, Map<Payment, String> ids, String unit, YearMonth month, int sequence) {
    long written = 0;
    for (Map.Entry<Payment, String> entry : ids.entrySet()) {
      if (Seeds.random(seed, "reversal", entry.getValue()).nextInt(60) == 0) {
        Payment original = entry.getKey();
        String txnId =
            "T" + unit + month.toString().replace("-", "") + String.format("%05d", ++sequence);
        Payment reversal =
            new Payment(
                original.paidOn(),
                original.region(),
                original.allocation(),
                original.household(),
                original.amount().negate(),
                entry.getValue());
        csv.row(paymentRow(txnId, reversal, entry.getValue()));
        written++;
      }
    }
    return written;
  }

  private List<Allocation> allocations(Region unit, int year) {
    Random r = Seeds.random(seed, "allocations", unit.code(), year);
    List<Allocation> allocations = new ArrayList<>();
    int number = 0;
    for (FundSource source : reference.fundSources()) {
      int count = allocationsFrom(source, r);
      for (int i = 0; i < count; i++) {
        String indicator =
            reference.indicators().get(r.nextInt(reference.indicators().size())).code();
        double scale =
            source.code().equals("central") || source.code().equals("integrated_agri") ? 1.0 : 0.35;
        BigDecimal amount =
            BigDecimal.valueOf(
                    Seeds.between(r, 200_000, 3_000_000) * scale * (unit.custom() ? 0.2 : 1))
                .setScale(2, RoundingMode.HALF_UP);
        LocalDate approved =
            LocalDate.of(
                year,
                1 + Seeds.weighted(r, 20, 16, 14, 12, 10, 8, 6, 5, 4, 3, 1, 1),
                Seeds.between(r, 1, 28));
        String id = documentNumber(unit, source, year, ++number);
        allocations.add(new Allocation(id, year, unit, source, indicator, amount, approved));
      }
    }
    return allocations;
  }

  /** How many allocations a unit gets from a source in a year: one to three from the large ones. */
  private static int allocationsFrom(FundSource source, Random r) {
    return switch (source.code()) {
      case "central", "provincial", "integrated_agri", "county" -> Seeds.between(r, 1, 3);
      default -> 1;
    };
  }

  /**
   * An allocation's document number (文号), unique across the country: it carries the unit's whole
   * code. Its last four digits alone repeat between provinces (141122 and 431122), and 财农 is every
   * province's central-fund prefix, so a national month quarantined such pairs as
   * duplicate_allocation_id.
   */
  static String documentNumber(Region unit, FundSource source, int year, int number) {
    return documentPrefix(unit, source)
        + "〔"
        + year
        + "〕"
        + unit.code()
        + String.format("%02d", number)
        + "号";
  }

  private static String documentPrefix(Region unit, FundSource source) {
    String province =
        switch (unit.code().substring(0, 2)) {
          case "51" -> "川";
          case "61" -> "陕";
          case "53" -> "云";
          default -> "";
        };
    return switch (source.code()) {
      case "central" -> "财农";
      case "provincial", "integrated_agri" -> province + "财农";
      default -> unit.name().substring(0, Math.min(2, unit.name().length())) + "财农";
    };
  }

  private List<Payment> payments(Allocation allocation, List<HouseholdLife> households) {
    Random r = Seeds.random(seed, "payments", allocation.id());
    double share = Seeds.between(r, 0.55, 1.0);
    int count = Seeds.between(r, 3, 8);
    List<Region> villages = villagesOf(households);
    List<Payment> payments = new ArrayList<>();
    BigDecimal each =
        allocation
            .amount()
            .multiply(BigDecimal.valueOf(share / count))
            .setScale(2, RoundingMode.HALF_UP);
    for (int i = 0; i < count; i++) {
      LocalDate paidOn = allocation.approvedOn().plusDays(Seeds.between(r, 10, 300));
      boolean toHousehold =
          HOUSEHOLD_SUBSIDIES.contains(allocation.indicator())
              && !households.isEmpty()
              && r.nextBoolean();
      if (toHousehold) {
        HouseholdLife household = households.get(r.nextInt(households.size()));
        if (household.presentAt(YearMonth.from(paidOn))
            && !household.statusAt(YearMonth.from(paidOn)).equals(HouseholdLife.REMOVED)) {
          payments.add(
              new Payment(
                  paidOn,
                  household.villageCode,
                  allocation,
                  household,
                  each.min(BigDecimal.valueOf(30_000)),
                  null));
          continue;
        }
      }
      String region =
          !villages.isEmpty() && r.nextInt(10) < 3
              ? villages.get(r.nextInt(villages.size())).code()
              : allocation.unit().code();
      payments.add(new Payment(paidOn, region, allocation, null, each, null));
    }
    return payments;
  }

  /** The unit's first allocation of the year that monitored households are assisted from. */
  private static Allocation assistingAllocation(List<Allocation> ofYear) {
    return ofYear.stream()
        .filter(a -> ASSISTANCE.contains(a.indicator()))
        .min(Comparator.comparing(Allocation::approvedOn))
        .orElse(null);
  }

  /**
   * One payment to each household taken into monitoring in the allocation's year (防止返贫 帮扶), 10 to
   * 60 days after it was taken in (or after the allocation's approval), while the allocation has
   * money left. From its own random stream: the years before monitoring are unchanged.
   */
  private List<Payment> assistance(
      Allocation allocation, List<HouseholdLife> households, List<Payment> paid) {
    Random r = Seeds.random(seed, "assistance", allocation.id());
    BigDecimal left =
        paid.stream().map(Payment::amount).reduce(allocation.amount(), BigDecimal::subtract);
    List<Payment> assistance = new ArrayList<>();
    for (HouseholdLife household : households) {
      MonitoringEpisode m = household.monitoring;
      if (m == null || m.monitoredOn().getYear() != allocation.year()) {
        continue;
      }
      if (left.compareTo(ASSISTANCE_YUAN) < 0) {
        break;
      }
      LocalDate from =
          m.monitoredOn().isAfter(allocation.approvedOn())
              ? m.monitoredOn()
              : allocation.approvedOn();
      LocalDate paidOn = from.plusDays(Seeds.between(r, 10, 60));
      if (household.statusAt(YearMonth.from(paidOn)).equals(HouseholdLife.REMOVED)) {
        continue;
      }
      assistance.add(
          new Payment(paidOn, household.villageCode, allocation, household, ASSISTANCE_YUAN, null));
      left = left.subtract(ASSISTANCE_YUAN);
    }
    return assistance;
  }

  private List<Region> villagesOf(List<HouseholdLife> households) {
    return households.stream()
        .map(h -> h.villageCode)
        .distinct()
        .limit(20)
        .map(reference.regions()::require)
        .toList();
  }

  private static List<String> allocationRow(Allocation a) {
    return List.of(
        a.id(),
        String.valueOf(a.year()),
        a.unit().code(),
        a.source().code(),
        a.indicator(),
        new DecimalFormat("#,##0.00").format(a.amount()),
        a.approvedOn().toString());
  }

  private static List<String> paymentRow(String txnId, Payment p, String reverses) {
    return Arrays.asList(
        txnId,
        p.paidOn().toString(),
        p.region(),
        p.allocation().source().code(),
        p.allocation().indicator(),
        p.allocation().id(),
        p.household() == null ? "" : p.household().householdId,
        p.household() == null ? "" : p.household().head().idNumber(),
        p.amount().toPlainString(),
        reverses == null ? "" : reverses);
  }
}
