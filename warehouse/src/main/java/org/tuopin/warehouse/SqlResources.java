package org.tuopin.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The SQL files under {@code sql/} on the class path, split into statements. */
final class SqlResources {
  private SqlResources() {}

  static String read(String path) {
    try (InputStream in = SqlResources.class.getResourceAsStream("/sql/" + path)) {
      if (in == null) {
        throw new IllegalStateException("Missing SQL resource sql/" + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read sql/" + path, e);
    }
  }

  /** Statements end with a semicolon at the end of a line. */
  static List<String> statements(String path) {
    return Arrays.stream(read(path).split(";\\s*(\\n|$)"))
        .map(String::strip)
        .filter(
            s ->
                !s.isEmpty() && !s.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--")))
        .toList();
  }
}
