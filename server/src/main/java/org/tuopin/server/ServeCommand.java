package org.tuopin.server;

import io.grpc.netty.NettyServerBuilder;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.tuopin.warehouse.ProcessScratch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** ./tuopin serve: the Arrow Flight SQL server, until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the latest publish to BI tools over Arrow Flight SQL (JDBC, ADBC), with TLS, the"
          + " users of ./tuopin users and what each may see (docs/remote-access.md)."
    })
public final class ServeCommand implements Callable<Integer> {
  @Option(
      names = "--data",
      defaultValue = "${env:TUOPIN_DATA:-data}",
      description = "Data folder (default: TUOPIN_DATA, else ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--conf",
      defaultValue = "${sys:tuopin.conf:-conf/tuopin.yaml}",
      description = "Configuration file, for its serve section (default: ${DEFAULT-VALUE}).")
  Path conf;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "31337",
      description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--tls-cert", description = "The server's certificate chain, PEM.")
  Path certificate;

  @Option(names = "--tls-key", description = "The certificate's private key, PEM (PKCS#8).")
  Path key;

  @Option(
      names = "--insecure",
      description =
          "Serve without TLS: on a loopback address only (passwords would cross the network in"
              + " clear).")
  boolean insecure;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    checkTransport();
    try (Server server = start()) {
      // Ctrl-C and SIGTERM: the extracts (copies of users' rows) go with the server
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "serve-shutdown"));
      spec.commandLine()
          .getOut()
          .println(
              "» serving "
                  + server.servingFile()
                  + " at "
                  + server.location().getUri()
                  + " (Ctrl-C stops)");
      server.awaitTermination();
    }
    return 0;
  }

  private void checkTransport() throws IOException {
    boolean tls = certificate != null || key != null;
    if (tls && (certificate == null || key == null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--tls-cert and --tls-key go together");
    }
    if (tls && insecure) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--insecure and --tls-cert exclude each other");
    }
    if (!tls && !insecure) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "give --tls-cert and --tls-key, or --insecure to serve without TLS on a loopback"
              + " address");
    }
    if (insecure && !InetAddress.getByName(host).isLoopbackAddress()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--insecure serves on a loopback address only, not " + host);
    }
  }

  Server start() throws IOException {
    ServerSettings settings = ServerSettings.read(conf);
    return Server.start(
        data,
        host,
        port,
        certificate == null ? null : certificate.toFile(),
        key == null ? null : key.toFile(),
        settings,
        Clock.systemUTC(),
        spec.commandLine().getOut());
  }

  /** A running server and what it holds. */
  public static final class Server implements AutoCloseable {
    /** How often the server looks for a new publish, to make its users' extracts ahead. */
    private static final long WATCH_SECONDS = 10;

    private final FlightServer flight;
    private final TuopinFlightSqlProducer producer;
    private final Publishes publishes;
    private final BufferAllocator allocator;
    private final Location location;
    private final Path servingFile;
    private final ScheduledExecutorService watcher;
    private boolean closed;

    private Server(
        FlightServer flight,
        TuopinFlightSqlProducer producer,
        Publishes publishes,
        BufferAllocator allocator,
        Location location,
        Path servingFile,
        ScheduledExecutorService watcher) {
      this.flight = flight;
      this.producer = producer;
      this.publishes = publishes;
      this.allocator = allocator;
      this.location = location;
      this.servingFile = servingFile;
      this.watcher = watcher;
    }

    /**
     * Starts serving {@code data}'s publish; TLS when a certificate and key are given. The extracts
     * of the users' scopes are made in the background at start and whenever a new publish appears,
     * and reported on {@code log}.
     */
    public static Server start(
        Path data,
        String host,
        int port,
        File certificate,
        File key,
        ServerSettings settings,
        Clock clock,
        PrintWriter log)
        throws IOException {
      Path restricted = data.resolve("restricted");
      Path servingFile = data.resolve("serving").resolve("tuopin.duckdb");
      Users users = new Users(restricted);
      BufferAllocator allocator = new RootAllocator();
      Publishes publishes =
          new Publishes(
              servingFile,
              ProcessScratch.prepare(restricted, "serve-cache"),
              settings.suppressBelow(),
              settings.extractLimits(),
              log);
      TokenAuthenticator sessions = new TokenAuthenticator(users, settings, clock);
      TuopinFlightSqlProducer producer =
          new TuopinFlightSqlProducer(
              allocator,
              sessions,
              publishes,
              new AuditLog(restricted),
              settings,
              ServerMain.version());
      Location location =
          certificate == null
              ? Location.forGrpcInsecure(host, port)
              : Location.forGrpcTls(host, port);
      Consumer<NettyServerBuilder> transport = netty -> netty.intercept(new RemoteAddress());
      FlightServer.Builder builder =
          FlightServer.builder(allocator, location, producer)
              .headerAuthenticator(sessions)
              .transportHint("grpc.builderConsumer", transport)
              // a result is sent as the client takes it: little waits in the server's buffers
              .backpressureThreshold(1 << 20);
      if (certificate != null) {
        builder.useTls(certificate, key);
      }
      FlightServer flight = builder.build().start();
      Location bound =
          certificate == null
              ? Location.forGrpcInsecure(host, flight.getPort())
              : Location.forGrpcTls(host, flight.getPort());
      ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
      watcher.scheduleWithFixedDelay(
          () -> prepareExtracts(publishes, users, log), 0, WATCH_SECONDS, TimeUnit.SECONDS);
      return new Server(flight, producer, publishes, allocator, bound, servingFile, watcher);
    }

    private static void prepareExtracts(Publishes publishes, Users users, PrintWriter log) {
      try {
        publishes.prepare(users.list());
      } catch (SQLException | RuntimeException e) {
        // the next look tries again; users' queries make what they need meanwhile
        log.println("» the extracts of the latest publish are not made yet: " + e.getMessage());
      }
    }

    public Location location() {
      return location;
    }

    public int port() {
      return flight.getPort();
    }

    Path servingFile() {
      return servingFile;
    }

    void awaitTermination() throws InterruptedException {
      flight.awaitTermination();
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      watcher.shutdownNow();
      flight.shutdown();
      try {
        flight.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        producer.close();
        publishes.close();
        allocator.close();
      }
    }
  }
}
