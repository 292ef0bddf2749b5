package org.tuopin.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.tuopin.warehouse.Derivation.Grain;
import org.tuopin.warehouse.Derivation.Input;
import org.tuopin.warehouse.DerivedStore.Entry;
import org.tuopin.warehouse.LakeLayout.PartitionFiles;
import org.tuopin.warehouse.catalog.LakePartition;

/**
 * Brings the derived tables up to date with a lake snapshot. Each partition of each derived table
 * has a signature: a hash of its query, the configuration, and the identity of every input
 * partition it reads (a lake version; a derived partition's own signature; a small table's
 * content). A partition whose signature is the one in the manifest is kept as it is; the others are
 * built again. So a new month builds that month's partitions (and the next month's events, if a
 * month was inserted before it); a month re-run in the middle of the history builds what depends on
 * it, and a chain like household_state builds on, month after month, exactly as far as its inputs
 * changed.
 */
final class Deriver {
  private final DerivedStore store;
  private final PublishSettings settings;
  private final Path spill;
  private final Consumer<String> progress;

  /** Partitions built at once: DuckDB's per-query overhead is single-threaded on small months. */
  private static final int BUILDERS = 2;

  private final Map<String, String> knownFingerprints;
  private final Map<String, String> usedFingerprints = new HashMap<>();
  private Connection fingerprinting;

  Deriver(DerivedStore store, PublishSettings settings, Path spill, Consumer<String> progress) {
    this.store = store;
    this.settings = settings;
    this.spill = spill;
    this.progress = progress;
    this.knownFingerprints = new HashMap<>(store.loadFingerprints());
  }

  /** An input bound to its files, with the identity that goes into the signature. */
  private record BoundInput(Input input, List<Path> files, String identity) {}

  /**
   * @return the new manifest: table → partition → entry, for every partition the snapshot has
   */
  Map<String, Map<String, Entry>> update(LakeSnapshot lake) throws SQLException {
    Map<String, Map<String, Entry>> previous = store.load();
    Map<String, Map<String, Entry>> current = new LinkedHashMap<>();
    int built = 0;
    ExecutorService builders = Executors.newFixedThreadPool(BUILDERS);
    try {
      for (Derivation derivation : PublishedSchema.DERIVATIONS) {
        Map<String, Entry> partitions = new TreeMap<>();
        current.put(derivation.table(), partitions);
        Map<String, Future<Entry>> building = new TreeMap<>();
        for (String key : keys(derivation, lake)) {
          List<BoundInput> inputs = bind(derivation, key, lake, current);
          String signature = signature(derivation, inputs);
          Entry entry =
              DerivedStore.reusable(previous.get(derivation.table()), key, signature).orElse(null);
          if (entry != null) {
            partitions.put(key, entry);
          } else if (readsItself(derivation)) {
            // a chain: the next period's inputs name this one's signature, which is known now,
            // but its build reads this one's file, so the chain is built in order
            partitions.put(key, build(derivation, key, inputs, signature));
            built++;
          } else {
            building.put(key, builders.submit(() -> build(derivation, key, inputs, signature)));
          }
        }
        for (Map.Entry<String, Future<Entry>> b : building.entrySet()) {
          partitions.put(b.getKey(), finished(b.getValue()));
          built++;
        }
      }
    } finally {
      builders.shutdownNow();
      if (fingerprinting != null) {
        fingerprinting.close();
      }
    }
    store.save(current);
    store.saveFingerprints(usedFingerprints);
    progress.accept(
        built + " derived partition" + (built == 1 ? "" : "s") + " built, the others kept");
    return current;
  }

  private static boolean readsItself(Derivation derivation) {
    return derivation.inputs().stream()
        .anyMatch(i -> i.isDerived() && i.source().equals(derivation.table()));
  }

