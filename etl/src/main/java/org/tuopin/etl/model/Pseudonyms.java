package org.tuopin.etl.model;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.upper;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Keyed pseudonyms (HMAC-SHA-256, first 128 bits in hex) for households and persons. The same
 * identifier gets the same pseudonym in every month and county, so duplicates can be found, but
 * without the key nobody can go back from a pseudonym to an identity number.
 */
public final class Pseudonyms {
  private final UserDefinedFunction hmac;

  public Pseudonyms(byte[] key) {
    if (key.length < 16) {
      throw new IllegalArgumentException("The pseudonym key must be at least 16 bytes long");
    }
    this.hmac = udf(new Hmac(key.clone()), DataTypes.StringType);
  }

  /** household_key from the registry's household_id (户编号). */
  public Column household(Column householdId) {
    return hmac.apply(concat(lit("household|"), householdId));
  }

  /** person_key from an identity number; X and x are the same number. */
  public Column person(Column idNumber) {
    return hmac.apply(concat(lit("person|"), upper(idNumber)));
  }

  private static final class Hmac implements UDF1<String, String> {
    private static final long serialVersionUID = 1L;
    private final byte[] key;
    private transient Mac mac;

    Hmac(byte[] key) {
      this.key = key;
    }

    @Override
    public String call(String value) {
      if (value == null) {
        return null;
      }
      if (mac == null) {
        mac = newMac(key);
      }
      byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
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
}
