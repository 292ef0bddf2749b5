package org.tuopin.bulletin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tuopin.bulletin.BulletinContent.Figure;
import org.tuopin.bulletin.BulletinContent.FundFlow;
import org.tuopin.bulletin.BulletinContent.Incidence;
import org.tuopin.bulletin.BulletinContent.IndicatorProgress;
import org.tuopin.bulletin.BulletinContent.LeagueEntry;
import org.tuopin.bulletin.BulletinContent.MonthlyAtRisk;
import org.tuopin.bulletin.BulletinContent.Region;
import org.tuopin.bulletin.Svg.Anchor;

/**
 * The bulletin page's charts, each answering one question, written as SVG by hand ({@link Svg}):
 * every label is text in the page's embedded font, laid out with room measured for that font, so a
 * page written on a server without a Chinese font looks as it does anywhere. Bars against 序时进度 take
 * the colour of where they stand ({@link Schedule.Status}); everything else is grey or one blue.
 */
final class BulletinCharts {
  /**
   * Charts are drawn at about a phone's width and shown at most at their own size, so their text
   * stays 12 to 14 pixels on a phone and on a desktop alike.
   */
  static final int WIDTH = 440;

  /** The small charts of one indicator each, several to a row on a wide screen. */
  static final int SMALL_WIDTH = 360;

  private static final String TEXT = "#222222";
  private static final String MUTED = "#666666";
  private static final String GRID = "#DDDDDD";
  private static final String NEUTRAL = "#56B4E9";
  private static final String NEUTRAL_DARK = "#0072B2";
  private static final String PALE = "#CFE6F3";
  private static final double FONT = 14;
  private static final double BAR = 18;
  private static final double ROW = 26;

  private BulletinCharts() {}

  /** Each unit's score (大比武) against 序时进度: who is ahead, who behind. */
  static String scores(List<LeagueEntry> league, Schedule schedule) {
    List<String> labels = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (LeagueEntry entry : league) {
      if (entry.score() != null) {
        labels.add((entry.ranked() ? entry.rank() + " " : "— ") + entry.unit().name());
        values.add(entry.score());
      }
    }
    return bars("各单位综合得分与序时进度", labels, values, schedule, WIDTH, Math.max(100, max(values)));
  }

  /** One indicator: each unit's completion rate against 序时进度. */
  static String indicator(IndicatorProgress indicator, List<Region> units, Schedule schedule) {
    List<String> labels = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (Region unit : units) {
      Figure figure = indicator.byUnitCode().get(unit.code());
      if (figure != null && figure.rate() != null) {
        labels.add(unit.name());
        values.add(figure.rate());
      }
    }
    return bars(
        indicator.name() + "完成率",
        labels,
        values,
        schedule,
        SMALL_WIDTH,
        Math.min(200, Math.max(100, max(values))));
  }

  /**
   * Horizontal bars with their values, coloured by {@link Schedule}, and 序时进度 as a dashed line. A
   * value past {@code scale} is drawn to the edge, its number written in full.
   */
  private static String bars(
      String title,
      List<String> labels,
      List<Double> values,
      Schedule schedule,
      int width,
      double scale) {
    double left = labels.stream().mapToDouble(l -> Svg.width(l, FONT)).max().orElse(0) + 10;
    double valueRoom = Svg.width("100.0", FONT) + 8;
    double plot = width - left - valueRoom;
    double top = 26;
    int height = (int) (top + ROW * Math.max(1, labels.size()) + 24);
    Svg svg = new Svg(width, height, title);
    for (int i = 0; i < labels.size(); i++) {
      double y = top + ROW * i;
      double value = values.get(i);
      double length = plot * Math.min(value, scale) / scale;
      String number = oneDecimal(value);
      svg.text(left - 6, y + BAR - 4, labels.get(i), Anchor.END, FONT, TEXT)
          .rect(left, y, length, BAR, schedule.statusOf(value).css());
      // the number inside the bar's end, clear of the 序时进度 line; outside a bar too short for it
      if (length > Svg.width(number, FONT) + 10) {
        svg.text(left + length - 4, y + BAR - 4, number, Anchor.END, FONT, "#FFFFFF");
      } else {
        svg.text(left + length + 4, y + BAR - 4, number, Anchor.START, FONT, TEXT);
      }
    }
    double x = left + plot * Math.min(schedule.percent(), scale) / scale;
    double bottom = top + ROW * Math.max(1, labels.size());
    String mark = "序时进度 " + oneDecimal(schedule.percent());
    boolean roomRight = x + Svg.width(mark, 12) / 2 < width;
    svg.line(left, top - 4, left, bottom, MUTED, 1)
        .dashedLine(x, top - 8, x, bottom, TEXT, 1.5)
        .text(
            roomRight ? x : x + 2, top - 12, mark, roomRight ? Anchor.MIDDLE : Anchor.END, 12, TEXT)
        .text(left, bottom + 16, "0", Anchor.MIDDLE, 11, MUTED)
        .text(left + plot, bottom + 16, oneDecimal(scale) + "%", Anchor.END, 11, MUTED);
    return svg.toString();
  }

