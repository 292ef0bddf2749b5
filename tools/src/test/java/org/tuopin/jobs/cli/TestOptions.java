package org.tuopin.jobs.cli;

import java.nio.file.Path;

/** The options of a run over a test's own folders, with the repository's configuration. */
final class TestOptions {
  private TestOptions() {}

  static CommonOptions of(Path landing, Path data) {
    CommonOptions options = new CommonOptions();
    options.landing = landing;
    options.data = data;
    options.conf = Path.of("..", "conf", "tuopin.yaml").toAbsolutePath().normalize();
    return options;
  }

  /** {@code landing/} and {@code data/} under {@code work}. */
  static CommonOptions in(Path work) {
    return of(work.resolve("landing"), work.resolve("data"));
  }
}
