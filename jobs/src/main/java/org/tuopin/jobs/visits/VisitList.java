package org.tuopin.jobs.visits;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.tuopin.etl.model.PseudonymHash;
import org.tuopin.warehouse.DuckDb;

/**
 * {@code ./tuopin visits}: the published leads and alerts of one county and period, resolved to
 * names through the county's own landing files, written as the cadres' workbook. Personal data are
 * read from the landing files only and written only to that workbook, created owner-only (0600);
 * nothing personal is printed, logged or written elsewhere.
 */
public final class VisitList {
  /** What was written: subjects listed, those resolved to a landing record, the file. */
  public record Outcome(int subjects, int resolved, Path file) {}

  /** Where the list goes and what it reads. */
  public record Request(
      Path published,
      Path landing,
      Path data,
      String county,
      YearMonth period,
      Path out,
      int visitDays,
      int deadlineDay,
      LocalDate today) {}

  private VisitList() {}

  public static Outcome write(Request request, byte[] key) throws IOException, SQLException {
    Path out = allowedOutput(request.out(), request.data());
    List<VisitSubject> subjects;
    String countyName;
    try (Connection published = DuckDb.openReadOnly(request.published())) {
      countyName = countyName(published, request.county());
      subjects =
          PublishedVisits.read(
              published, request.county(), request.period(), request.deadlineDay());
    }
    LandingIdentities identities =
        LandingIdentities.read(
            request.landing(), request.county(), request.period(), new PseudonymHash(key));
    List<VisitWorkbook.Line> lines =
        subjects.stream()
            .map(s -> new VisitWorkbook.Line(s, identities.of(s.subjectKey()).orElse(null)))
            .toList();
    int resolved = (int) lines.stream().filter(l -> l.identity() != null).count();
    if (!subjects.isEmpty() && resolved == 0) {
      throw new IllegalStateException(
          "None of the "
              + subjects.size()
              + " households and persons to visit in "
              + request.county()
              + " "
              + request.period()
              + " was found in the landing files ("
              + identities.size()
              + " identifiers read): the pseudonym key is not the one this warehouse was built"
              + " with, or --landing is not where the county's files landed. Nothing written.");
    }
    writeOwnerOnly(out, countyName, request, lines);
    return new Outcome(subjects.size(), resolved, out);
  }

  /**
   * The output path, refused inside the data folder except under data/restricted/ (the published
   * warehouse, logs and bulletins must never hold names).
   */
  static Path allowedOutput(Path out, Path data) throws IOException {
    Path file = real(out.toAbsolutePath().normalize());
    Path dataFolder = real(data.toAbsolutePath().normalize());
    if (file.startsWith(dataFolder) && !file.startsWith(dataFolder.resolve("restricted"))) {
      throw new IllegalArgumentException(
          "--out "
              + out
              + " is inside the data folder "
              + data
              + ": a visit list holds names and identity numbers, so it may go only under "
              + dataFolder.resolve("restricted")
              + " or outside the data folder");
    }
    return file;
  }

  /** The path with its existing part's links resolved, so a link cannot lead into data/. */
  private static Path real(Path path) throws IOException {
    Path existing = path;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing == null ? path : existing.toRealPath().resolve(existing.relativize(path));
  }

  private static String countyName(Connection published, String county) throws SQLException {
    try (PreparedStatement s =
        published.prepareStatement(
            "SELECT region_name FROM dim_region WHERE region_code = ? AND region_level ="
                + " 'county'")) {
      s.setString(1, county);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw new IllegalArgumentException(
              "--county " + county + ": no such county is published");
        }
        return r.getString(1);
      }
    }
  }

  /** Written beside the target as an owner-only file, then moved over it. */
  private static void writeOwnerOnly(
      Path out, String countyName, Request request, List<VisitWorkbook.Line> lines)
      throws IOException {
    Files.createDirectories(out.getParent());
    Path partial =
        Files.createTempFile(
            out.getParent(),
            ".visits-",
            ".partial",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      try (OutputStream stream = Files.newOutputStream(partial)) {
        VisitWorkbook.write(
            stream, countyName, request.period(), lines, request.visitDays(), request.today());
      }
      Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