  /** Money allocated and paid this year per fund source, 万元: how much of it has gone out. */
  static String funds(List<FundFlow> funds) {
    List<String> labels = funds.stream().map(FundFlow::fundSourceName).toList();
    double left = labels.stream().mapToDouble(l -> Svg.width(l, FONT)).max().orElse(0) + 10;
    double room = Svg.width("已付 0000.00 / 0000.00", 12) + 8;
    double plot = WIDTH - left - room;
    double scale = funds.stream().mapToDouble(f -> tenThousands(f.allocatedYuan())).max().orElse(1);
    double top = 10;
    int height = (int) (top + ROW * Math.max(1, funds.size()) + 26);
    Svg svg = new Svg(WIDTH, height, "各类资金下达与支付（万元）");
    for (int i = 0; i < funds.size(); i++) {
      FundFlow fund = funds.get(i);
      double y = top + ROW * i;
      double allocated = tenThousands(fund.allocatedYuan());
      double paid = tenThousands(fund.paidYuan());
      double end = left + plot * Math.min(1, allocated / Math.max(scale, 1e-9));
      svg.text(left - 6, y + BAR - 4, labels.get(i), Anchor.END, FONT, TEXT)
          .rect(left, y, end - left, BAR, PALE)
          .rect(left, y, plot * Math.min(paid, scale) / Math.max(scale, 1e-9), BAR, NEUTRAL_DARK)
          .text(
              Math.max(end, left) + 4,
              y + BAR - 4,
              "已付 " + money(paid) + " / " + money(allocated),
              Anchor.START,
              12,
              TEXT);
    }
    double bottom = top + ROW * Math.max(1, funds.size());
    svg.rect(left, bottom + 8, 12, 10, NEUTRAL_DARK)
        .text(left + 16, bottom + 17, "已支付", Anchor.START, 12, TEXT)
        .rect(left + 70, bottom + 8, 12, 10, PALE)
        .text(left + 86, bottom + 17, "已下达（万元）", Anchor.START, 12, TEXT);
    return svg.toString();
  }

  /** The city's incidence, year after year: how fast poverty fell. */
  static String incidence(List<Incidence> incidence, Region city) {
    List<Incidence> points =
        incidence.stream()
            .filter(i -> i.region().code().equals(city.code()) && i.incidenceRate() != null)
            .toList();
    List<String> labels = points.stream().map(i -> i.year() + "年").toList();
    List<Double> values = points.stream().map(Incidence::incidenceRate).toList();
    return columns(city.name() + "贫困发生率（%）", labels, values, NEUTRAL_DARK, true);
  }

  /** The city's households at risk at the end of each month of the year. */
  static String atRisk(List<MonthlyAtRisk> months, Region city) {
    List<String> labels = months.stream().map(m -> m.month().getMonthValue() + "月").toList();
    List<Double> values = months.stream().map(m -> (double) m.atRisk()).toList();
    return columns(city.name() + "仍有风险的监测户（户）", labels, values, NEUTRAL, false);
  }

  /** Vertical columns with their values written above them. */
  private static String columns(
      String title, List<String> labels, List<Double> values, String colour, boolean decimals) {
    double top = 22;
    double plotHeight = 150;
    double bottom = top + plotHeight;
    int height = (int) bottom + 26;
    double slot = (WIDTH - 20.0) / Math.max(1, labels.size());
    double width = Math.min(48, slot * 0.6);
    double scale = Math.max(max(values), 1e-9);
    Svg svg = new Svg(WIDTH, height, title);
    svg.line(10, bottom, WIDTH - 10, bottom, GRID, 1);
    for (int i = 0; i < labels.size(); i++) {
      double centre = 10 + slot * (i + 0.5);
      double h = plotHeight * values.get(i) / scale;
      String value =
          decimals ? oneDecimal(values.get(i)) : String.valueOf(Math.round(values.get(i)));
      svg.rect(centre - width / 2, bottom - h, width, h, colour)
          .text(centre, bottom - h - 5, value, Anchor.MIDDLE, 12, TEXT)
          .text(centre, bottom + 17, labels.get(i), Anchor.MIDDLE, 12, MUTED);
    }
    return svg.toString();
  }

  private static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
  }

  static double tenThousands(BigDecimal yuan) {
    return yuan.doubleValue() / 10_000;
  }

  private static String money(double tenThousands) {
    return String.format(Locale.ROOT, "%.2f", tenThousands);
  }

  private static String oneDecimal(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
