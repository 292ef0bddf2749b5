package org.tuopin.etl;

/** Progress lines on the terminal (stderr), so stdout stays clean for query output. */
public final class Progress {
  private Progress() {}

  public static void step(String format, Object... args) {
    System.err.println("» " + String.format(format, args));
  }

  public static void detail(String format, Object... args) {
    System.err.println("    " + String.format(format, args));
  }
}
