package org.tuopin.jobs.refresh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The pseudonym key, never in the repository: TUOPIN_PSEUDONYM_KEY, else the configured file, else
 * {@code <data>/restricted/pseudonym.key}, created with 32 random bytes on first use. The same key
 * must be used for every run over one warehouse, or keys stop matching.
 */
public final class PseudonymKey {
  public static final String ENVIRONMENT_VARIABLE = "TUOPIN_PSEUDONYM_KEY";

  private PseudonymKey() {}

  public static byte[] resolve(String fromEnvironment, Path configuredFile, Path restricted) {
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment.strip().getBytes(StandardCharsets.UTF_8);
    }
    if (configuredFile != null) {
      return readKey(configuredFile);
    }
    Path file = restricted.resolve("pseudonym.key");
    if (!Files.exists(file)) {
      create(file);
    }
    return readKey(file);
  }

  /** The same key, never a new one: for reading what a warehouse's pseudonyms stand for. */
  public static byte[] existing(String fromEnvironment, Path configuredFile, Path restricted) {
    Path file = configuredFile != null ? configuredFile : restricted.resolve("pseudonym.key");
    boolean fromFile = fromEnvironment == null || fromEnvironment.isBlank();
    if (fromFile && !Files.exists(file)) {
      throw new IllegalStateException(
          "No pseudonym key: neither "
              + ENVIRONMENT_VARIABLE
              + " nor "
              + file
              + " (the key the warehouse was built with is needed to resolve its pseudonyms)");
    }
    return resolve(fromEnvironment, configuredFile, restricted);
  }

  private static byte[] readKey(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8)
          .strip()
          .getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the pseudonym key file " + file, e);
    }
  }

  private static void create(Path file) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, HexFormat.of().formatHex(key) + "\n", StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      System.err.println(
          "Created a new pseudonym key in " + file + "; keep it, and keep it private.");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the pseudonym key file " + file, e);
    }
  }
}
