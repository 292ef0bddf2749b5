package org.tuopin.bulletin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.tuopin.bulletin.BulletinContent.Completeness;
import org.tuopin.bulletin.BulletinContent.FundFlow;
import org.tuopin.bulletin.BulletinContent.IndicatorProgress;
import org.tuopin.bulletin.BulletinContent.LeagueEntry;
import org.tuopin.bulletin.BulletinContent.MonitoringCounts;
import org.tuopin.bulletin.BulletinContent.Screening;
import org.tuopin.bulletin.BulletinContent.ScreeningCounts;

/**
 * 总体情况: the bulletin's opening paragraph, in the register of an office's bulletin, each sentence
 * made from figures the same bulletin shows (nothing else is said): the categories ahead of and
 * behind 序时进度, the units likewise, the league's leader and largest fall, late and missing reports,
 * money paid against allocated, and after 2020 the monitoring of return to poverty.
 */
final class BulletinSummary {
  private final BulletinContent content;
  private final Schedule schedule;

  private BulletinSummary(BulletinContent content) {
    this.content = content;
    this.schedule = content.schedule();
  }

  /** The paragraph's sentences, in order. */
  static List<String> sentences(BulletinContent content) {
    BulletinSummary summary = new BulletinSummary(content);
    List<String> sentences = new ArrayList<>();
    sentences.add(summary.categories());
    summary.units().ifPresent(sentences::add);
    summary.league().ifPresent(sentences::add);
    sentences.add(summary.reports());
    sentences.add(summary.funds());
    if (content.monitoring() != null) {
      sentences.add(summary.monitoring());
      sentences.add(summary.alerts());
      sentences.add(summary.screening());
    }
    return sentences;
  }

  /** The city's categories against 序时进度. */
  private String categories() {
    List<IndicatorProgress> rated =
        content.progress().stream()
            .filter(i -> i.cityTotal() != null && i.cityTotal().rate() != null)
            .toList();
    StringBuilder s =
        new StringBuilder()
            .append(content.asOfText())
            .append("，全市")
            .append(content.units().size())
            .append("个单位报送")
            .append(content.progress().size())
            .append("类重点项目进度，序时进度为")
            .append(Numbers.oneDecimal(schedule.percent()))
            .append("%。");
    s.append(count(rated, Schedule.Status.AHEAD))
        .append("类项目全市完成率达到或超过序时进度，")
        .append(count(rated, Schedule.Status.WITHIN))
        .append("类略低于序时进度（")
        .append(Numbers.oneDecimal(schedule.tolerancePoints()))
        .append("个百分点以内），")
        .append(count(rated, Schedule.Status.BEHIND))
        .append("类落后于序时进度");
    rated.stream()
        .filter(i -> schedule.statusOf(i.cityTotal().rate()) == Schedule.Status.BEHIND)
        .min(Comparator.comparingDouble(i -> i.cityTotal().rate()))
        .ifPresent(
            i ->
                s.append("，落后最多的是")
                    .append(i.name())
                    .append("（完成率")
                    .append(Numbers.oneDecimal(i.cityTotal().rate()))
                    .append("%，低于序时进度")
                    .append(Numbers.oneDecimal(schedule.percent() - i.cityTotal().rate()))
                    .append("个百分点）"));
    return s.append("。").toString();
  }

  private long count(List<IndicatorProgress> rated, Schedule.Status status) {
    return rated.stream().filter(i -> schedule.statusOf(i.cityTotal().rate()) == status).count();
  }

  /** The units' scores against 序时进度, naming those behind. */
  private Optional<String> units() {
    List<LeagueEntry> scored = content.league().stream().filter(e -> e.score() != null).toList();
    if (scored.isEmpty()) {
      return Optional.empty();
    }
    List<String> behind =
        scored.stream()
            .filter(e -> schedule.statusOf(e.score()) == Schedule.Status.BEHIND)
            .map(e -> e.unit().name())
            .toList();
    String sentence =
        "从各单位综合得分看，"
            + scored.stream().filter(status(Schedule.Status.AHEAD)).count()
            + "个单位达到或超过序时进度，"
            + scored.stream().filter(status(Schedule.Status.WITHIN)).count()
            + "个单位略低于序时进度，"
            + behind.size()
            + "个单位落后于序时进度"
            + (behind.isEmpty() ? "" : "（" + String.join("、", behind) + "）")
            + "。";
    return Optional.of(sentence);
  }

  private Predicate<LeagueEntry> status(Schedule.Status status) {
    return e -> schedule.statusOf(e.score()) == status;
  }

  /** The league's leader, and the largest fall since last month. */
  private Optional<String> league() {
    List<LeagueEntry> ranked = content.league().stream().filter(LeagueEntry::ranked).toList();
    if (ranked.isEmpty()) {
      return Optional.empty();
    }
    List<String> leaders =
        ranked.stream().filter(e -> e.rank() == 1).map(e -> e.unit().name()).toList();
    StringBuilder s =
        new StringBuilder("大比武中，")
            .append(String.join("、", leaders))
            .append("以")
            .append(Numbers.oneDecimal(ranked.get(0).score()))
            .append("分位列第一");
    if (ranked.stream().allMatch(e -> e.rankChange() == null)) {
      s.append("（上月无可比排名）");
    } else {
      ranked.stream()
          .filter(e -> e.rankChange() != null && e.rankChange() < 0)
          .min(Comparator.comparingInt(LeagueEntry::rankChange))
          .ifPresentOrElse(
              e ->
                  s.append("；较上月名次下降最多的是")
                      .append(e.unit().name())
                      .append("（下降")
                      .append(-e.rankChange())
                      .append("位，现列第")
                      .append(e.rank())
                      .append("）"),
              () -> s.append("；与上月相比，没有单位名次下降"));
    }
    return Optional.of(s.append("。").toString());
  }

