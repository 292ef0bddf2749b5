package org.tuopin.bulletin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.tuopin.bulletin.BulletinContent.Region;

/**
 * The bulletin as one self-contained HTML page: the workbook's tables and five charts (inline SVG),
 * its style inline, no script, nothing fetched. Wide tables scroll sideways on a phone; the charts
 * scale to its width.
 */
final class BulletinPage {
  private static final String STYLE =
      """
      body{font-family:'Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Zen Hei','PingFang SC','Microsoft YaHei',sans-serif;
        margin:0 auto;max-width:960px;padding:12px;color:#222;line-height:1.5}
      h1{font-size:1.5em;margin:.2em 0;color:#b71c1c}h2{font-size:1.2em;border-left:5px solid #b71c1c;padding-left:8px;margin-top:1.6em}
      .meta{color:#666;font-size:.9em}.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
      table{border-collapse:collapse;font-size:.85em;white-space:nowrap;margin:.5em 0}
      th,td{border:1px solid #bbb;padding:3px 6px}th{background:#f3e5e5}td.n{text-align:right}
      tr.total td{font-weight:bold}.up{color:#2e7d32}.down{color:#c62828}
      svg{width:100%;height:auto;display:block}figure{margin:.8em 0}figcaption{font-size:.9em;color:#555}
      """;

  private final BulletinContent content;
  private final LocalDate issuedOn;
  private final StringBuilder html = new StringBuilder();

  BulletinPage(BulletinContent content, LocalDate issuedOn) {
    this.content = content;
    this.issuedOn = issuedOn;
  }