  private static Entry finished(Future<Entry> build) throws SQLException {
    try {
      return build.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while building derived tables", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw new IllegalStateException(
          "Building a derived table failed: " + e.getCause().getMessage(), e.getCause());
    }
  }

  private static List<String> keys(Derivation derivation, LakeSnapshot lake) {
    List<String> periods = lake.snapshotPeriods();
    if (derivation.grain() == Grain.PERIOD) {
      return periods;
    }
    return periods.stream().map(p -> LakePartition.year(year(p)).name()).distinct().toList();
  }

  private List<BoundInput> bind(
      Derivation derivation, String key, LakeSnapshot lake, Map<String, Map<String, Entry>> derived)
      throws SQLException {
    List<BoundInput> bound = new ArrayList<>();
    for (Input input : derivation.inputs()) {
      List<String> partitions = partitionsFor(input, key, lake.snapshotPeriods());
      List<Path> files = new ArrayList<>();
      StringBuilder identity = new StringBuilder(input.relation()).append('=');
      if (input.scope() == Derivation.Scope.WHOLE) {
        files.addAll(lake.files(input.source()));
        String versions =
            lake.partitions(input.source()).stream()
                .map(PartitionFiles::identity)
                .collect(Collectors.joining(";"));
        identity.append(contentFingerprint(versions, files));
      } else if (input.isDerived()) {
        for (String partition : partitions) {
          Entry entry = derived.get(input.source()).get(partition);
          files.add(entry.file());
          identity.append(partition).append('@').append(entry.signature()).append(';');
        }
      } else {
        for (String partition : partitions) {
          Optional<PartitionFiles> current = lake.partition(input.source(), partition);
          if (current.isEmpty()) {
            identity.append(partition).append("@none;");
          } else if (PublishedSchema.COPIED_LAKE_TABLES.contains(input.source())) {
            // a small table's partition is rewritten by every refresh of its year, most often with
            // the same rows
            files.addAll(current.get().files());
            identity
                .append(partition)
                .append('#')
                .append(contentFingerprint(current.get().identity(), current.get().files()))
                .append(';');
          } else {
            files.addAll(current.get().files());
            identity.append(current.get().identity()).append(';');
          }
        }
      }
      bound.add(new BoundInput(input, files, identity.toString()));
    }
    return bound;
  }

  /** The partitions of an input that the derived partition {@code key} reads. */
  private static List<String> partitionsFor(Input input, String key, List<String> periods) {
    int index = periods.indexOf(key);
    String previous = index > 0 ? periods.get(index - 1) : null;
    return switch (input.scope()) {
      case SAME_PERIOD -> List.of(key);
      case PREVIOUS_PERIOD -> previous == null ? List.of() : List.of(previous);
      case SAME_AND_PREVIOUS_PERIOD -> previous == null ? List.of(key) : List.of(previous, key);
      case SAME_PREVIOUS_AND_YEAR_EARLIER_PERIOD -> {
        String earlier = LakePartition.period(month(key).minusYears(1)).name();
        List<String> span = new ArrayList<>();
        if (periods.contains(earlier) && !earlier.equals(previous)) {
          span.add(earlier);
        }
        if (previous != null) {
          span.add(previous);
        }
        span.add(key);
        yield span;
      }
      case YEAR_OF_PERIOD -> List.of(LakePartition.year(month(key).getYear()).name());
      case PERIODS_OF_YEAR_UP_TO_PERIOD ->
          periods.stream().filter(p -> year(p) == year(key) && p.compareTo(key) <= 0).toList();
      case PERIODS_OF_YEAR_AND_LAST_BEFORE -> {
        int year = ((LakePartition.Year) LakePartition.parse(key)).year();
        List<String> span = new ArrayList<>();
        periods.stream().filter(p -> year(p) < year).reduce((a, b) -> b).ifPresent(span::add);
        periods.stream().filter(p -> year(p) == year).forEach(span::add);
        yield span;
      }
      case WHOLE -> List.of();
    };
  }

  /** Sets the derived SQL's variable: the partition's period, or its year. */
  private static String variableOf(LakePartition partition) {
    if (partition instanceof LakePartition.Year year) {
      return "SET VARIABLE year = " + year.year();
    }
    if (partition instanceof LakePartition.Period period) {
      return "SET VARIABLE period = DATE '" + period.month().atDay(1) + "'";
    }
    throw new IllegalStateException("A derived table of the whole lake: " + partition.name());
  }

  /** The month of a period partition's name. */
  private static YearMonth month(String periodPartition) {
    return ((LakePartition.Period) LakePartition.parse(periodPartition)).month();
  }

  private static int year(String periodPartition) {
    return month(periodPartition).getYear();
  }

  private String signature(Derivation derivation, List<BoundInput> inputs) {
    StringBuilder text =
        new StringBuilder(derivation.table())
            .append('\n')
            .append(SqlResources.read("derived/" + derivation.sqlFile()))
            .append('\n')
            .append(PublishedSchema.typedTablesText())
            .append(SettingsTables.configurationFingerprint(settings))
            .append('\n');
    for (String view : derivation.views()) {
      text.append(SqlResources.read("views/" + view + ".sql"));
    }
    inputs.forEach(i -> text.append(i.identity()).append('\n'));
    return Digests.sha256(text.toString());
  }

  /**
   * A small table's identity is its content: a month that rewrites the same regions changes
   * nothing. Keyed by the versions read, which never change, so it is computed once per version and
   * kept in the store (a publish would otherwise open DuckDB for every month's partition).
   */
  private String contentFingerprint(String versions, List<Path> files) throws SQLException {
    String known = knownFingerprints.get(versions);
    if (known == null) {
      known = "empty";
      if (!files.isEmpty()) {
        try (ResultSet r =
            fingerprinter()
                .executeQuery(
                    "SELECT count(*) || ':' || coalesce(sum(hash(t)), 0) FROM "
                        + Relations.readParquet(files)
                        + " AS t")) {
          r.next();
          known = r.getString(1);
        }
      }
      knownFingerprints.put(versions, known);
    }
    usedFingerprints.put(versions, known);
    return known;
  }

  private Statement fingerprinter() throws SQLException {
    if (fingerprinting == null) {
      fingerprinting = DuckDb.openInMemory();
    }
    return fingerprinting.createStatement();
  }

  private Entry build(Derivation derivation, String key, List<BoundInput> inputs, String signature)
      throws SQLException {
    Path file = store.newFile(derivation.table(), key, signature);
    try (Connection connection = DuckDb.openInMemory();
        Statement statement = connection.createStatement()) {
      statement.execute("SET temp_directory = '" + Relations.sqlString(spill.toString()) + "'");
      PublishedSchema.createTypedTables(statement);
      SettingsTables.insertConfiguration(connection, settings);
      for (BoundInput input : inputs) {
        Relations.readInPlace(
            statement, input.input().relation(), input.input().source(), input.files());
      }
      for (String view : derivation.views()) {
        statement.execute(PublishedSchema.viewDefinition(view));
      }
      statement.execute(variableOf(LakePartition.parse(key)));
      String query =
          PublishedSchema.withoutFinalSemicolon(
              SqlResources.read("derived/" + derivation.sqlFile()));
      statement.execute(
          "COPY ("
              + query
              + ") TO '"
              + Relations.sqlString(file.toString())
              + "' (FORMAT parquet)");
    }
    return new Entry(signature, file);
  }
}
