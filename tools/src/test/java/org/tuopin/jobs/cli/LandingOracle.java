package org.tuopin.jobs.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The published views' numbers computed straight from the landing files, in plain Java and straight
 * from the definitions of docs/warehouse.md, for the end-to-end test to compare with. Region
 * roll-ups use the code structure (village = county + 6 digits; county = city's first four digits),
 * which holds for the demo counties and for the custom unit 510899.
 */
final class LandingOracle {
  private final Path landing;
  private final List<YearMonth> months;
  private final Set<Path> brokenFiles;

  /**
   * @param brokenFiles files written with rows that break rules: read, but never loaded
   */
  LandingOracle(Path landing, List<YearMonth> months, Set<Path> brokenFiles) {
    this.landing = landing;
    this.months = months;
    this.brokenFiles = brokenFiles;
  }

  static String cityOf(String countyCode) {
    return countyCode.substring(0, 4) + "00";
  }

  static String key(Object... parts) {
    return String.join("|", Stream.of(parts).map(String::valueOf).toList());
  }

  // ---- v_poverty_trend ------------------------------------------------------------------

  record Trend(
      long poorHouseholds,
      long poorPersons,
      long exitedHouseholds,
      long returnedHouseholds,
      Long population,
      Double incidence) {}

  /** Keyed by period|region_code, for counties and cities. */
  Map<String, Trend> povertyTrend() {
    Map<String, Trend> expected = new TreeMap<>();
    for (YearMonth period : months) {
      Map<String, long[]> byCounty = new TreeMap<>();
      snapshotAsOf(period)
          .forEach((county, households) -> byCounty.put(county, counts(households)));
      Map<String, Long> population = population(period.getYear());
      Map<String, List<String>> countiesOfCity = new TreeMap<>();
      byCounty.forEach(
          (county, c) -> {
            Long figure = population.get(county);
            expected.put(key(period.atDay(1), county), trend(c, figure));
            countiesOfCity.computeIfAbsent(cityOf(county), k -> new ArrayList<>()).add(county);
          });
      countiesOfCity.forEach(
          (city, counties) -> {
            long[] sum = new long[4];
            counties.forEach(
                county -> {
                  for (int i = 0; i < 4; i++) {
                    sum[i] += byCounty.get(county)[i];
                  }
                });
            Long figure =
                population.containsKey(city)
                    ? population.get(city)
                    : counties.stream().allMatch(population::containsKey)
                        ? counties.stream().mapToLong(population::get).sum()
                        : null;
            expected.put(key(period.atDay(1), city), trend(sum, figure));
          });
    }
    return expected;
  }

  private static Trend trend(long[] c, Long population) {
    return new Trend(
        c[0], c[1], c[2], c[3], population, population == null ? null : 100.0 * c[1] / population);
  }

  /** poor households, poor persons, exited households, returned households. */
  private static long[] counts(List<Map<String, String>> households) {
    long[] c = new long[4];
    for (Map<String, String> h : households) {
      String status = h.get("status");
      if (status.equals("未脱贫") || status.equals("返贫")) {
        c[0]++;
        c[1] += Long.parseLong(h.get("member_count"));
      }
      if (status.equals("已脱贫")) {
        c[2]++;
      }
      if (status.equals("返贫")) {
        c[3]++;
      }
    }
    return c;
  }

  // ---- v_monitoring ---------------------------------------------------------------------

  /**
   * Per period|region_code (counties and cities with a monitored household): monitored households,
   * persons, 脱贫不稳定户, 边缘易致贫户, 突发严重困难户, taken in during the month, eliminated during the month, at
   * risk, persons at risk, exited, exited and monitored.
   */
  Map<String, List<Long>> monitoring() {
    Map<String, List<Long>> expected = new TreeMap<>();
    for (YearMonth period : months) {
      Map<String, long[]> byRegion = new TreeMap<>();
      snapshotAsOf(period)
          .forEach(
              (county, households) -> {
                long[] c = monitoringCounts(households, period);
                for (String region : List.of(county, cityOf(county))) {
                  long[] sum = byRegion.computeIfAbsent(region, k -> new long[c.length]);
                  for (int i = 0; i < c.length; i++) {
                    sum[i] += c[i];
                  }
                }
              });
      byRegion.forEach(
          (region, c) -> {
            if (c[0] > 0) {
              expected.put(key(period.atDay(1), region), Arrays.stream(c).boxed().toList());
            }
          });
    }
    return expected;
  }

  private static long[] monitoringCounts(List<Map<String, String>> households, YearMonth period) {
    long[] c = new long[11];
    for (Map<String, String> h : households) {
      String type = h.getOrDefault("monitoring_type", "");
      String status = h.get("status");
      if (status.equals("注销")) {
        continue;
      }
      long persons = Long.parseLong(h.get("member_count"));
      boolean monitored = !type.isEmpty();
      boolean eliminated = List.of("是", "Y").contains(h.getOrDefault("risk_eliminated", ""));
      if (monitored) {
        c[0]++;
        c[1] += persons;
        c[2 + List.of("脱贫不稳定户", "边缘易致贫户", "突发严重困难户").indexOf(type)]++;
        if (YearMonth.from(LocalDate.parse(h.get("monitored_on"))).equals(period)) {
          c[5]++;
        }
        if (eliminated
            && YearMonth.from(LocalDate.parse(h.get("risk_eliminated_on"))).equals(period)) {
          c[6]++;
        }
        if (!eliminated) {
          c[7]++;
          c[8] += persons;
        }
      }
      if (status.equals("已脱贫")) {
        c[9]++;
        c[10] += monitored ? 1 : 0;
      }
    }
    return c;
  }

  /** Each county's households as of the period: its latest snapshot sent in the months so far. */
  Map<String, List<Map<String, String>>> snapshotAsOf(YearMonth period) {
    Map<String, List<Map<String, String>>> latest = new TreeMap<>();
    for (YearMonth month : months) {
      if (month.isAfter(period)) {
        break;
      }
      Map<String, List<Map<String, String>>> sent = new TreeMap<>();
      for (Path file : validFiles("registry", month.toString())) {
        if (RawLandingFile.hasColumn(file, "member_count")) {
          for (Map<String, String> h : RawLandingFile.rows(file)) {
            sent.computeIfAbsent(h.get("village_code").substring(0, 6), k -> new ArrayList<>())
                .add(h);
          }
        }
      }
      latest.putAll(sent);
    }
    return latest;
  }

  // ---- v_screening_leads --------------------------------------------------------------------

  /**
   * A department's category as docs/warehouse.md's screening_category defaults it: the thresholds
   * for a registered household's member and for another rural resident (null: every signal), and
   * whether amounts are the year so far.
   */
  private record Threshold(BigDecimal registered, BigDecimal other, boolean yearToDate) {}

  private static final Map<String, Threshold> SCREENING_THRESHOLDS =
      Map.of(
          "医保|住院自付", new Threshold(new BigDecimal(5000), new BigDecimal(20000), true),
          "医保|门诊自付", new Threshold(new BigDecimal(5000), new BigDecimal(20000), true),
          "教育|教育自付", new Threshold(new BigDecimal(3000), new BigDecimal(10000), true),
          "应急|灾害损失", new Threshold(new BigDecimal(5000), new BigDecimal(20000), false));

  /** One signal as landed, with the month of its folder. */
  private record Signal(
      YearMonth month,
      String idNumber,
      String department,
      String category,
      String villageCode,
      LocalDate occurredOn,
      BigDecimal amount,
      LocalDate figuresAsOf) {}

  /**
   * A lead as docs/warehouse.md defines it, in the landing files' terms: the subject is a
   * household_id, or an identity number outside the registry; first is its first_flagged_period.
   */
  record Lead(
      YearMonth period,
      String county,
      String subject,
      boolean registered,
      String department,
      String category,
      BigDecimal amount,
      YearMonth first) {
    String ofSubject() {
      return key(subject, department, category);
    }
  }

  /** A visit of the verification files, its subject resolved as v_verifications resolves it. */
  record Visit(String subject, LocalDate visitedOn, String conclusion) {}

  /**
   * Per period|county_code|department (those with a lead): leads, leads of registered households,
   * leads of people outside the registry.
   */
  Map<String, List<Long>> screeningLeads() {
    Map<String, List<Long>> expected = new TreeMap<>();
    for (Lead lead : leads()) {
      List<Long> counts =
          expected.computeIfAbsent(
              key(lead.period().atDay(1), lead.county(), lead.department()),
              k -> new ArrayList<>(List.of(0L, 0L, 0L)));
      counts.set(0, counts.get(0) + 1);
      counts.set(lead.registered() ? 1 : 2, counts.get(lead.registered() ? 1 : 2) + 1);
    }
    return expected;
  }

  /**
   * Per flagged period|county_code, the leads of v_alert_followup: raised, visited, on time (within
   * 15 days of the 5th of the next month), concluded 纳入监测 and monitored in a later snapshot.
   */
  Map<String, List<Long>> leadFollowup() {
    List<Visit> visits = visits();
    Map<String, List<Long>> expected = new TreeMap<>();
    for (Lead lead : leads()) {
      if (!lead.first().equals(lead.period())) {
        continue;
      }
      LocalDate flaggedOn = lead.period().plusMonths(1).atDay(5);
      Visit visit =
          visits.stream()
              .filter(v -> v.subject().equals(lead.subject()))
              .filter(v -> !v.visitedOn().isBefore(lead.period().atDay(1)))
              .min(Comparator.comparing(Visit::visitedOn).thenComparing(Visit::conclusion))
              .orElse(null);
      boolean onTime = visit != null && ChronoUnit.DAYS.between(flaggedOn, visit.visitedOn()) <= 15;
      boolean confirmed =
          visit != null
              && visit.conclusion().equals("纳入监测")
              && monitoredAfter(lead.subject(), lead.period());
      List<Long> counts =
          expected.computeIfAbsent(
              key(lead.period().atDay(1), lead.county()),
              k -> new ArrayList<>(List.of(0L, 0L, 0L, 0L)));
      counts.set(0, counts.get(0) + 1);
      counts.set(1, counts.get(1) + (visit != null ? 1 : 0));
      counts.set(2, counts.get(2) + (onTime ? 1 : 0));
      counts.set(3, counts.get(3) + (confirmed ? 1 : 0));
    }
    return expected;
  }

  /** Whether a snapshot after the period shows the subject's household monitored. */
  private boolean monitoredAfter(String subject, YearMonth period) {
    for (YearMonth later : months) {
      if (later.isAfter(period)) {
        Map<String, Map<String, String>> households = householdsAsOf(later);
        String householdId =
            households.containsKey(subject) ? subject : membersAsOf(later, households).get(subject);
        Map<String, String> household = householdId == null ? null : households.get(householdId);
        if (household != null && !household.getOrDefault("monitoring_type", "").isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }

  /** The leads of every period, after the 排除 rule, each with its first_flagged_period. */
  List<Lead> leads() {
    List<Visit> excluded = visits().stream().filter(v -> v.conclusion().equals("排除")).toList();
    List<Lead> raw = rawLeads();
    List<Lead> kept = new ArrayList<>();
    Map<Lead, YearMonth> after = new HashMap<>();
    for (Lead lead : raw) {
      YearMonth excludedAfter = null;
      BigDecimal baseline = null;
      for (Visit visit : excluded) {
        YearMonth month = YearMonth.from(visit.visitedOn());
        if (!visit.subject().equals(lead.subject())
            || month.getYear() != lead.period().getYear()
            || !month.isBefore(lead.period())) {
          continue;
        }
        Lead before =
            raw.stream()
                .filter(b -> b.ofSubject().equals(lead.ofSubject()))
                .filter(b -> b.period().getYear() == lead.period().getYear())
                .filter(b -> !b.period().isAfter(month))
                .max(Comparator.comparing(Lead::period))
                .orElse(null);
        if (before != null && (excludedAfter == null || month.isAfter(excludedAfter))) {
          excludedAfter = month;
          baseline = before.amount();
        }
      }
      boolean doubled =
          lead.amount() != null
              && baseline != null
              && lead.amount().compareTo(baseline.multiply(BigDecimal.valueOf(2))) >= 0;
      if (excludedAfter == null || doubled) {
        kept.add(lead);
        after.put(lead, excludedAfter);
      }
    }
    List<Lead> leads = new ArrayList<>();
    for (Lead lead : kept) {
      YearMonth first =
          kept.stream()
              .filter(k -> k.ofSubject().equals(lead.ofSubject()))
              .filter(k -> k.period().getYear() == lead.period().getYear())
              .filter(k -> Objects.equals(after.get(k), after.get(lead)))
              .map(Lead::period)
              .min(Comparator.naturalOrder())
              .orElseThrow();
      leads.add(
          new Lead(
              lead.period(),
              lead.county(),
              lead.subject(),
              lead.registered(),
              lead.department(),
              lead.category(),
              lead.amount(),
              first));
    }
    return leads;
  }

  /** The raw leads of each period (before the 排除 rule), one per subject, department, category. */
  private List<Lead> rawLeads() {
    List<Lead> leads = new ArrayList<>();
    for (YearMonth period : months) {
      Map<String, Map<String, String>> households = householdsAsOf(period);
      Map<String, String> householdOf = membersAsOf(period, households);
      Map<String, List<Signal>> byPerson = new TreeMap<>();
      signalsOfYearTo(period)
          .forEach(
              s ->
                  byPerson
                      .computeIfAbsent(
                          key(s.idNumber(), s.department(), s.category()), k -> new ArrayList<>())
                      .add(s));
      Map<String, Lead> bySubject = new TreeMap<>();
      for (List<Signal> signals : byPerson.values()) {
        Signal latest =
            signals.stream()
                .max(
                    Comparator.comparing(Signal::figuresAsOf)
                        .thenComparing(Signal::month)
                        .thenComparing(s -> s.amount() == null ? BigDecimal.ZERO : s.amount()))
                .orElseThrow();
        Threshold t = SCREENING_THRESHOLDS.get(key(latest.department(), latest.category()));
        String householdId = householdOf.get(latest.idNumber());
        Map<String, String> household = householdId == null ? null : households.get(householdId);
        if (household != null && atRisk(household)) {
          continue;
        }
        BigDecimal threshold = t == null ? null : household != null ? t.registered() : t.other();
        BigDecimal figure =
            t == null || t.yearToDate()
                ? latest.amount()
                : signals.stream().map(Signal::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (threshold == null || figure.compareTo(threshold) >= 0) {
          String county =
              (household != null ? household.get("village_code") : latest.villageCode())
                  .substring(0, 6);
          String subject = household != null ? householdId : latest.idNumber();
          Lead lead =
              new Lead(
                  period,
                  county,
                  subject,
                  household != null,
                  latest.department(),
                  latest.category(),
                  figure,
                  null);
          bySubject.merge(
              lead.ofSubject(),
              lead,
              (a, b) ->
                  a.amount() == null || (b.amount() != null && b.amount().compareTo(a.amount()) > 0)
                      ? b
                      : a);
        }
      }
      leads.addAll(bySubject.values());
    }
    return leads;
  }

  /**
   * The verification files' visits: an identity number is a household's when the person is a member
   * (not 注销) of it in a snapshot of a month before the visit's (the latest), else the person's.
   */
  List<Visit> visits() {
    List<Visit> visits = new ArrayList<>();
    for (YearMonth month : months) {
      for (Path file : validFiles("verifications", month.toString())) {
        for (Map<String, String> row : RawLandingFile.rows(file)) {
          String id = row.get("id_number").toUpperCase();
          LocalDate visited = RawLandingFile.date(row.get("visited_on"));
          String subject = id;
          for (YearMonth before : months) {
            if (before.isBefore(YearMonth.from(visited))) {
              String householdId = membersAsOf(before, householdsAsOf(before)).get(id);
              if (householdId != null) {
                subject = householdId;
              }
            }
          }
          visits.add(new Visit(subject, visited, row.get("conclusion")));
        }
      }
    }
    return visits;
  }

  private Map<String, Map<String, String>> householdsAsOf(YearMonth period) {
    Map<String, Map<String, String>> households = new HashMap<>();
    snapshotAsOf(period)
        .values()
        .forEach(list -> list.forEach(h -> households.put(h.get("household_id"), h)));
    return households;
  }

  private static boolean atRisk(Map<String, String> household) {
    return !household.getOrDefault("monitoring_type", "").isEmpty()
        && !List.of("是", "Y").contains(household.getOrDefault("risk_eliminated", ""));
  }

  /** id_number to household_id: the members of the period's snapshot, in households not 注销. */
  private Map<String, String> membersAsOf(
      YearMonth period, Map<String, Map<String, String>> households) {
    Map<String, String> householdOf = new HashMap<>();
    for (YearMonth month : months) {
      if (month.isAfter(period)) {
        break;
      }
      for (Path file : validFiles("registry", month.toString())) {
        if (!RawLandingFile.hasColumn(file, "member_count")) {
          for (Map<String, String> m : RawLandingFile.rows(file)) {
            Map<String, String> household = households.get(m.get("household_id"));
            if (household != null && !household.get("status").equals("注销")) {
              householdOf.put(m.get("id_number").toUpperCase(), m.get("household_id"));
            }
          }
        }
      }
    }
    return householdOf;
  }

  /** The signals landed in the months of the period's year up to it, the same signal once. */
  private List<Signal> signalsOfYearTo(YearMonth period) {
    Set<Signal> signals = new LinkedHashSet<>();
    for (YearMonth month : months) {
      if (month.getYear() == period.getYear() && !month.isAfter(period)) {
        for (Path file : validFiles("screening", month.toString())) {
          for (Map<String, String> row : RawLandingFile.rows(file)) {
            String amount = row.get("amount_yuan");
            signals.add(
                new Signal(
                    month,
                    row.get("id_number").toUpperCase(),
                    row.get("department"),
                    row.get("category"),
                    row.get("village_code"),
                    RawLandingFile.date(row.get("occurred_on")),
                    amount.isEmpty() ? null : RawLandingFile.amount(amount),
                    RawLandingFile.date(row.get("figures_as_of"))));
          }
        }
      }
    }
    return List.copyOf(signals);
  }

  private Map<String, Long> population(int year) {
    Map<String, Long> figures = new HashMap<>();
    for (Path file : validFiles("population", String.valueOf(year))) {
      for (Map<String, String> row : RawLandingFile.rows(file)) {
        figures.put(row.get("region_code"), Long.parseLong(row.get("rural_population")));
      }
    }
    return figures;
  }

  // ---- v_progress and v_progress_league ---------------------------------------------------

  record Figure(BigDecimal target, BigDecimal completed, long versions, LocalDate reportedAt) {
    Double completionRate() {
      return target.signum() == 0 ? null : 100.0 * completed.doubleValue() / target.doubleValue();
    }
  }

  record Progress(Figure figure, BigDecimal monthCompleted) {}

  /** Keyed by period|region_code|indicator_code, for reporting units and cities. */
  Map<String, Progress> progress() {
    Map<String, Progress> expected = new TreeMap<>();
    Map<String, Figure> previous = Map.of();
    for (YearMonth period : months) {
      Map<String, Figure> figures = withCities(unitFigures(period));
      for (Map.Entry<String, Figure> e : figures.entrySet()) {
        Figure before = previous.get(e.getKey());
        BigDecimal monthCompleted =
            period.getMonthValue() == 1
                ? e.getValue().completed()
                : before == null ? null : e.getValue().completed().subtract(before.completed());
        expected.put(key(period.atDay(1), e.getKey()), new Progress(e.getValue(), monthCompleted));
      }
      previous = figures;
    }
    return expected;
  }

  /** The latest version of each unit's figures in the period: region|indicator. */
  Map<String, Figure> unitFigures(YearMonth period) {
    Map<String, List<Map<String, String>>> sends = new TreeMap<>();
    for (Path file : validFiles("submissions", period.toString())) {
      for (Map<String, String> row : RawLandingFile.rows(file)) {
        sends
            .computeIfAbsent(
                key(row.get("region_code"), RawLandingFile.code(row.get("indicator_code"))),
                k -> new ArrayList<>())
            .add(row);
      }
    }
    Map<String, Figure> figures = new TreeMap<>();
    sends.forEach(
        (k, rows) -> {
          Set<String> values = new HashSet<>();
          rows.forEach(
              r ->
                  values.add(
                      RawLandingFile.amount(r.get("annual_target")).stripTrailingZeros()
                          + "/"
                          + RawLandingFile.amount(r.get("cumulative_completed"))
                              .stripTrailingZeros()));
          Map<String, String> latest =
              rows.stream()
                  .max(Comparator.comparing(r -> RawLandingFile.date(r.get("reported_at"))))
                  .orElseThrow();
          figures.put(
              k,
              new Figure(
                  RawLandingFile.amount(latest.get("annual_target")),
                  RawLandingFile.amount(latest.get("cumulative_completed")),
                  values.size(),
                  RawLandingFile.date(latest.get("reported_at"))));
        });
    return figures;
  }

  private static Map<String, Figure> withCities(Map<String, Figure> units) {
    Map<String, Figure> all = new TreeMap<>(units);
    units.forEach(
        (k, f) -> {
          String[] parts = k.split("\\|");
          all.merge(
              key(cityOf(parts[0]), parts[1]),
              f,
              (a, b) ->
                  new Figure(
                      a.target().add(b.target()),
                      a.completed().add(b.completed()),
                      a.versions() + b.versions(),
                      a.reportedAt().isAfter(b.reportedAt()) ? a.reportedAt() : b.reportedAt()));
        });
    return all;
  }

  record LeagueEntry(String city, long indicatorsScored, double score, long rank) {}

  /** Keyed by period|region_code of each reporting unit. */
  Map<String, LeagueEntry> league() {
    Map<String, LeagueEntry> expected = new TreeMap<>();
    for (YearMonth period : months) {
      Map<String, List<Double>> capped = new TreeMap<>();
      unitFigures(period)
          .forEach(
              (k, f) -> {
                if (f.target().signum() > 0) {
                  capped
                      .computeIfAbsent(k.split("\\|")[0], u -> new ArrayList<>())
                      .add(Math.min(f.completionRate(), 100.0));
                }
              });
      Map<String, Double> scores = new TreeMap<>();
      capped.forEach(
          (unit, rates) ->
              scores.put(
                  unit, rates.stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
      scores.forEach(
          (unit, score) -> {
            long better =
                scores.entrySet().stream()
                    .filter(o -> cityOf(o.getKey()).equals(cityOf(unit)) && o.getValue() > score)
                    .count();
            expected.put(
                key(period.atDay(1), unit),
                new LeagueEntry(cityOf(unit), capped.get(unit).size(), score, better + 1));
          });
    }
    return expected;
  }

  // ---- v_fund_flow --------------------------------------------------------------------------

  record Flow(BigDecimal allocated, BigDecimal disbursed) {}

  /** Keyed by year|region_code|fund_source|indicator_code, for county-level units and cities. */
  Map<String, Flow> fundFlow() {
    Map<String, BigDecimal[]> sums = new TreeMap<>();
    Map<String, Map<String, String>> payments = new TreeMap<>();
    for (YearMonth month : months) {
      for (Path file : validFiles("allocations", month.toString())) {
        for (Map<String, String> a : RawLandingFile.rows(file)) {
          add(
              sums,
              0,
              a.get("year"),
              a.get("region_code"),
              a.get("fund_source"),
              a.get("indicator_code"),
              a.get("amount_yuan"));
        }
      }
      for (Path file : validFiles("disbursements", month.toString())) {
        RawLandingFile.rows(file).forEach(p -> payments.put(p.get("txn_id"), p));
      }
    }
    for (Map<String, String> p : payments.values()) {
      String year = String.valueOf(RawLandingFile.date(p.get("paid_on")).getYear());
      add(
          sums,
          1,
          year,
          p.get("region_code").substring(0, 6),
          p.get("fund_source"),
          p.get("indicator_code"),
          p.get("amount_yuan"));
    }
    Map<String, Flow> expected = new TreeMap<>();
    sums.forEach((k, v) -> expected.put(k, new Flow(v[0], v[1])));
    return expected;
  }

  private static void add(
      Map<String, BigDecimal[]> sums,
      int which,
      String year,
      String county,
      String fundSource,
      String indicator,
      String amount) {
    BigDecimal value = RawLandingFile.amount(amount);
    for (String region : List.of(county, cityOf(county))) {
      BigDecimal[] s =
          sums.computeIfAbsent(
              key(year, region, RawLandingFile.code(fundSource), RawLandingFile.code(indicator)),
              k -> new BigDecimal[] {null, null});
      s[which] = s[which] == null ? value : s[which].add(value);
    }
  }

  // ---- v_runs -------------------------------------------------------------------------------

  /** Data rows read by the refresh of a period, per source (population: the period's year). */
  Map<String, Long> rowsRead(YearMonth period) {
    Map<String, Long> read = new TreeMap<>();
    for (String source :
        List.of(
            "submissions",
            "registry",
            "allocations",
            "disbursements",
            "villages",
            "screening",
            "verifications")) {
      read.put(
          source,
          files(source, period.toString()).stream()
              .mapToLong(f -> RawLandingFile.rows(f).size())
              .sum());
    }
    read.put(
        "population",
        files("population", String.valueOf(period.getYear())).stream()
            .mapToLong(f -> RawLandingFile.rows(f).size())
            .sum());
    return read;
  }

  /** Every value of the personal-data columns in the landing files. */
  Set<String> personalData() {
    Set<String> values = new HashSet<>();
    for (YearMonth month : months) {
      for (String source : List.of("registry", "disbursements", "screening", "verifications")) {
        for (Path file : files(source, month.toString())) {
          for (Map<String, String> row : RawLandingFile.rows(file)) {
            for (String column :
                List.of(
                    "head_id_number",
                    "head_name",
                    "phone",
                    "id_number",
                    "name",
                    "beneficiary_id_number")) {
              String value = row.get(column);
              if (value != null && !value.isEmpty()) {
                values.add(value);
              }
            }
          }
        }
      }
    }
    return values;
  }

  private List<Path> validFiles(String source, String folder) {
    return files(source, folder).stream().filter(f -> !brokenFiles.contains(f)).toList();
  }

  List<Path> files(String source, String folder) {
    Path dir = landing.resolve(source).resolve(folder);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.toString().matches(".*\\.(csv|jsonl|xlsx)$")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