  /** Who reported on time, late, or not at all. */
  private String reports() {
    List<Completeness> units = content.completeness();
    List<String> late =
        units.stream().filter(u -> u.received() && !u.onTime()).map(u -> u.unit().name()).toList();
    List<String> missing =
        units.stream().filter(u -> !u.received()).map(u -> u.unit().name()).toList();
    StringBuilder s =
        new StringBuilder("本月应报送")
            .append(units.size())
            .append("个单位，按时报送")
            .append(units.stream().filter(Completeness::onTime).count())
            .append("个");
    if (!late.isEmpty()) {
      s.append("，逾期报送").append(late.size()).append("个（").append(String.join("、", late)).append("）");
    }
    if (!missing.isEmpty()) {
      s.append("，未报送")
          .append(missing.size())
          .append("个（")
          .append(String.join("、", missing))
          .append("）");
    }
    if (late.isEmpty() && missing.isEmpty()) {
      s.append("，全部按时报送");
    }
    return s.append("。").toString();
  }

  /** Money allocated and paid this year, and the fund source paid least. */
  private String funds() {
    List<FundFlow> funds = content.funds();
    if (funds.isEmpty()) {
      return content.period().getYear() + "年以来，全市尚无资金下达和支付记录。";
    }
    BigDecimal allocated =
        funds.stream().map(FundFlow::allocatedYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal paid =
        funds.stream().map(FundFlow::paidYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
    StringBuilder s =
        new StringBuilder(content.period().getYear() + "年1至")
            .append(content.period().getMonthValue())
            .append("月，全市下达各类扶贫资金")
            .append(Numbers.tenThousandYuan(allocated))
            .append("万元，已支付")
            .append(Numbers.tenThousandYuan(paid))
            .append("万元");
    if (allocated.signum() > 0) {
      s.append("，支付率")
          .append(Numbers.oneDecimal(100.0 * paid.doubleValue() / allocated.doubleValue()))
          .append("%");
    }
    funds.stream()
        .filter(f -> f.rate() != null)
        .min(Comparator.comparingDouble(FundFlow::rate))
        .filter(f -> funds.size() > 1)
        .ifPresent(
            f ->
                s.append("，其中")
                    .append(f.fundSourceName())
                    .append("支付率最低（")
                    .append(Numbers.oneDecimal(f.rate()))
                    .append("%）"));
    return s.append("。").toString();
  }

  /** The city's monitored households, by type, and this month's changes. */
  private String monitoring() {
    MonitoringCounts city = content.monitoring().city();
    return "全市纳入防止返贫动态监测"
        + city.monitoredHouseholds()
        + "户"
        + city.monitoredPersons()
        + "人，其中脱贫不稳定户"
        + city.unstableHouseholds()
        + "户、边缘易致贫户"
        + city.edgeHouseholds()
        + "户、突发严重困难户"
        + city.hardshipHouseholds()
        + "户；本月新纳入监测"
        + city.newlyMonitored()
        + "户，风险消除"
        + city.eliminated()
        + "户，仍有返贫致贫风险"
        + city.atRisk()
        + "户。";
  }

  /** The month's screening alerts, by reason. */
  private String alerts() {
    MonitoringCounts city = content.monitoring().city();
    if (city.alertedHouseholds() == 0) {
      return "本月筛查预警未发现新的风险户。";
    }
    return "本月筛查预警"
        + city.alertedHouseholds()
        + "户次（人均纯收入低于监测线"
        + city.alertsIncomeBelowLine()
        + "户、收入较上年同期大幅下降"
        + city.alertsIncomeFell()
        + "户、“两不愁三保障”出现问题"
        + city.alertsGuaranteeLost()
        + "户），请各县（区）组织入户核实。";
  }

  /** The departments' leads of the month and the year's visits. */
  private String screening() {
    Screening screening = content.monitoring().screening();
    ScreeningCounts city = screening.city();
    StringBuilder s = new StringBuilder("本月部门筛查预警线索").append(city.leads()).append("条");
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < screening.departments().size(); i++) {
      if (city.leadsByDepartment().get(i) > 0) {
        parts.add(screening.departments().get(i) + city.leadsByDepartment().get(i) + "条");
      }
    }
    if (!parts.isEmpty()) {
      s.append("（").append(String.join("、", parts)).append("）");
    }
    return s.append("，其中本月新增")
        .append(city.newLeads())
        .append("条；今年以来预警")
        .append(city.raisedThisYear())
        .append("条，已入户核实")
        .append(city.visited())
        .append("条（按时")
        .append(city.onTime())
        .append("条），逾期")
        .append(city.overdue())
        .append("条。")
        .toString();
  }
}
