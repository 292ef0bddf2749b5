package org.tuopin.etl.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tuopin.etl.TestRegions;
import org.tuopin.etl.TestSpark;
import org.tuopin.etl.source.Contracts;
import org.tuopin.etl.source.LandingFile;
import org.tuopin.etl.source.LandingReader;

class JsonLinesTest {
  @Test
  void everyLineOfAFeedIsARecordAndALineThatIsNoObjectIsQuarantinedAsInvalidJson(
      @TempDir Path landing) throws Exception {
    Path feed = landing.resolve("disbursements").resolve("2019-12").resolve("finance-feed.jsonl");
    Files.createDirectories(feed.getParent());
    Files.writeString(
        feed,
        String.join(
            "\n",
            "{\"txn_id\": \"T1\", \"支付日期\": \"2019-12-03\", \"region_code\": \"510802\","
                + " \"fund_source\": \"central\", \"indicator_code\": \"relocation\", \"金额(元)\":"
                + " 1200.5, \"operator\": \"x\"}",
            "",
            "{\"txn_id\": \"T2\", \"paid_on\": ",
            "[1, 2]",
            "{\"txn_id\": \"T3\", \"paid_on\": \"2019-12-04\", \"region_code\": \"510802\","
                + " \"fund_source\": \"中央财政专项扶贫资金\", \"indicator_code\": \"relocation\","
                + " \"amount_yuan\": \"-1,200.50\", \"reverses_txn_id\": \"T1\"}",
            ""),
        StandardCharsets.UTF_8);

    Dataset<Row> records =
        LandingReader.read(
            TestSpark.session(),
            List.of(LandingFile.of(Contracts.DISBURSEMENTS, feed)),
            TestRegions.cityUnitNames(),
            LocalDate.of(2020, 11, 10),
            1);
    Dataset<Row> checked =
        Rule.check(
            Checks.rowsOf(records, Contracts.DISBURSEMENT),
            Checks.shapeRules(Contracts.DISBURSEMENT));

    Map<Long, String> outcome = new TreeMap<>();
    for (Row r : checked.collectAsList()) {
      outcome.put(
          r.getAs("line_number"),
          r.getAs("rule") == null
              ? Parse.class.getSimpleName()
                  + ":"
                  + r.getAs("text_txn_id")
                  + "/"
                  + r.getAs("text_paid_on")
                  + "/"
                  + r.getAs("text_amount_yuan")
              : (String) r.getAs("rule"));
    }
    assertEquals(
        Map.of(
            1L, "Parse:T1/2019-12-03/1200.5",
            3L, "invalid_json",
            4L, "invalid_json",
            5L, "Parse:T3/2019-12-04/-1,200.50"),
        outcome);
    Row file = records.filter("kind = 'file'").first();
    assertEquals(List.of("operator"), file.getList(file.fieldIndex("ignored_columns")));
  }
}
