package org.tuopin.bulletin;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.tuopin.bulletin.BulletinContent.Completeness;
import org.tuopin.bulletin.BulletinContent.Figure;
import org.tuopin.bulletin.BulletinContent.FundFlow;
import org.tuopin.bulletin.BulletinContent.IdleFunds;
import org.tuopin.bulletin.BulletinContent.Incidence;
import org.tuopin.bulletin.BulletinContent.IndicatorProgress;
import org.tuopin.bulletin.BulletinContent.LeagueEntry;
import org.tuopin.bulletin.BulletinContent.MonitoringCounts;
import org.tuopin.bulletin.BulletinContent.Region;
import org.tuopin.bulletin.BulletinContent.Screening;
import org.tuopin.bulletin.BulletinContent.ScreeningCounts;

/**
 * The bulletin as one self-contained HTML page: 总体情况, the workbook's tables with every completion
 * rate coloured against 序时进度, and charts (inline SVG, text as text). It carries its font ({@link
 * EmbeddedFont}) and its style, has no script and fetches nothing. On a phone the tables scroll
 * sideways with their first column kept in view, and the charts stack.
 */
final class BulletinPage {
  private static final String STYLE =
      """
      body{font-family:'%s',sans-serif;margin:0 auto;max-width:1000px;padding:12px;color:#222;line-height:1.6}
      h1{font-size:1.45em;margin:.2em 0 .1em;color:#8e1b1b;text-align:center}
      .issue{text-align:center;color:#444;margin:0}.meta{color:#666;font-size:.85em;text-align:center;margin:.2em 0 1em}
      h2{font-size:1.15em;border-left:5px solid #8e1b1b;padding-left:8px;margin-top:1.6em}
      .summary{background:#faf7f2;border:1px solid #e5dccb;padding:.6em 1em;text-indent:2em}
      .legend span{display:inline-block;padding:0 .5em;margin-right:.6em;border-radius:3px;font-size:.85em}
      .scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%%}
      table{border-collapse:separate;border-spacing:0;font-size:.85em;white-space:nowrap;margin:.5em 0}
      th,td{border-right:1px solid #ccc;border-bottom:1px solid #ccc;padding:3px 7px;background:#fff}
      tr>:first-child{border-left:1px solid #ccc}tr:first-child>*{border-top:1px solid #ccc}
      th{background:#f1ece4}td.n{text-align:right;font-variant-numeric:tabular-nums}
      .sticky{position:sticky;left:0;z-index:1}th.sticky{z-index:2}
      tr.total td{font-weight:bold}.late{color:#D55E00;font-weight:bold}
      .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:8px 16px}
      .wide{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:8px 16px}
      svg{width:100%%;height:auto;display:block;margin:0 auto}figure{margin:.6em 0}
      figcaption{font-size:.9em;color:#444;text-align:center}
      .note{color:#666;font-size:.85em}
      """;

  private final BulletinContent content;
  private final Schedule schedule;
  private final LocalDate issuedOn;
  private final StringBuilder html = new StringBuilder();

  BulletinPage(BulletinContent content, LocalDate issuedOn) {
    this.content = content;
    this.schedule = content.schedule();
    this.issuedOn = issuedOn;
  }

