package org.tuopin.etl.source;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.tuopin.warehouse.Digests;

/**
 * A file found in the landing area. Offices name files after people ({@code 张三_身份证号.xlsx}), so a
 * file's own name is personal data: everything Tuopin writes or prints names it by {@code name},
 * {@code <source>/<folder>/<the first 12 hex digits of the SHA-256 of its bytes>.<extension>} (the
 * folder is the period's, {@code 2021-12}, or the population's year), and only {@code location},
 * where a worker reads it, holds the real path.
 *
 * @param sha256 the SHA-256 of its bytes, in hex
 */
public record LandingFile(String source, String name, String location, String sha256)
    implements Serializable {
  private static final String SEPARATOR = "\u0001";
  private static final int NAME_HEX_DIGITS = 12;

  public LandingFile {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(sha256, "sha256");
  }

  /** The file at {@code file}, of {@code source}: its bytes are read once, for their digest. */
  public static LandingFile of(String source, Path file) {
    String sha256 = Digests.sha256(file);
    return new LandingFile(
        source, publicName(source, file, sha256), file.toAbsolutePath().toString(), sha256);
  }

  /** The name the file goes by: {@code <source>/<folder>/<12 hex digits>.<extension>}. */
  static String publicName(String source, Path file, String sha256) {
    String own = file.getFileName().toString();
    int dot = own.lastIndexOf('.');
    String extension = dot <= 0 ? "" : own.substring(dot);
    Path folder = file.getParent();
    String folderName = folder == null ? "" : folder.getFileName().toString() + "/";
    return source + "/" + folderName + sha256.substring(0, NAME_HEX_DIGITS) + extension;
  }

  /** A one-string form, so the file list travels as a plain {@code Dataset<String>}. */
  public String encode() {
    return source + SEPARATOR + name + SEPARATOR + location + SEPARATOR + sha256;
  }

  public static LandingFile decode(String encoded) {
    String[] parts = encoded.split(SEPARATOR, 4);
    return new LandingFile(parts[0], parts[1], parts[2], parts[3]);
  }

  public String extension() {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
