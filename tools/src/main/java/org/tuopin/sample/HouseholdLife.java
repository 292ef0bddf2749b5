package org.tuopin.sample;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One registry household's whole history, drawn once from its own random stream: when it was
 * identified, when it exited, whether it fell back and exited again, whether it was removed. {@link
 * #statusAt} answers for any month, so every window of months gives the same data.
 */
final class HouseholdLife {
  static final String POOR = "未脱贫";
  static final String EXITED = "已脱贫";
  static final String RETURNED = "返贫";
  static final String REMOVED = "注销";
  static final String MONITORED = "监测户";
  private static final String[] CAUSES = {
    "因病", "缺技术", "缺资金", "缺劳力", "因残", "因学", "缺土地", "交通条件落后", "自身发展动力不足", "因灾", "缺水"
  };
  private static final double[] CAUSE_WEIGHTS = {35, 15, 12, 10, 8, 6, 4, 4, 3, 2, 1};

  /** The month by which every registered household had exited. */
  static final YearMonth LAST_EXIT = YearMonth.of(2020, 12);

  final String householdId;
  final String villageCode;
  final String cause;
  final YearMonth identified;
  final YearMonth exited;
  final YearMonth returned;
  final YearMonth exitedAgain;
  final YearMonth removed;
  final boolean relocated;
  final boolean dibao;
  final String phone;
  final List<Person> members;

  /** Its monitoring after 2020, or null: drawn from a stream of its own. */
  final MonitoringEpisode monitoring;

  /** Never registered poor: in the registry only from its monitoring (status 监测户). */
  final boolean edge;

  private final long seed;

  /** A household registered poor (建档立卡户). */
  HouseholdLife(long seed, String countyCode, String villageCode, int index) {
    this(seed, countyCode, villageCode, index, false);
  }

  /**
   * @param edge a household never registered poor, taken into monitoring as 边缘易致贫户; its index
   *     follows the county's registered ones
   */
  HouseholdLife(long seed, String countyCode, String villageCode, int index, boolean edge) {
    Random r = Seeds.random(seed, "household", countyCode, index);
    this.seed = seed;
    this.householdId = villageCode + String.format("%05d", index);
    this.villageCode = villageCode;
    this.cause = CAUSES[Seeds.weighted(r, CAUSE_WEIGHTS)];
    int identifiedYear = 2014 + Seeds.weighted(r, 80, 10, 6, 2, 1, 1);
    YearMonth registered =
        identifiedYear == 2014
            ? YearMonth.of(2014, 1)
            : YearMonth.of(identifiedYear, Seeds.between(r, 1, 12));
    // every registered household had exited by the end of 2020 (脱贫攻坚's deadline), as in every
    // county; the last draw's share (1%) exits in 2020 too
    int exitYear =
        Math.min(
            LAST_EXIT.getYear(),
            Math.max(identifiedYear, 2014 + Seeds.weighted(r, 6, 12, 18, 20, 22, 15, 6, 1)));
    YearMonth exit =
        edge
            ? null
            : later(
                YearMonth.of(exitYear, 12 - (int) (Math.pow(r.nextDouble(), 2) * 7)),
                registered.plusMonths(3));
    YearMonth back =
        exit != null && r.nextInt(100) < 4 ? exit.plusMonths(Seeds.between(r, 6, 18)) : null;
    YearMonth again = back == null ? null : back.plusMonths(Seeds.between(r, 6, 15));
    // a household fell back (返贫) before the deadline only, and had exited again by it
    boolean fellBack = back != null && back.isBefore(LAST_EXIT);
    this.exitedAgain = fellBack ? earlier(again, LAST_EXIT) : null;
    YearMonth removal = r.nextInt(100) < 2 ? registered.plusMonths(Seeds.between(r, 3, 72)) : null;
    this.edge = edge;
    this.exited = exit;
    this.returned = fellBack ? back : null;
    this.monitoring = monitoring(seed, countyCode, exit, removal);
    this.identified = edge ? YearMonth.from(monitoring.monitoredOn()) : registered;
    this.removed = edge ? null : removal;
    this.relocated = r.nextInt(100) < (cause.equals("缺土地") || cause.equals("交通条件落后") ? 45 : 9);
    this.dibao = r.nextInt(100) < 15;
    this.phone =
        r.nextInt(10) < 8
            ? "1" + "358".charAt(r.nextInt(3)) + String.format("%09d", r.nextInt(1_000_000_000))
            : null;
    this.members = drawMembers(r, countyCode);
  }

  private MonitoringEpisode monitoring(
      long seed, String countyCode, YearMonth exit, YearMonth removal) {
    Random r = Seeds.random(seed, "monitoring", householdId);
    if (edge) {
      return MonitoringEpisode.ofEdge(r);
    }
    MonitoringEpisode drawn = exit == null ? null : MonitoringEpisode.ofExited(r);
    if (drawn == null && countyCode.equals(MonitoringEpisode.FLOOD_COUNTY)) {
      drawn = MonitoringEpisode.ofFlood(r);
    }
    boolean removedBefore =
        drawn != null && removal != null && !removal.isAfter(YearMonth.from(drawn.monitoredOn()));
    return removedBefore ? null : drawn;
  }

  private static YearMonth later(YearMonth a, YearMonth b) {
    return a.isAfter(b) ? a : b;
  }

  private static YearMonth earlier(YearMonth a, YearMonth b) {
    return a.isBefore(b) ? a : b;
  }

  private static List<Person> drawMembers(Random r, String countyCode) {
    int size = 1 + Seeds.weighted(r, 10, 18, 24, 24, 14, 7, 3);
    String surname = Person.surname(r);
    List<Person> people = new ArrayList<>();
    LocalDate headBirth =
        LocalDate.of(
            Seeds.between(r, 1945, 1985), Seeds.between(r, 1, 12), Seeds.between(r, 1, 28));
    String headSex = r.nextInt(10) < 8 ? "男" : "女";
    people.add(Person.of(r, countyCode, surname, "户主", headSex, headBirth));
    for (int i = 1; i < size; i++) {
      if (i == 1 && size > 1) {
        String sex = headSex.equals("男") ? "女" : "男";
        people.add(
            Person.of(
                r,
                countyCode,
                Person.surname(r),
                "配偶",
                sex,
                headBirth.plusYears(Seeds.between(r, -3, 3)).plusDays(r.nextInt(300))));
      } else if (i == 5) {
        people.add(
            Person.of(
                r,
                countyCode,
                surname,
                "父母",
                r.nextBoolean() ? "男" : "女",
                headBirth.minusYears(Seeds.between(r, 22, 30))));
      } else {
        LocalDate birth = headBirth.plusYears(Seeds.between(r, 20, 34)).plusDays(r.nextInt(360));
        if (birth.isAfter(LocalDate.of(2013, 6, 30))) {
          birth = LocalDate.of(2013, 6, 30).minusDays(r.nextInt(2000));
        }
        people.add(Person.of(r, countyCode, surname, "子女", r.nextBoolean() ? "男" : "女", birth));
      }
    }
    return people;
  }

  boolean presentAt(YearMonth period) {
    return !period.isBefore(identified);
  }

  String statusAt(YearMonth period) {
    if (edge) {
      return MONITORED;
    }
    if (removed != null && !period.isBefore(removed)) {
      return REMOVED;
    }
    if (exitedAgain != null && !period.isBefore(exitedAgain)) {
      return EXITED;
    }
    if (returned != null && !period.isBefore(returned)) {
      return RETURNED;
    }
    return exited != null && !period.isBefore(exited) ? EXITED : POOR;
  }

  Integer exitYearAt(YearMonth period) {
    if (!statusAt(period).equals(EXITED)) {
      return null;
    }
    return (exitedAgain != null && !period.isBefore(exitedAgain) ? exitedAgain : exited).getYear();
  }

  /**
   * Income per person in a year: below the line while poor, above it after exit; while at risk of
   * returning to poverty (and, for an exited household, in the months before it is taken in),
   * around the monitoring line (national guidance: 6,000 yuan in 2021).
   */
  String incomeAt(YearMonth period) {
    Random r = Seeds.random(seed, "income", householdId, period.getYear());
    String status = statusAt(period);
    double income;
    if (monitoring != null
        && (monitoring.atRiskIn(period) || monitoring.fellBeforeMonitoring(period))) {
      income = 6000 * Seeds.between(r, 0.75, 1.05) * Math.pow(1.05, period.getYear() - 2021);
    } else if (edge) {
      income = 6000 * Seeds.between(r, 1.1, 1.4) * Math.pow(1.05, period.getYear() - 2021);
    } else if (status.equals(EXITED) || status.equals(REMOVED)) {
      int exitYear = exitYearAt(period) == null ? period.getYear() : exitYearAt(period);
      income =
          PovertyLine.of(exitYear)
              * Seeds.between(r, 1.15, 1.6)
              * Math.pow(1.08, period.getYear() - exitYear);
      if (period.getYear() > 2020) {
        income = Math.max(income, incomeAfter2020(period.getYear()));
      }
    } else {
      income = PovertyLine.of(period.getYear()) * Seeds.between(r, 0.55, 0.95);
    }
    return String.format("%.2f", income);
  }

  /**
   * After 2020 an exited household earns well above the monitoring line, but for the few in an
   * alert's reach: a level of its own (drawn once, from a stream that leaves earlier years as they
   * were), growing 6% a year, within 5% of it from one year to the next. A level drawn afresh each
   * year made one exited household in six look as if its income had fallen by a third.
   */
  private double incomeAfter2020(int year) {
    double level = Seeds.between(Seeds.random(seed, "income-level", householdId), 1.05, 2.4);
    double jitter =
        Seeds.between(Seeds.random(seed, "income-jitter", householdId, year), 0.95, 1.05);
    return 6000 * level * jitter * Math.pow(1.06, year - 2021);
  }

  /** The five guarantees (food and clothing, education, medical, housing, water) in a year. */
  boolean[] guaranteesAt(YearMonth period) {
    boolean secure = !statusAt(period).equals(POOR) && !statusAt(period).equals(RETURNED);
    Random r = Seeds.random(seed, "guarantees", householdId, period.getYear());
    boolean[] guarantees = new boolean[5];
    for (int i = 0; i < 5; i++) {
      guarantees[i] = secure || r.nextInt(100) < (i == 0 ? 85 : 60);
    }
    return guarantees;
  }

  int memberCount() {
    return members.size();
  }

  Person head() {
    return members.get(0);
  }
}
