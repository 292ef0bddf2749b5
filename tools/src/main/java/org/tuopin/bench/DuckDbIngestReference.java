package org.tuopin.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The landing CSV files converted to Parquet by DuckDB alone ({@code COPY (SELECT * FROM
 * read_csv(...)) TO ... (FORMAT parquet)}), one COPY per {@link LandingCsv} group in UTF-8, every
 * column text, no validation: one reference for Tuopin's ingest.
 */
public final class DuckDbIngestReference {
  private DuckDbIngestReference() {}

  public static List<IngestReference.Converted> measure(
      Connection connection, Path landing, Path output) throws SQLException, IOException {
    // DuckDB reads GB18030 only through an extension that would be downloaded
    return IngestReference.convertEach(
        LandingCsv.groups(landing).stream()
            .filter(group -> group.encoding().equals(LandingCsv.UTF_8))
            .toList(),
        output,
        (group, target) -> {
          String list =
              String.join(
                  ", ",
                  group.files().stream()
                      .map(p -> "'" + p.toString().replace("'", "''") + "'")
                      .toList());
          try (Statement s = connection.createStatement()) {
            s.execute(
                "COPY (SELECT * FROM read_csv(["
                    + list
                    + "], header = true, all_varchar = true, union_by_name = true)) TO '"
                    + target
                    + "' (FORMAT parquet)");
            try (ResultSet r =
                s.executeQuery("SELECT count(*) FROM read_parquet('" + target + "')")) {
              r.next();
              return r.getLong(1);
            }
          }
        });
  }
}
