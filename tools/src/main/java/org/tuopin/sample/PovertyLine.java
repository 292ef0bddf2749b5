package org.tuopin.sample;

/** The national rural poverty line in current prices (yuan per person per year). */
final class PovertyLine {
  private PovertyLine() {}

  static int of(int year) {
    return switch (year) {
      case 2013, 2014 -> 2800;
      case 2015 -> 2855;
      case 2016, 2017 -> 2952;
      case 2018 -> 2995;
      case 2019 -> 3218;
      default -> 4000;
    };
  }
}
