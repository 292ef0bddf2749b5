package org.tuopin.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/** The {@code serve} section of conf/tuopin.yaml: the server's limits. */
public record ServerSettings(
    Integer queryTimeoutSeconds,
    Long maxRows,
    Integer maxConcurrentQueries,
    Integer queueSeconds,
    Integer tokenSeconds,
    Integer suppressBelow) {
  public static final ServerSettings DEFAULT = new ServerSettings(60, 1_000_000L, 4, 30, 3600, 5);

  public ServerSettings {
    queryTimeoutSeconds = positive("queryTimeoutSeconds", queryTimeoutSeconds, 60);
    maxRows = maxRows == null ? 1_000_000L : maxRows;
    if (maxRows < 1) {
      throw new IllegalArgumentException("serve.maxRows: 1 or more");
    }
    maxConcurrentQueries = positive("maxConcurrentQueries", maxConcurrentQueries, 4);
    queueSeconds = positive("queueSeconds", queueSeconds, 30);
    tokenSeconds = positive("tokenSeconds", tokenSeconds, 3600);
    suppressBelow = suppressBelow == null ? 5 : suppressBelow;
    if (suppressBelow < 0) {
      throw new IllegalArgumentException("serve.suppressBelow: 0 or more");
    }
  }

  Duration queryTimeout() {
    return Duration.ofSeconds(queryTimeoutSeconds);
  }

  Duration tokenLifetime() {
    return Duration.ofSeconds(tokenSeconds);
  }

  private static int positive(String name, Integer value, int otherwise) {
    if (value == null) {
      return otherwise;
    }
    if (value < 1) {
      throw new IllegalArgumentException("serve." + name + ": 1 or more");
    }
    return value;
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