  void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, render(), StandardCharsets.UTF_8);
  }

  String render() {
    header();
    summary();
    progressSection();
    leagueSection();
    completenessSection();
    fundSection();
    int next = 5;
    if (content.monitoring() != null) {
      monitoringSection(next++);
    }
    incidenceSection(next);
    html.append("<p class=\"note\">说明：完成率 = 累计完成 ÷ 年度任务 × 100；序时进度 = 月份 ÷ 12 × 100；")
        .append("综合得分 = 各有任务指标完成率（超过100按100计）的平均，大比武按综合得分排名，")
        .append("有任务的指标数不足规定比例的单位不参与排名；贫困发生率 = 贫困人口 ÷ 农村人口 × 100；")
        .append("资金单位为万元。本页不含任何农户级数据。</p>\n</body></html>\n");
    String body = html.toString();
    return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        // no request may leave the page, not even for a favicon
        + "<link rel=\"icon\" href=\"data:,\"><title>"
        + escape(content.title())
        + "</title><style>\n"
        + EmbeddedFont.fontFaces(body)
        + String.format(STYLE, EmbeddedFont.FAMILY)
        + "</style></head><body>\n"
        + body;
  }

  private void header() {
    html.append("<h1>")
        .append(escape(content.title()))
        .append("</h1><p class=\"issue\">")
        .append(content.issueText())
        .append("</p><p class=\"meta\">")
        .append(escape(content.asOfText()))
        .append(" · ")
        .append(escape(content.city().name()))
        .append(" · ")
        .append(issuedOn.getYear())
        .append("年")
        .append(issuedOn.getMonthValue())
        .append("月")
        .append(issuedOn.getDayOfMonth())
        .append("日</p>\n");
  }

  private void summary() {
    html.append("<h2>总体情况</h2>\n<p class=\"summary\">");
    for (String sentence : BulletinSummary.sentences(content)) {
      html.append(escape(sentence));
    }
    html.append("</p>\n<p class=\"legend\">完成率对照序时进度（")
        .append(Numbers.oneDecimal(schedule.percent()))
        .append("%）：");
    for (Schedule.Status status : Schedule.Status.values()) {
      html.append("<span style=\"background:")
          .append(status.cellCss())
          .append(";border-left:4px solid ")
          .append(status.css())
          .append("\">")
          .append(status.words)
          .append(status == Schedule.Status.WITHIN ? "（" + tolerance() + "个百分点以内）" : "")
          .append("</span>");
    }
    html.append("</p>\n");
  }

  private String tolerance() {
    return Numbers.oneDecimal(schedule.tolerancePoints());
  }

  private void progressSection() {
    html.append("<h2>一、重点项目推进情况</h2>\n");
    figure("各单位综合得分与序时进度", BulletinCharts.scores(content.league(), schedule));
    html.append(
            "<div class=\"scroll\"><table><tr><th"
                + " class=\"sticky\">项目类别</th><th>完成进度</th><th>单位</th><th>")
        .append(escape(content.city().name()))
        .append("</th>");
    for (Region unit : content.units()) {
      html.append("<th>").append(escape(unit.name())).append(reportMark(unit)).append("</th>");
    }
    html.append("</tr>\n");
    for (IndicatorProgress indicator : content.progress()) {
      for (String measure : List.of("年度任务", "累计完成", "完成率")) {
        html.append("<tr>");
        if (measure.equals("年度任务")) {
          html.append("<td class=\"sticky\" rowspan=\"3\">")
              .append(escape(indicator.name()))
              .append("</td>");
        }
        html.append("<td>")
            .append(measure)
            .append("</td><td>")
            .append(measure.equals("完成率") ? "%" : escape(indicator.unit()))
            .append("</td>");
        html.append(figureCell(indicator.cityTotal(), measure));
        for (Region unit : content.units()) {
          html.append(figureCell(indicator.byUnitCode().get(unit.code()), measure));
        }
        html.append("</tr>\n");
      }
    }
    html.append("</table></div>\n<div class=\"charts\">");
    for (IndicatorProgress indicator : content.progress()) {
      figure(
          indicator.name() + "（%）", BulletinCharts.indicator(indicator, content.units(), schedule));
    }
    html.append("</div>\n");
  }

  /** 逾期 or 未报 beside a unit that reported late or not at all. */
  private String reportMark(Region unit) {
    return content.completeness().stream()
        .filter(c -> c.unit().code().equals(unit.code()))
        .findFirst()
        .map(
            c ->
                c.onTime()
                    ? ""
                    : c.received()
                        ? "<span class=\"late\">（逾期）</span>"
                        : "<span class=\"late\">（未报）</span>")
        .orElse("");
  }

  private String figureCell(Figure figure, String measure) {
    if (figure == null) {
      return "<td></td>";
    }
    return switch (measure) {
      case "年度任务" -> numberCell(Numbers.plain(figure.target()));
      case "累计完成" -> numberCell(Numbers.plain(figure.completed()));
      default -> rateCell(figure.rate());
    };
  }

  /** A rate, tinted by where it stands against 序时进度. */
  private String rateCell(Double rate) {
    Schedule.Status status = schedule.statusOf(rate);
    if (status == null) {
      return numberCell("");
    }
    return "<td class=\"n\" style=\"background:"
        + status.cellCss()
        + "\" title=\""
        + status.words
        + "\">"
        + Numbers.oneDecimal(rate)
        + "</td>";
  }

  private void leagueSection() {
    html.append(
        "<h2>二、大比武排名</h2>\n"
            + "<div class=\"scroll\"><table><tr><th>名次</th><th"
            + " class=\"sticky\">单位</th><th>参评指标数</th><th>综合得分</th><th>较上月</th></tr>\n");
    List<LeagueEntry> unranked = new ArrayList<>();
    for (LeagueEntry entry : content.league()) {
      if (!entry.ranked()) {
        unranked.add(entry);
        continue;
      }
      html.append("<tr><td class=\"n\">")
          .append(entry.rank())
          .append("</td><td class=\"sticky\">")
          .append(escape(entry.unit().name()))
          .append("</td>")
          .append(numberCell(entry.indicatorsScored() + "/" + entry.cityIndicators()))
          .append(rateCell(entry.score()))
          .append("<td>")
          .append(BulletinWorkbook.rankChangeText(entry.rankChange()))
          .append("</td></tr>\n");
    }
    html.append("</table></div>\n");
    if (!unranked.isEmpty()) {
      html.append(
          "<p>未参与排名：</p><div class=\"scroll\"><table><tr><th"
              + " class=\"sticky\">单位</th><th>参评指标数</th><th>综合得分</th><th>原因</th></tr>\n");
      for (LeagueEntry entry : unranked) {
        html.append("<tr><td class=\"sticky\">")
            .append(escape(entry.unit().name()))
            .append("</td>")
            .append(numberCell(entry.indicatorsScored() + "/" + entry.cityIndicators()))
            .append(rateCell(entry.score()))
            .append("<td>")
            .append(escape(entry.reason()))
            .append("</td></tr>\n");
      }
      html.append("</table></div>\n");
    }
  }

  private void completenessSection() {
    html.append(
        "<h2>三、报送情况</h2>\n"
            + "<div class=\"scroll\"><table><tr><th"
            + " class=\"sticky\">单位</th><th>截止日期</th><th>首次报送日期</th><th>报送情况</th><th>报送指标数</th></tr>\n");
    for (Completeness unit : content.completeness()) {
      String state = unit.onTime() ? "按时" : unit.received() ? "逾期" : "未报送";
      html.append("<tr><td class=\"sticky\">")
          .append(escape(unit.unit().name()))
          .append("</td><td>")
          .append(unit.deadline())
          .append("</td><td>")
          .append(unit.firstReportedAt() == null ? "" : unit.firstReportedAt())
          .append("</td><td")
          .append(unit.onTime() ? "" : " class=\"late\"")
          .append(">")
          .append(state)
          .append("</td>")
          .append(numberCell(String.valueOf(unit.indicatorsReported())))
          .append("</tr>\n");
    }
    html.append("</table></div>\n");
  }

  private void fundSection() {
    html.append("<h2>四、资金下达与支付（")
        .append(content.period().getYear())
        .append("年1月至")
        .append(content.period().getMonthValue())
        .append(
            "月，万元）</h2>\n"
                + "<div class=\"scroll\"><table><tr><th"
                + " class=\"sticky\">资金来源</th><th>下达资金</th><th>已支付</th><th>支付率（%）</th></tr>\n");
    for (FundFlow fund : content.funds()) {
      html.append("<tr><td class=\"sticky\">")
          .append(escape(fund.fundSourceName()))
          .append("</td>")
          .append(numberCell(Numbers.tenThousandYuan(fund.allocatedYuan())))
          .append(numberCell(Numbers.tenThousandYuan(fund.paidYuan())))
          .append(numberCell(Numbers.oneDecimal(fund.rate())))
          .append("</tr>\n");
    }
    html.append("</table></div>\n");
    if (!content.funds().isEmpty()) {
      figure("各类资金下达与支付（万元）", BulletinCharts.funds(content.funds()));
    }
    idleFundsTable();
  }

  /** Money approved and not spent, by fund source and how long ago it was approved (万元). */
  private void idleFundsTable() {
    List<String> ages = List.of("under 6 months", "6-12 months", "over 12 months");
    Map<String, Map<String, IdleFunds>> bySource = new LinkedHashMap<>();
    for (IdleFunds idle : content.idleFunds()) {
      bySource
          .computeIfAbsent(idle.fundSourceName(), n -> new LinkedHashMap<>())
          .put(idle.ageBucket(), idle);
    }
    html.append("<p>闲置资金（已下达未支付，按下达至今时长，万元）：</p><div class=\"scroll\"><table><tr>")
        .append("<th class=\"sticky\">资金来源</th>");
    ages.forEach(age -> html.append("<th>").append(BulletinWorkbook.ageText(age)).append("</th>"));
    html.append("<th>合计</th></tr>\n");
    for (Map.Entry<String, Map<String, IdleFunds>> source : bySource.entrySet()) {
      html.append("<tr><td class=\"sticky\">").append(escape(source.getKey())).append("</td>");
      BigDecimal total = BigDecimal.ZERO;
      for (String age : ages) {
        IdleFunds idle = source.getValue().get(age);
        html.append(numberCell(idle == null ? "" : Numbers.tenThousandYuan(idle.idleYuan())));
        total = idle == null ? total : total.add(idle.idleYuan());
      }
      html.append(numberCell(Numbers.tenThousandYuan(total))).append("</tr>\n");
    }
    html.append("</table></div>\n");
  }

  private void monitoringSection(int number) {
    html.append("<h2>")
        .append(SECTION_NUMBERS[number])
        .append("、防止返贫动态监测（户）</h2>\n<div class=\"scroll\"><table><tr>")
        .append("<th class=\"sticky\">单位</th><th>监测户</th><th>监测人口（人）</th>")
        .append("<th>脱贫不稳定户</th><th>边缘易致贫户</th><th>突发严重困难户</th>")
        .append("<th>本月新纳入</th><th>本月风险消除</th><th>仍有风险</th>")
        .append("<th>预警：收入低于监测线</th><th>预警：收入大幅下降</th><th>预警：“两不愁三保障”</th></tr>\n");
    for (MonitoringCounts county : content.monitoring().counties()) {
      monitoringRow(county, "");
    }
    monitoringRow(content.monitoring().city(), " class=\"total\"");
    html.append("</table></div>\n");
    screeningTable(content.monitoring().screening());
    figure(
        content.period().getYear() + "年各月仍有风险的监测户（户）",
        BulletinCharts.atRisk(content.monitoring().atRiskByMonth(), content.city()));
  }

  /** The departments' leads of the month and the year's visits (部门筛查预警与入户核实). */
  private void screeningTable(Screening screening) {
    html.append("<h3>部门筛查预警与入户核实（条）</h3>\n<div class=\"scroll\"><table><tr>")
        .append("<th class=\"sticky\">单位</th>");
    screening
        .columnNames()
        .forEach(name -> html.append("<th>").append(escape(name)).append("</th>"));
    html.append("</tr>\n");
    for (ScreeningCounts county : screening.counties()) {
      screeningRow(county, "");
    }
    screeningRow(screening.city(), " class=\"total\"");
    html.append("</table></div>\n");
  }

  private void screeningRow(ScreeningCounts counts, String rowClass) {
    html.append("<tr")
        .append(rowClass)
        .append("><td class=\"sticky\">")
        .append(escape(counts.region().name()))
        .append("</td>");
    counts.columns().forEach(value -> html.append(numberCell(String.valueOf(value))));
    html.append("</tr>\n");
  }

  private void monitoringRow(MonitoringCounts m, String rowClass) {
    html.append("<tr")
        .append(rowClass)
        .append("><td class=\"sticky\">")
        .append(escape(m.region().name()))
        .append("</td>");
    for (long value : m.columns()) {
      html.append(numberCell(String.valueOf(value)));
    }
    html.append("</tr>\n");
  }

  private static final String[] SECTION_NUMBERS = {"", "一", "二", "三", "四", "五", "六", "七"};

  private void incidenceSection(int number) {
    SortedSet<Integer> years = content.incidenceYears();
    Map<String, Map<Integer, Incidence>> byRegion = content.incidenceByRegion();
    html.append("<h2>")
        .append(SECTION_NUMBERS[number])
        .append("、贫困发生率（%）</h2>\n<div class=\"scroll\"><table><tr><th class=\"sticky\">单位</th>");
    years.forEach(year -> html.append("<th>").append(year).append("年</th>"));
    html.append("</tr>\n");
    for (Map.Entry<String, Map<Integer, Incidence>> region : byRegion.entrySet()) {
      html.append("<tr><td class=\"sticky\">").append(escape(region.getKey())).append("</td>");
      for (int year : years) {
        Incidence i = region.getValue().get(year);
        html.append(numberCell(i == null ? "" : Numbers.oneDecimal(i.incidenceRate())));
      }
      html.append("</tr>\n");
    }
    html.append("</table></div>\n");
    figure("全市历年贫困发生率（%，每年最后一个月）", BulletinCharts.incidence(content.incidence(), content.city()));
  }

  private void figure(String caption, String svg) {
    html.append("<figure>")
        .append(svg)
        .append("<figcaption>")
        .append(escape(caption))
        .append("</figcaption></figure>\n");
  }

  private static String numberCell(String text) {
    return "<td class=\"n\">" + text + "</td>";
  }

  static String escape(String text) {
    return text == null
        ? ""
        : text.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\"", "&quot;");
  }
}
