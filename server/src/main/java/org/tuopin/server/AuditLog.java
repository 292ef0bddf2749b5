package org.tuopin.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Locale;
import org.tuopin.warehouse.Digests;

/**
 * Every statement the server was sent, one JSON line each in {@code
 * data/restricted/audit/queries.jsonl} (folder 0700, file 0600): when, who, the SHA-256 of the
 * statement, the outcome, the rows actually sent and the milliseconds taken. Never the statement's
 * text or any value of a result (an error message can quote data, so only the outcome's kind is
 * kept).
 */
final class AuditLog {
  /** What became of a statement. */
  enum Outcome {
    ANSWERED,
    REFUSED,
    FAILED,
    TIMED_OUT,
    TOO_MANY_ROWS,
    BUSY,
    /** Asked for and never fetched: dropped after serve.unfetchedSeconds. */
    UNFETCHED,
    /** The client went away while the rows were being sent. */
    CANCELLED
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;

  AuditLog(Path restricted) {
    this.file = restricted.resolve("audit").resolve("queries.jsonl");
  }

  Path file() {
    return file;
  }

  synchronized void record(String user, String sql, Outcome outcome, long rows, long millis) {
    ObjectNode line = JSON.createObjectNode();
    line.put("time", Instant.now().toString());
    line.put("user", user);
    line.put("statement_sha256", sha256(sql));
    line.put("outcome", outcome.name().toLowerCase(Locale.ROOT));
    line.put("refused", outcome == Outcome.REFUSED);
    line.put("rows", rows);
    line.put("millis", millis);
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(
            file.getParent(),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setPosixFilePermissions(
            file.getParent(), PosixFilePermissions.fromString("rwx------"));
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      Files.writeString(
          file,
          JSON.writeValueAsString(line) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the audit log " + file, e);
    }
  }

  static String sha256(String sql) {
    return Digests.sha256(sql);
  }
}
