package org.tuopin.bulletin;

import java.time.YearMonth;

/**
 * 序时进度: the share of the year elapsed at the end of the bulletin's month (month ÷ 12 × 100), and
 * how a completion rate stands against it: ahead (at or above it), within the tolerance below it,
 * or behind. Colours of the Okabe–Ito palette, which colour-blind readers tell apart; the page and
 * the workbook use the same three.
 *
 * @param percent the time-elapsed share, percent
 * @param tolerancePoints how many points below it still count as within
 */
record Schedule(double percent, double tolerancePoints) {
  /** Where a rate stands. */
  enum Status {
    AHEAD("达到或超过序时进度", "0072B2", "D6EAF8"),
    WITHIN("略低于序时进度", "E69F00", "FCEBC7"),
    BEHIND("落后于序时进度", "D55E00", "F9D5C3");

    final String words;
    final String colour;
    final String tint;

    Status(String words, String colour, String tint) {
      this.words = words;
      this.colour = colour;
      this.tint = tint;
    }

    /** The colour as CSS writes it. */
    String css() {
      return "#" + colour;
    }

    /** The light tint of a table cell. */
    String cellCss() {
      return "#" + tint;
    }
  }

  Schedule {
    if (tolerancePoints < 0) {
      throw new IllegalArgumentException(
          "The tolerance is 0 points or more, not " + tolerancePoints);
    }
  }

  static Schedule of(YearMonth period, double tolerancePoints) {
    return new Schedule(period.getMonthValue() * 100.0 / 12, tolerancePoints);
  }

  /** Where the rate stands; null for no rate. */
  Status statusOf(Double rate) {
    if (rate == null) {
      return null;
    }
    if (rate >= percent) {
      return Status.AHEAD;
    }
    return rate >= percent - tolerancePoints ? Status.WITHIN : Status.BEHIND;
  }
}
