package org.tuopin.etl.staging;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tuopin.etl.TestRegions;
import org.tuopin.etl.TestSpark;
import org.tuopin.etl.source.Contracts;
import org.tuopin.etl.source.LandingFile;
import org.tuopin.etl.source.LandingReader;
import org.tuopin.etl.source.LandingRecords;
import org.tuopin.etl.source.SourceContract;

/**
 * Records are staged without CSV and JSON Lines rows' raw text; the quarantine gets each
 * quarantined row's own line back from its file, and rows that kept their text (a city table's,
 * several to a sheet row) pass through once each.
 */
class QuarantineTest {
  private static final String CSV_HEADER =
      "allocation_id,year,region_code,fund_source,indicator_code,amount_yuan,approved_on";
  private static final String CSV_MISSING_AMOUNT = "A2,2019,510802,central,relocation,,2019-12-02";
  private static final String CSV_TOO_MANY_FIELDS =
      "\"A3, quoted\",2019,510802,central,relocation,500,2019-12-02,extra";
  private static final String JSON_INCOMPLETE = "{\"txn_id\": \"T1\", \"paid_on\": \"2019-12-03\"}";
  private static final String JSON_CUT = "{\"txn_id\": \"T2\", \"paid_on\": ";
  private static final String JSON_ARRAY = "[1, 2]";

  @Test
  void aQuarantinedRowGetsItsOwnLineBackFromItsFileAndRowsWithTextPassThroughOnce(
      @TempDir Path landing) throws Exception {
    LandingFile csv =
        write(
            landing,
            Contracts.ALLOCATIONS,
            "a.csv",
            String.join(
                "\r\n",
                CSV_HEADER,
                "A1,2019,510802,central,relocation,500,2019-12-02",
                CSV_MISSING_AMOUNT,
                "",
                CSV_TOO_MANY_FIELDS,
                ""));
    LandingFile feed =
        write(
            landing,
            Contracts.DISBURSEMENTS,
            "feed.jsonl",
            String.join("\n", JSON_INCOMPLETE, JSON_CUT, "", JSON_ARRAY));
    List<LandingFile> files = List.of(csv, feed);
    Dataset<Row> records =
        LandingReader.read(
            TestSpark.session(), files, TestRegions.cityUnitNames(), LocalDate.of(2020, 11, 10), 1);
    assertEquals(
        0,
        records
            .filter(
                col(LandingRecords.KIND)
                    .equalTo(LandingRecords.KIND_ROW)
                    .and(col(LandingRecords.RAW_TEXT).isNotNull()))
            .count(),
        "rows read for staging carry no raw text");
    Dataset<Row> cityTableRows =
        TestSpark.rows(
            "source STRING, contract STRING, file_name STRING, line_number BIGINT, rule STRING,"
                + " rule_column STRING, raw_text STRING",
            new Object[] {
              "submissions", "city_table", "t.xlsx", 5L, "rate_mismatch", null, "易地搬迁 | 80%"
            },
            new Object[] {
              "submissions", "city_table", "t.xlsx", 5L, "rate_mismatch", null, "易地搬迁 | 90%"
            });
    Dataset<Row> quarantine =
        quarantined(records, Contracts.ALLOCATION)
            .unionByName(quarantined(records, Contracts.DISBURSEMENT))
            .unionByName(cityTableRows);

    Dataset<Row> filled =
        Quarantine.withRawText(
            quarantine,
            LandingReader.readWithRawText(
                TestSpark.session(),
                files,
                TestRegions.cityUnitNames(),
                LocalDate.of(2020, 11, 10),
                2));

    List<String> rows = new ArrayList<>();
    filled
        .collectAsList()
        .forEach(
            r ->
                rows.add(
                    r.getAs("file_name")
                        + ":"
                        + r.getAs("line_number")
                        + " "
                        + r.getAs("rule")
                        + " "
                        + r.getAs("raw_text")));
    Collections.sort(rows);
    assertEquals(
        List.of(
            csv.name() + ":3 missing_value " + CSV_MISSING_AMOUNT,
            csv.name() + ":5 field_count " + CSV_TOO_MANY_FIELDS,
            feed.name() + ":1 missing_value " + JSON_INCOMPLETE,
            feed.name() + ":2 invalid_json " + JSON_CUT,
            feed.name() + ":4 invalid_json " + JSON_ARRAY,
            "t.xlsx:5 rate_mismatch 易地搬迁 | 80%",
            "t.xlsx:5 rate_mismatch 易地搬迁 | 90%"),
        rows);
  }

  private static Dataset<Row> quarantined(Dataset<Row> records, SourceContract contract) {
    Dataset<Row> checked =
        Rule.check(Checks.rowsOf(records, contract), Checks.shapeRules(contract));
    return Staged.split(checked, List.of(col(LandingRecords.FILE_NAME))).quarantined();
  }

  private static LandingFile write(Path landing, String source, String name, String text)
      throws Exception {
    Path file = landing.resolve(source).resolve("2019-12").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return LandingFile.of(source, file);
  }
}
