package org.tuopin.etl.reference;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One kind of signal a department sends for the screening (部门筛查预警), and when it is a lead: a signal
 * whose amount (or year-to-date amount) reaches the threshold of its subject (a registered
 * household's member, or another rural resident) is one; a category without a threshold makes every
 * signal one.
 *
 * @param department the department's short name (医保, 民政...), as files write it
 * @param category the signal's category (住院自付, 新增低保...), unique within its department
 * @param hasAmount whether its signals carry an amount in yuan (required then)
 * @param registeredThresholdYuan the threshold for a member of a registered household, or null
 * @param otherThresholdYuan the threshold for a rural resident outside the registry, or null
 * @param yearToDate whether an amount is the year so far (the latest 统计截止日期 wins) rather than one
 *     event's (the year's events add up)
 */
public record ScreeningCategory(
    String department,
    String category,
    boolean hasAmount,
    BigDecimal registeredThresholdYuan,
    BigDecimal otherThresholdYuan,
    boolean yearToDate)
    implements Serializable {

  public ScreeningCategory {
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(category, "category");
    if (!hasAmount && (registeredThresholdYuan != null || otherThresholdYuan != null)) {
      throw new IllegalArgumentException(
          department + " " + category + ": a threshold needs signals with an amount (hasAmount)");
    }
    if (!hasAmount && yearToDate) {
      throw new IllegalArgumentException(
          department + " " + category + ": yearToDate needs signals with an amount (hasAmount)");
    }
  }
}
