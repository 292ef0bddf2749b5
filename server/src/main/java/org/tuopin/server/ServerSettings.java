package org.tuopin.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.tuopin.warehouse.SettingValues;

/**
 * The {@code serve} section of conf/tuopin.yaml: the server's limits. Each key may be left out for
 * its default; an unknown key or a value out of range is an error when the file is read.
 *
 * @param queryTimeoutSeconds a query still running (or streaming) after this is cancelled
 * @param maxRows a result longer than this is refused
 * @param maxConcurrentQueries queries running or streaming at once, over all users
 * @param maxQueriesPerUser queries running or streaming at once for one user
 * @param queueSeconds how long a query waits for its turn before it is refused as busy
 * @param unfetchedSeconds a result asked for and not fetched within this is dropped
 * @param tokenSeconds how long a sign-in's bearer token lasts
 * @param suppressBelow for analysts, a village count under this is suppressed (with complements)
 * @param signInFailuresAllowed failed sign-ins in a row (per user, per address) before the delay
 * @param signInMaxDelaySeconds the longest delay after failed sign-ins (it doubles up to this)
 * @param signInsAtOnce passwords hashed at once (19 MiB each)
 * @param memoryMegabytes DuckDB's memory for building and reading each scope's extract
 * @param spillMegabytes how much each scope's extract may spill to disk (0: nothing)
 */
public record ServerSettings(
    Integer queryTimeoutSeconds,
    Long maxRows,
    Integer maxConcurrentQueries,
    Integer maxQueriesPerUser,
    Integer queueSeconds,
    Integer unfetchedSeconds,
    Integer tokenSeconds,
    Integer suppressBelow,
    Integer signInFailuresAllowed,
    Integer signInMaxDelaySeconds,
    Integer signInsAtOnce,
    Integer memoryMegabytes,
    Integer spillMegabytes) {
  public static final ServerSettings DEFAULT =
      new ServerSettings(
          null, null, null, null, null, null, null, null, null, null, null, null, null);

  public ServerSettings {
    queryTimeoutSeconds =
        SettingValues.atLeast("serve.queryTimeoutSeconds", queryTimeoutSeconds, 60, 1);
    maxRows = maxRows == null ? 1_000_000L : maxRows;
    if (maxRows < 1) {
      throw new IllegalArgumentException("serve.maxRows: 1 or more, not " + maxRows);
    }
    maxConcurrentQueries =
        SettingValues.atLeast("serve.maxConcurrentQueries", maxConcurrentQueries, 4, 1);
    maxQueriesPerUser = SettingValues.atLeast("serve.maxQueriesPerUser", maxQueriesPerUser, 2, 1);
    queueSeconds = SettingValues.atLeast("serve.queueSeconds", queueSeconds, 30, 1);
    unfetchedSeconds = SettingValues.atLeast("serve.unfetchedSeconds", unfetchedSeconds, 30, 1);
    tokenSeconds = SettingValues.atLeast("serve.tokenSeconds", tokenSeconds, 3600, 1);
    suppressBelow = SettingValues.atLeast("serve.suppressBelow", suppressBelow, 5, 0);
    signInFailuresAllowed =
        SettingValues.atLeast("serve.signInFailuresAllowed", signInFailuresAllowed, 5, 0);
    signInMaxDelaySeconds =
        SettingValues.atLeast("serve.signInMaxDelaySeconds", signInMaxDelaySeconds, 900, 1);
    signInsAtOnce = SettingValues.atLeast("serve.signInsAtOnce", signInsAtOnce, 2, 1);
    memoryMegabytes = SettingValues.atLeast("serve.memoryMegabytes", memoryMegabytes, 1024, 64);
    spillMegabytes = SettingValues.atLeast("serve.spillMegabytes", spillMegabytes, 4096, 0);
  }

  Duration queryTimeout() {
    return Duration.ofSeconds(queryTimeoutSeconds);
  }

  Duration tokenLifetime() {
    return Duration.ofSeconds(tokenSeconds);
  }

  ScopedWarehouse.Limits extractLimits() {
    return new ScopedWarehouse.Limits(memoryMegabytes, spillMegabytes, 2);
  }

  /** These settings with other query limits (tests). */
  ServerSettings withQueries(
      int timeoutSeconds, long rows, int concurrent, int perUser, int queue, int unfetched) {
    return new ServerSettings(
        timeoutSeconds,
        rows,
        concurrent,
        perUser,
        queue,
        unfetched,
        tokenSeconds,
        suppressBelow,
        signInFailuresAllowed,
        signInMaxDelaySeconds,
        signInsAtOnce,
        memoryMegabytes,
        spillMegabytes);
  }

  /** These settings with other sign-in limits (tests). */
  ServerSettings withSignIns(int failuresAllowed, int maxDelaySeconds, int atOnce) {
    return new ServerSettings(
        queryTimeoutSeconds,
        maxRows,
        maxConcurrentQueries,
        maxQueriesPerUser,
        queueSeconds,
        unfetchedSeconds,
        tokenSeconds,
        suppressBelow,
        failuresAllowed,
        maxDelaySeconds,
        atOnce,
        memoryMegabytes,
        spillMegabytes);
  }

  /** The file's {@code serve} section (the defaults without one); an unknown key is an error. */
  public static ServerSettings read(Path conf) {
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try {
      JsonNode serve = yaml.readTree(conf.toFile()).get("serve");
      return serve == null || serve.isNull()
          ? DEFAULT
          : yaml.treeToValue(serve, ServerSettings.class);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the serve section of " + conf + ": " + e.getMessage(), e);
    }
  }
}
