package org.tuopin.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

/**
 * A published warehouse made from a few hand-written rows: the statements fill the lake tables of
 * an empty schema, which are written as lake partitions and published by the real {@link
 * Publisher}. For the tests of what reads a publish (the bulletin).
 */
public final class HandMadeWarehouse {
  private HandMadeWarehouse() {}

  /** Publishes the rows under {@code root} (lake/, serving/) and returns the published file. */
  public static Path publish(Path root, List<RunSource> runs, String... inserts) throws Exception {
    Path lake = root.resolve("lake");
    Path serving = root.resolve("serving");
    try (Connection connection = TestWarehouse.withSchema();
        Statement s = connection.createStatement()) {
      for (String insert : inserts) {
        s.execute(insert);
      }
      PublisherTestLake.write(s, lake);
    }
    Publisher publisher =
        new Publisher(
            lake,
            serving,
            new PublishSettings(
                5,
                List.of(),
                List.of(),
                List.of(),
                2,
                PublishSettings.DEFAULT_LEAGUE_MINIMUM_SHARE,
                PublishSettings.Monitoring.DEFAULT));
    publisher.publish(runs, List.of());
    return publisher.servingFile();
  }
}
