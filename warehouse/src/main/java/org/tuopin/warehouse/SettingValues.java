package org.tuopin.warehouse;

/** Checks of conf/tuopin.yaml's values, shared by the settings records of every module. */
public final class SettingValues {
  private SettingValues() {}

  /**
   * The value, or {@code otherwise} when it is left out; refused, naming its key, below the
   * minimum.
   *
   * @param key the value's key as the file writes it ({@code serve.maxRows})
   */
  public static int atLeast(String key, Integer value, int otherwise, int minimum) {
    if (value == null) {
      return otherwise;
    }
    if (value < minimum) {
      throw new IllegalArgumentException(key + ": " + minimum + " or more, not " + value);
    }
    return value;
  }
}
