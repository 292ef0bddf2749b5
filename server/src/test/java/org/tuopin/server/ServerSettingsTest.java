package org.tuopin.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serve section: defaults, explicit values, and what is refused. */
class ServerSettingsTest {
  @TempDir Path folder;

  private ServerSettings read(String yaml) throws Exception {
    Path conf = folder.resolve("tuopin.yaml");
    Files.writeString(conf, yaml);
    return ServerSettings.read(conf);
  }

  @Test
  void whatIsLeftOutTakesItsDefault() throws Exception {
    ServerSettings settings = read("regions: r.csv\n");
    assertEquals(
        new ServerSettings(60, 1_000_000L, 4, 2, 30, 30, 3600, 5, 5, 900, 2, 1024, 4096), settings);
    assertEquals(ServerSettings.DEFAULT, settings);
  }

  @Test
  void explicitValuesAreKept() throws Exception {
    ServerSettings settings =
        read("serve: {maxQueriesPerUser: 1, unfetchedSeconds: 5, signInFailuresAllowed: 3}\n");
    assertEquals(1, settings.maxQueriesPerUser());
    assertEquals(5, settings.unfetchedSeconds());
    assertEquals(3, settings.signInFailuresAllowed());
    assertEquals(4, settings.maxConcurrentQueries(), "left out: the default");
  }

  @Test
  void anUnknownKeyOrAValueOutOfRangeIsRefusedNamingIt() {
    assertTrue(
        assertThrows(Exception.class, () -> read("serve: {maxQueries: 3}\n"))
            .getMessage()
            .contains("maxQueries"));
    assertTrue(
        assertThrows(Exception.class, () -> read("serve: {signInsAtOnce: 0}\n"))
            .getMessage()
            .contains("serve.signInsAtOnce: 1 or more, not 0"));
  }
}
