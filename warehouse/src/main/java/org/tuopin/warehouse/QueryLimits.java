package org.tuopin.warehouse;

import java.time.Duration;

/**
 * What one query of the query path ({@code ./tuopin sql} and the commands that read the published
 * file) may use: DuckDB's memory, the disk it may spill to, and the time it may run. The {@code
 * query} section of conf/tuopin.yaml; each key may be left out for its default.
 *
 * @param memoryMegabytes DuckDB's memory limit (on top of the JVM's own)
 * @param spillMegabytes how much it may spill, into a folder of the process's own (0: nothing)
 * @param timeoutSeconds a statement still running after this is stopped
 * @param maxRows a result longer than this is refused (DuckDB holds a result whole)
 */
public record QueryLimits(
    Integer memoryMegabytes, Integer spillMegabytes, Integer timeoutSeconds, Integer maxRows) {
  public static final QueryLimits DEFAULT = new QueryLimits(null, null, null, null);

  public QueryLimits {
    memoryMegabytes = SettingValues.atLeast("query.memoryMegabytes", memoryMegabytes, 2048, 64);
    spillMegabytes = SettingValues.atLeast("query.spillMegabytes", spillMegabytes, 4096, 0);
    timeoutSeconds = SettingValues.atLeast("query.timeoutSeconds", timeoutSeconds, 300, 1);
    maxRows = SettingValues.atLeast("query.maxRows", maxRows, 1_000_000, 1);
  }

  public Duration timeout() {
    return Duration.ofSeconds(timeoutSeconds);
  }

  /** These limits with any of them replaced (a null keeps the current one). */
  public QueryLimits with(Integer memory, Integer spill, Integer timeout, Integer rows) {
    return new QueryLimits(
        memory == null ? memoryMegabytes : memory,
        spill == null ? spillMegabytes : spill,
        timeout == null ? timeoutSeconds : timeout,
        rows == null ? maxRows : rows);
  }

  /** The query with the row cap in it, so that DuckDB never builds a longer result. */
  public String capped(String query) {
    return "SELECT * FROM (\n" + query + "\n) LIMIT " + (maxRows + 1L);
  }
}
