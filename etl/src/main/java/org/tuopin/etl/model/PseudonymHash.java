package org.tuopin.etl.model;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash behind every pseudonym (HMAC-SHA-256, first 128 bits in hex), in plain Java: the
 * Spark jobs apply it to columns ({@link Pseudonyms}), and the county's visit lists apply it to the
 * county's own landing files to find whom a pseudonym stands for. One definition, so both give the
 * same key for the same identifier.
 */
public final class PseudonymHash implements Serializable {
  private static final long serialVersionUID = 1L;
  private final byte[] key;
  private transient Mac mac;

  public PseudonymHash(byte[] key) {
    if (key.length < 16) {
      throw new IllegalArgumentException("The pseudonym key must be at least 16 bytes long");
    }
    this.key = key.clone();
  }

  /** household_key from the registry's household_id (户编号). */
  public String household(String householdId) {
    return of("household|" + householdId);
  }

  /** person_key from an identity number; X and x are the same number. */
  public String person(String idNumber) {
    return of("person|" + idNumber.toUpperCase(Locale.ROOT));
  }

  /** The hash of a text already prefixed with its kind; null for null. */
  String of(String text) {
    if (text == null) {
      return null;
    }
    if (mac == null) {
      mac = newMac(key);
    }
    return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
  }

  private static Mac newMac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }
}
