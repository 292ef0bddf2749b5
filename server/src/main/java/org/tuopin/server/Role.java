package org.tuopin.server;

import java.util.Locale;

/**
 * What a user may see within their scope: analysts the aggregates (small village counts
 * suppressed), auditors the household-level rows as well.
 */
public enum Role {
  ANALYST,
  AUDITOR;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