  void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, render(), StandardCharsets.UTF_8);
  }

  String render() {
    String title =
        content.city().name()
            + content.period().getYear()
            + "年"
            + content.period().getMonthValue()
            + "月战报";
    html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        // no request may leave the page, not even for a favicon
        .append("<link rel=\"icon\" href=\"data:,\">")
        .append("<title>")
        .append(escape(title))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n");
    html.append("<h1>")
        .append(escape(title))
        .append("</h1><p class=\"meta\">")
        .append(escape(content.asOfText()))
        .append(" · 生成于 ")
        .append(issuedOn)
        .append(" · 拓贫发布 ")
        .append(escape(content.publishId()))
        .append("</p>\n");
    progressSection();
    leagueSection();
    completenessSection();
    fundSection();
    incidenceSection();
    html.append("<p class=\"meta\">完成率 = 累计完成 ÷ 年度任务 × 100；得分 = 各有任务指标完成率（超过100按100计）的平均；")
        .append("贫困发生率 = 贫困人口 ÷ 农村人口 × 100。本页不含任何农户级数据。</p>\n</body></html>\n");
    return html.toString();
  }

  private void progressSection() {
    html.append(
            "<h2>一、重点项目推进情况</h2>\n"
                + "<div class=\"scroll\"><table><tr><th>序号</th><th>项目类别</th><th>完成进度</th><th>单位</th><th>")
        .append(escape(content.city().name()))
        .append("</th>");
    for (Region unit : content.units()) {
      html.append("<th>").append(escape(unit.name())).append("</th>");
    }
    html.append("</tr>\n");
    int sequence = 0;
    for (IndicatorProgress indicator : content.progress()) {
      sequence++;
      for (String measure : List.of("年度任务", "累计完成", "完成率")) {
        html.append("<tr>");
        if (measure.equals("年度任务")) {
          html.append("<td rowspan=\"3\">")
              .append(sequence)
              .append("</td><td rowspan=\"3\">")
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
    html.append("</table></div>\n");
    figure("各单位各项目完成率（%）", BulletinCharts.completion(content.progress(), content.units()));
    figure(
        content.period().getYear() + "年全市各项目逐月完成率（%）",
        BulletinCharts.monthly(content.monthlyRates()));
  }

  private static String figureCell(Figure figure, String measure) {
    if (figure == null) {
      return "<td></td>";
    }
    return switch (measure) {
      case "年度任务" -> numberCell(Numbers.plain(figure.target()));
      case "累计完成" -> numberCell(Numbers.plain(figure.completed()));
      default -> numberCell(Numbers.oneDecimal(figure.rate()));
    };
  }

  private void leagueSection() {
    html.append(
        "<h2>二、大比武排名</h2>\n"
            + "<div class=\"scroll\"><table><tr><th>名次</th><th>单位</th><th>参评指标数</th><th>得分</th><th>较上月</th></tr>\n");
    List<LeagueEntry> unranked = new ArrayList<>();
    for (LeagueEntry entry : content.league()) {
      if (!entry.ranked()) {
        unranked.add(entry);
        continue;
      }
      String change = BulletinWorkbook.rankChangeText(entry.rankChange());
      String css = change.startsWith("↑") ? "up" : change.startsWith("↓") ? "down" : "";
      html.append("<tr><td class=\"n\">")
          .append(entry.rank())
          .append("</td><td>")
          .append(escape(entry.unit().name()))
          .append("</td>")
          .append(numberCell(entry.indicatorsScored() + "/" + entry.cityIndicators()))
          .append(numberCell(Numbers.oneDecimal(entry.score())))
          .append("<td class=\"")
          .append(css)
          .append("\">")
          .append(change)
          .append("</td></tr>\n");
    }
    html.append("</table></div>\n");
    if (!unranked.isEmpty()) {
      html.append(
          "<p>未参与排名：</p><div"
              + " class=\"scroll\"><table><tr><th>单位</th><th>参评指标数</th><th>得分</th><th>原因</th></tr>\n");
      for (LeagueEntry entry : unranked) {
        html.append("<tr><td>")
            .append(escape(entry.unit().name()))
            .append("</td>")
            .append(numberCell(entry.indicatorsScored() + "/" + entry.cityIndicators()))
            .append(numberCell(Numbers.oneDecimal(entry.score())))
            .append("<td>")
            .append(escape(entry.reason()))
            .append("</td></tr>\n");
      }
      html.append("</table></div>\n");
    }
    figure("大比武得分（名次 单位 较上月）", BulletinCharts.league(content.league()));
  }

  private void completenessSection() {
    html.append(
            "<h2>三、报送情况</h2>\n"
                + "<div class=\"scroll\"><table><tr><th>单位</th><th>截止日期</th><th>是否报送</th><th>首次报送日期</th>")
        .append("<th>是否按时</th><th>报送指标数</th></tr>\n");
    for (Completeness unit : content.completeness()) {
      html.append("<tr><td>")
          .append(escape(unit.unit().name()))
          .append("</td><td>")
          .append(unit.deadline())
          .append("</td><td>")
          .append(unit.received() ? "已报送" : "未报送")
          .append("</td><td>")
          .append(unit.firstReportedAt() == null ? "" : unit.firstReportedAt())
          .append("</td><td>")
          .append(unit.onTime() ? "按时" : unit.received() ? "逾期" : "未报送")
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
            "月）</h2>\n"
                + "<div class=\"scroll\"><table><tr><th>资金来源</th><th>下达资金（元）</th><th>已支付（元）</th><th>支付率（%）</th></tr>\n");
    for (FundFlow fund : content.funds()) {
      html.append("<tr><td>")
          .append(escape(fund.fundSourceName()))
          .append("</td>")
          .append(numberCell(Numbers.yuan(fund.allocatedYuan())))
          .append(numberCell(Numbers.yuan(fund.paidYuan())))
          .append(numberCell(Numbers.oneDecimal(fund.rate())))
          .append("</tr>\n");
    }
    html.append("</table></div>\n");
    figure("下达与支付（万元）", BulletinCharts.funds(content.funds()));
    html.append(
            "<p>闲置资金（已下达未支付，按下达至今时长）：</p><div"
                + " class=\"scroll\"><table><tr><th>资金来源</th><th>闲置时长</th>")
        .append("<th>项目数</th><th>闲置资金（元）</th></tr>\n");
    for (IdleFunds idle : content.idleFunds()) {
      html.append("<tr><td>")
          .append(escape(idle.fundSourceName()))
          .append("</td><td>")
          .append(BulletinWorkbook.ageText(idle.ageBucket()))
          .append("</td>")
          .append(numberCell(String.valueOf(idle.allocations())))
          .append(numberCell(Numbers.yuan(idle.idleYuan())))
          .append("</tr>\n");
    }
    html.append("</table></div>\n");
  }

  private void incidenceSection() {
    SortedSet<Integer> years = content.incidenceYears();
    Map<String, Map<Integer, Incidence>> byRegion = content.incidenceByRegion();
    html.append("<h2>五、贫困发生率（%）</h2>\n<div class=\"scroll\"><table><tr><th>单位</th>");
    years.forEach(year -> html.append("<th>").append(year).append("年</th>"));
    html.append("</tr>\n");
    for (Map.Entry<String, Map<Integer, Incidence>> region : byRegion.entrySet()) {
      html.append("<tr><td>").append(escape(region.getKey())).append("</td>");
      for (int year : years) {
        Incidence i = region.getValue().get(year);
        html.append(numberCell(i == null ? "" : Numbers.twoDecimals(i.incidenceRate())));
      }
      html.append("</tr>\n");
    }
    html.append("</table></div>\n");
    figure("各单位历年贫困发生率（%，每年最后一个月）", BulletinCharts.incidence(content.incidence()));
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
