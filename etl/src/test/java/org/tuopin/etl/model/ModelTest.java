package org.tuopin.etl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.tuopin.etl.TestSpark;

class ModelTest {
  private static final String SUBMISSION_DDL =
      "period DATE, region_code STRING, indicator_code STRING, annual_target DECIMAL(18,2),"
          + " cumulative_completed DECIMAL(18,2), reported_at DATE, file_name STRING, line_number"
          + " BIGINT";

  private static Object[] observation(String completed, String reportedAt, String file) {
    return new Object[] {
      Date.valueOf("2019-12-01"),
      "510802",
      "relocation",
      new BigDecimal("100.00"),
      new BigDecimal(completed),
      Date.valueOf(reportedAt),
      file,
      2L
    };
  }

  @Test
  void aFigureGetsANewVersionOnlyWhenItsValuesChange() {
    Dataset<Row> submissions =
        TestSpark.rows(
            SUBMISSION_DDL,
            observation("90.00", "2020-01-05", "a.csv"),
            observation("95.00", "2020-01-08", "c.csv"),
            observation("95.00", "2020-01-09", "d.csv"),
            // same day as c.csv but ingested earlier: ordered before it
            observation("92.00", "2020-01-08", "b.csv"));
    Dataset<Row> ingested =
        TestSpark.rows(
            "file_name STRING, first_ingested_at TIMESTAMP",
            new Object[] {"a.csv", Timestamp.valueOf("2020-01-06 00:00:00")},
            new Object[] {"b.csv", Timestamp.valueOf("2020-01-08 09:00:00")},
            new Object[] {"c.csv", Timestamp.valueOf("2020-01-08 10:00:00")},
            new Object[] {"d.csv", Timestamp.valueOf("2020-01-09 10:00:00")});

    List<Row> versions =
        FactProgress.build(submissions, ingested).orderBy("version").collectAsList();

    assertEquals(
        List.of("1:90.00", "2:92.00", "3:95.00"),
        versions.stream()
            .map(r -> r.getAs("version") + ":" + r.getAs("cumulative_completed"))
            .toList());
  }

  @Test
  void aCountyThatSentNoSnapshotKeepsItsLatestOneFlaggedCarriedForward() {
    String ddl =
        "period DATE, household_key STRING, county_code STRING, status STRING, carried_forward"
            + " BOOLEAN";
    Dataset<Row> november =
        TestSpark.rows(
            ddl,
            new Object[] {Date.valueOf("2019-11-01"), "a1", "510802", "未脱贫", false},
            new Object[] {Date.valueOf("2019-11-01"), "b1", "510811", "已脱贫", false},
            new Object[] {Date.valueOf("2019-11-01"), "b2", "510811", "返贫", true});
    Dataset<Row> decemberSent =
        TestSpark.rows(
            ddl, new Object[] {Date.valueOf("2019-12-01"), "a1", "510802", "已脱贫", false});

    List<String> december =
        CarryForward.apply(decemberSent, november, LocalDate.of(2019, 12, 1))
            .collectAsList()
            .stream()
            .map(
                r ->
                    r.getAs("period")
                        + " "
                        + r.getAs("household_key")
                        + " "
                        + r.getAs("status")
                        + " "
                        + r.getAs("carried_forward"))
            .sorted()
            .toList();

    assertEquals(
        List.of("2019-12-01 a1 已脱贫 false", "2019-12-01 b1 已脱贫 true", "2019-12-01 b2 返贫 true"),
        december);
  }

  @Test
  void pseudonymsAreKeyedStableAndCarryNoTraceOfTheInput() {
    byte[] key = "a test key, not a real one".getBytes(StandardCharsets.UTF_8);
    Pseudonyms pseudonyms = new Pseudonyms(key);
    Dataset<Row> ids =
        TestSpark.rows(
            "id STRING", new Object[] {"11010519491231002X"}, new Object[] {"11010519491231002X"});
    List<Row> keys =
        ids.select(pseudonyms.person(org.apache.spark.sql.functions.col("id")).as("k"))
            .collectAsList();
    String expected = hmacSha256Hex32(key, "person|11010519491231002X");

    assertEquals(expected, keys.get(0).getString(0));
    assertEquals(expected, keys.get(1).getString(0));
    assertEquals(false, expected.contains("1101051949"));
    assertEquals(16, HexFormat.of().parseHex(expected).length);
  }

  /** HMAC-SHA-256 of the text, first 16 bytes in hex, computed with the JDK directly. */
  private static String hmacSha256Hex32(byte[] key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
