package org.tuopin.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A landing file's name as Tuopin publishes it, worked out here from the file itself (docs/
 * sources.md): {@code <source>/<folder>/<the first 12 hex digits of the SHA-256 of its
 * bytes>.<extension>}.
 */
final class PublishedFileName {
  private PublishedFileName() {}

  /** The published name of the file at {@code relative} (source/folder/name) under the landing. */
  static String of(Path landing, String relative) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(Files.readAllBytes(landing.resolve(relative)));
      String[] parts = relative.replace('\\', '/').split("/");
      String own = parts[parts.length - 1];
      int dot = own.lastIndexOf('.');
      return parts[0]
          + "/"
          + parts[1]
          + "/"
          + HexFormat.of().formatHex(digest).substring(0, 12)
          + (dot <= 0 ? "" : own.substring(dot));
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read landing file " + relative, e);
    }
  }
}
