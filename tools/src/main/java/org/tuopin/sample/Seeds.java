package org.tuopin.sample;

import java.util.Random;

/** Deterministic random streams, one per thing generated, so any window gives the same data. */
final class Seeds {
  private Seeds() {}

  static Random random(long seed, Object... parts) {
    long h = seed * 0x9E3779B97F4A7C15L;
    for (Object part : parts) {
      h = (h ^ part.hashCode()) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
    }
    return new Random(h);
  }

  static int between(Random random, int lowInclusive, int highInclusive) {
    return lowInclusive + random.nextInt(highInclusive - lowInclusive + 1);
  }

  static double between(Random random, double low, double high) {
    return low + random.nextDouble() * (high - low);
  }

  /** Picks an index by weight. */
  static int weighted(Random random, double... weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
