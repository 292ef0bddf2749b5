package org.tuopin.etl.source;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * A file found in the landing area. {@code name} is its path relative to the landing root (what
 * messages and published tables show); {@code location} is where a worker reads it.
 */
public record LandingFile(String source, String name, String location) implements Serializable {
  private static final String SEPARATOR = "\u0001";

  public LandingFile {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(location, "location");
  }

  public static LandingFile of(String source, Path landingRoot, Path file) {
    String name = landingRoot.relativize(file).toString().replace('\\', '/');
    return new LandingFile(source, name, file.toAbsolutePath().toString());
  }

  /** A one-string form, so the file list travels as a plain {@code Dataset<String>}. */
  public String encode() {
    return source + SEPARATOR + name + SEPARATOR + location;
  }

  public static LandingFile decode(String encoded) {
    String[] parts = encoded.split(SEPARATOR, 3);
    return new LandingFile(parts[0], parts[1], parts[2]);
  }

  public String extension() {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
