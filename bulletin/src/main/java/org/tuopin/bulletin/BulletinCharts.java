package org.tuopin.bulletin;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.tuopin.bulletin.BulletinContent.FundFlow;
import org.tuopin.bulletin.BulletinContent.Incidence;
import org.tuopin.bulletin.BulletinContent.IndicatorProgress;
import org.tuopin.bulletin.BulletinContent.LeagueEntry;
import org.tuopin.bulletin.BulletinContent.MonthlyRate;
import org.tuopin.bulletin.BulletinContent.Region;

/**
 * The bulletin page's charts, drawn on the server by JFreeChart into SVG by JFreeSVG: the page then
 * needs no script, no network and no font of its own (the text stays text, drawn by the reader's
 * browser in its own Chinese font), and it scales to a phone's width.
 */
final class BulletinCharts {
  static final int WIDTH = 880;

  /**
   * The fonts the browser tries for chart text: the Chinese fonts of Linux, macOS and Windows.
   * Unquoted: JFreeSVG writes the style attribute between single quotes.
   */
  private static final String FONT_FAMILIES =
      "Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Zen Hei, PingFang SC, Microsoft YaHei,"
          + " sans-serif";

  private static final AtomicInteger CHART_NUMBER = new AtomicInteger();

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private BulletinCharts() {}

  static String incidence(List<Incidence> incidence) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Incidence i : incidence) {
      if (i.incidenceRate() != null) {
        data.addValue(i.incidenceRate(), i.region().name(), i.year() + "");
      }
    }
    JFreeChart chart = ChartFactory.createLineChart(null, "年份", "贫困发生率（%）", data);
    return svg(chart, 360);
  }

  static String completion(List<IndicatorProgress> progress, List<Region> units) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (IndicatorProgress indicator : progress) {
      for (Region unit : units) {
        BulletinContent.Figure figure = indicator.byUnitCode().get(unit.code());
        data.addValue(figure == null ? null : figure.rate(), unit.name(), indicator.name());
      }
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            null, null, "完成率（%）", data, PlotOrientation.HORIZONTAL, true, false, false);
    leaveRoomForLabels(chart, progress.stream().map(IndicatorProgress::name).toList());
    return svg(chart, 120 + progress.size() * (8 * units.size() + 14));
  }

  static String monthly(List<MonthlyRate> rates) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (MonthlyRate rate : rates) {
      data.addValue(rate.rate(), rate.indicatorName(), rate.month().getMonthValue() + "月");
    }
    JFreeChart chart = ChartFactory.createLineChart(null, null, "全市完成率（%）", data);
    return svg(chart, 360);
  }

  static String league(List<LeagueEntry> league) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    List<String> labels = new ArrayList<>();
    for (LeagueEntry entry : league) {
      if (entry.ranked()) {
        String label =
            entry.rank()
                + " "
                + entry.unit().name()
                + " "
                + BulletinWorkbook.rankChangeText(entry.rankChange());
        labels.add(label);
        data.addValue(entry.score(), "得分", label);
      }
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            null, null, "得分", data, PlotOrientation.HORIZONTAL, false, false, false);
    leaveRoomForLabels(chart, labels);
    return svg(chart, 80 + 28 * Math.max(1, data.getColumnCount()));
  }

  static String funds(List<FundFlow> funds) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (FundFlow fund : funds) {
      data.addValue(fund.allocatedYuan().doubleValue() / 10_000, "下达", fund.fundSourceName());
      data.addValue(fund.paidYuan().doubleValue() / 10_000, "已支付", fund.fundSourceName());
    }
    JFreeChart chart = ChartFactory.createBarChart(null, null, "万元", data);
    CategoryAxis axis = ((CategoryPlot) chart.getPlot()).getDomainAxis();
    axis.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
    axis.setMaximumCategoryLabelLines(3);
    return svg(chart, 340);
  }

  /**
   * Reserves the width of the longest category label beside a horizontal chart. JFreeChart measures
   * text with the server's fonts, which may lack Chinese glyphs or be narrower than the reader's:
   * left to itself it cuts the labels short in the browser.
   */
  private static void leaveRoomForLabels(JFreeChart chart, List<String> labels) {
    double widest = labels.stream().mapToDouble(BulletinCharts::labelWidth).max().orElse(0);
    AxisSpace space = new AxisSpace();
    space.setLeft(widest + 16);
    ((CategoryPlot) chart.getPlot()).setFixedDomainAxisSpace(space);
  }

  /** Pixels at the 12-pixel label font: a Chinese character is one em, anything else about 0.6. */
  private static double labelWidth(String label) {
    return label.codePoints().mapToDouble(c -> c >= 0x2E80 ? 12.5 : 7.5).sum();
  }

  private static String svg(JFreeChart chart, int height) {
    theme().apply(chart);
    chart.setBackgroundPaint(Color.WHITE);
    if (chart.getPlot() instanceof CategoryPlot plot
        && plot.getRenderer() instanceof BarRenderer bars) {
      bars.setBarPainter(new StandardBarPainter());
      bars.setShadowVisible(false);
      bars.setItemMargin(0.02);
    }
    SVGGraphics2D graphics = new SVGGraphics2D(WIDTH, height);
    // each chart's clip paths get their own ids: several charts share one page
    graphics.setDefsKeyPrefix("c" + CHART_NUMBER.incrementAndGet() + "_");
    graphics.setFontFunction(family -> FONT_FAMILIES);
    chart.draw(graphics, new Rectangle(WIDTH, height));
    return graphics.getSVGElement(
        null,
        false,
        new ViewBox(0, 0, WIDTH, height),
        PreserveAspectRatio.XMID_YMID,
        MeetOrSlice.MEET);
  }

  private static StandardChartTheme theme() {
    StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
    theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
    theme.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setRangeGridlinePaint(new Color(0xDDDDDD));
    theme.setDomainGridlinePaint(new Color(0xDDDDDD));
    return theme;
  }
}
