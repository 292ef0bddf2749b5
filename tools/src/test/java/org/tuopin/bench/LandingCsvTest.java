package org.tuopin.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest references' input: CSV files grouped by source, encoding and header, a repeated header
 * name numbered; DuckDB converts the UTF-8 groups only.
 */
class LandingCsvTest {
  @Test
  void filesAreGroupedByEncodingAndHeaderAndDuckDbConvertsTheUtf8Ones(@TempDir Path landing)
      throws Exception {
    Path month = Files.createDirectories(landing.resolve("registry").resolve("2021-06"));
    String header = "household_id,note,note\n";
    Files.writeString(month.resolve("a.csv"), header + "H1,x,y\nH2,\"a,b\",z\n");
    Files.writeString(month.resolve("c.csv"), "\uFEFF" + header + "H3,,\n");
    Files.write(month.resolve("b.csv"), "户编号,备注\nH4,苍溪县\n".getBytes(Charset.forName("GB18030")));
    Files.writeString(landing.resolve("registry").resolve("notes.txt"), "not a CSV file");
    // longer than the head the grouping reads, which would end inside a character
    Files.writeString(month.resolve("d.csv"), header + "H9,苍溪县,是\n".repeat(10_000));

    List<LandingCsv> groups = LandingCsv.groups(landing);

    assertEquals(2, groups.size(), groups::toString);
    LandingCsv gb18030 = groups.get(0);
    assertEquals("GB18030", gb18030.encoding());
    assertEquals(List.of("户编号", "备注"), gb18030.columns());
    assertEquals(List.of(month.resolve("b.csv")), gb18030.files());
    LandingCsv utf8 = groups.get(1);
    assertEquals("UTF-8", utf8.encoding());
    assertEquals(List.of("household_id", "note", "note_2"), utf8.columns());
    assertEquals(
        List.of(month.resolve("a.csv"), month.resolve("c.csv"), month.resolve("d.csv")),
        utf8.files());

    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
      List<IngestReference.Converted> converted =
          DuckDbIngestReference.measure(duckdb, landing, landing.resolve("out"));
      // a.csv's two rows (one with a quoted comma), c.csv's one, d.csv's 10,000; b.csv is GB18030
      assertEquals(1, converted.size());
      assertEquals("registry", converted.get(0).source());
      assertEquals(10_003, converted.get(0).rows());
    }
  }
}
