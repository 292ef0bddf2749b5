package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.try_to_date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.tuopin.etl.TestSpark;

class DigitDatesTest {
  /**
   * Texts near the plain forms (real and impossible days, leap years, years below 1000, other
   * digits, blanks, signs, one-digit parts) give what Spark's own parser gives for the pattern.
   */
  @Test
  void everyTextGivesWhatSparksParserGives() {
    List<String> texts = new ArrayList<>(fixedTexts());
    Random random = new Random(7);
    String others = "-- +/年１٣";
    for (int i = 0; i < 4000; i++) {
      String separator = random.nextBoolean() ? "-" : "";
      StringBuilder text =
          new StringBuilder()
              .append(1890 + random.nextInt(150))
              .append(separator)
              .append(String.format("%02d", random.nextInt(14)))
              .append(separator)
              .append(String.format("%02d", random.nextInt(33)));
      if (random.nextInt(5) == 0) {
        text.setCharAt(
            random.nextInt(text.length()), others.charAt(random.nextInt(others.length())));
      }
      texts.add(text.toString());
    }
    texts.add(null);
    Dataset<Row> dates =
        TestSpark.session()
            .createDataset(texts, Encoders.STRING())
            .toDF("text")
            .select(
                col("text"),
                DigitDates.dashed(col("text")).as("dashed"),
                try_to_date(col("text"), "yyyy-M-d").as("dashed_by_spark"),
                DigitDates.compact(col("text")).as("compact"),
                try_to_date(col("text"), "yyyyMMdd").as("compact_by_spark"));
    List<Row> rows = dates.collectAsList();
    assertEquals(texts.size(), rows.size());
    int parsed = 0;
    for (Row row : rows) {
      assertEquals(row.get(2), row.get(1), "yyyy-M-d of " + row.get(0));
      assertEquals(row.get(4), row.get(3), "yyyyMMdd of " + row.get(0));
      parsed += (row.get(1) == null ? 0 : 1) + (row.get(3) == null ? 0 : 1);
    }
    assertTrue(parsed > 1000, "most texts near the plain forms are days: " + parsed);
  }

  @Test
  void onlyRealDaysInThePlainFormsAreAnsweredDirectly() {
    assertEquals(18793, DigitDates.dashedEpochDay("2021-06-15"));
    assertEquals(18793, DigitDates.compactEpochDay("20210615"));
    assertEquals(-1, DigitDates.dashedEpochDay("1969-12-31"));
    assertEquals(null, DigitDates.dashedEpochDay("2021-02-29"));
    assertEquals(null, DigitDates.dashedEpochDay("2021-6-15"));
    assertEquals(null, DigitDates.dashedEpochDay("0999-06-15"));
    assertEquals(null, DigitDates.dashedEpochDay("２０２１-06-15"));
    assertEquals(null, DigitDates.compactEpochDay("2021-06-15"));
    assertEquals(null, DigitDates.compactEpochDay(null));
  }

  private static List<String> fixedTexts() {
    List<String> texts = new ArrayList<>();
    for (String year : List.of("2020", "2021", "1900", "2000", "0999", "1000", "9999", "0000")) {
      for (String month : List.of("00", "01", "02", "06", "12", "13", "1")) {
        for (String day : List.of("00", "01", "28", "29", "30", "31", "32", "5")) {
          texts.add(year + "-" + month + "-" + day);
          texts.add(year + month + day);
          texts.add(" " + year + "-" + month + "-" + day);
        }
      }
    }
    texts.addAll(List.of("", "+2021-06-15", "2021-06-15 ", "2021-06-15T00:00", "20210615 "));
    return texts;
  }
}
