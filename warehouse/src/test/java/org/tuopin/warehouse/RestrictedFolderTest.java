package org.tuopin.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestrictedFolderTest {
  @TempDir Path temporary;

  @Test
  void everythingUnderTheFolderBecomesOwnerOnly() throws IOException {
    Path restricted = temporary.resolve("restricted");
    Path quarantine = Files.createDirectories(restricted.resolve("quarantine"));
    Files.setPosixFilePermissions(quarantine, PosixFilePermissions.fromString("rwxrwxrwx"));
    Files.writeString(quarantine.resolve("rows.parquet"), "x");
    Files.setPosixFilePermissions(
        quarantine.resolve("rows.parquet"), PosixFilePermissions.fromString("rw-r--r--"));

    RestrictedFolder.secure(restricted);

    assertEquals(
        Map.of(
            "", "rwx------",
            "quarantine", "rwx------",
            "quarantine/rows.parquet", "rw-------"),
        modes(restricted));
  }

  @Test
  void aFileGoneBeforeItsModeIsSetDoesNotStopTheWalk() throws IOException {
    // Spark deletes shuffle files under restricted/spark-local/ while the walk runs; a link to
    // nothing is such a file, gone when its mode is set.
    Path restricted = temporary.resolve("restricted");
    Path scratch = Files.createDirectories(restricted.resolve("spark-local/4686/39"));
    Files.createSymbolicLink(scratch.resolve("shuffle_39_377_0.data"), scratch.resolve("deleted"));
    Files.writeString(scratch.resolve("shuffle_39_378_0.data"), "x");

    RestrictedFolder.secure(restricted);

    assertEquals("rw-------", modes(restricted).get("spark-local/4686/39/shuffle_39_378_0.data"));
    assertEquals("rwx------", modes(restricted).get("spark-local/4686/39"));
  }

  private static Map<String, String> modes(Path root) throws IOException {
    Map<String, String> modes = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.filter(p -> !Files.isSymbolicLink(p)).toList()) {
        modes.put(
            root.relativize(p).toString().replace('\\', '/'),
            PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
      }
    }
    return modes;
  }
}
