package org.tuopin.jobs.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a bulletin page back as a reader sees it: its summary, its progress table's rates. */
final class BulletinPageCells {
  private static final Pattern SUMMARY = Pattern.compile("<p class=\"summary\">(.*?)</p>");
  private static final Pattern HEADER =
      Pattern.compile("<th>([^<]+)(?:<span[^>]*>[^<]*</span>)?</th>");
  private static final Pattern INDICATOR = Pattern.compile("rowspan=\"3\">([^<]+)</td>");
  private static final Pattern CELL =
      Pattern.compile(
          "<td(?: class=\"n\")?(?: style=\"background:(#[0-9A-F]{6})\""
              + " title=\"[^\"]*\")?>([^<]*)</td>");

  private BulletinPageCells() {}

  static String summary(String page) {
    Matcher m = SUMMARY.matcher(page);
    if (!m.find()) {
      throw new AssertionError("no summary on the page");
    }
    return m.group(1);
  }

  /**
   * The progress table's 完成率 cells, by "indicator name, column name" (the city, then its units),
   * each as "tint rate" ("" where the table shows none).
   */
  static Map<String, String> rateCells(String page) {
    String table = page.substring(page.indexOf("<table>"), page.indexOf("</table>"));
    String[] rows = table.split("<tr>");
    List<String> columns = new ArrayList<>();
    Matcher header = HEADER.matcher(rows[1]);
    while (header.find()) {
      columns.add(header.group(1));
    }
    // ... 完成进度, 单位, then the city and the units
    List<String> regions = columns.subList(columns.indexOf("单位") + 1, columns.size());
    Map<String, String> cells = new LinkedHashMap<>();
    String indicator = null;
    for (String row : rows) {
      Matcher name = INDICATOR.matcher(row);
      if (name.find()) {
        indicator = name.group(1);
      }
      String rates = "<td>完成率</td><td>%</td>";
      if (row.startsWith(rates)) {
        Matcher cell = CELL.matcher(row.substring(rates.length()));
        int column = 0;
        while (cell.find()) {
          String text = cell.group(2);
          if (!text.isEmpty()) {
            cells.put(indicator + " " + regions.get(column), cell.group(1) + " " + text);
          }
          column++;
        }
      }
    }
    return cells;
  }
}
