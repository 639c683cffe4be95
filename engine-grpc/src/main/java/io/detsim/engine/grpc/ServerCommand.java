package io.detsim.engine.grpc;

import io.detsim.engine.real.EmbeddedConfig;
import io.detsim.engine.real.EmbeddedEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/**
 * {@code detsim server}: the engine on a data folder, served over gRPC. On SIGTERM or SIGINT it stops
 * taking calls, lets open ones finish, drains the engine's queue into its indexes, syncs and closes
 * the log, and exits 0.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
    description = {"Serves the streaming memory engine over gRPC (engine-grpc/src/main/proto/detsim_engine.proto) "
        + "on a data folder. Binds 127.0.0.1 unless told otherwise. SIGTERM drains, syncs and exits 0."})
public final class ServerCommand implements Callable<Integer> {

  @Option(names = "--data", required = true, paramLabel = "DIR",
      description = "The engine's data folder; reusing one recovers every acknowledged observation.")
  Path data;

  @Option(names = "--port", paramLabel = "N", defaultValue = "50051",
      description = "The gRPC port; 0 for any free one (printed). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--metrics-port", paramLabel = "N", defaultValue = "-1",
      description = "The Prometheus endpoint's port on 127.0.0.1; -1 for none, 0 for any free one. Default: none.")
  int metricsPort;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "The address to listen on. Default: ${DEFAULT-VALUE} (this machine only).")
  String bind;

  @Option(names = "--dim", paramLabel = "N", defaultValue = "128",
      description = "The embedding dimension; must be the same on every start of one data folder. Default: ${DEFAULT-VALUE}.")
  int dimension;

  @Option(names = "--tls-cert", paramLabel = "PEM", description = "Serve TLS with this certificate chain (with --tls-key).")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "PEM", description = "The TLS private key, PKCS#8 PEM (with --tls-cert).")
  Path tlsKey;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "Require 'authorization: Bearer <token>' on every call; the token is the file's first line.")
  Path tokenFile;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    GrpcSettings settings = settings();
    PrintWriter out = spec.commandLine().getOut();
    EmbeddedEngine engine;
    try {
      engine = EmbeddedEngine.start(EmbeddedConfig.of(data, dimension).withMetricsPort(metricsPort));
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw usage("cannot start the engine on " + data + ": " + e.getMessage());
    }
    GrpcServer server;
    try {
      server = GrpcServer.start(engine, settings);
    } catch (RuntimeException e) {
      engine.shutdown(false);
      throw usage(e.getMessage());
    }
    CountDownLatch stop = new CountDownLatch(1);
    Signal.handle(new Signal("TERM"), signal -> stop.countDown());
    Signal.handle(new Signal("INT"), signal -> stop.countDown());
    out.printf("detsim server: serving %s:%d (dimension %d, data %s%s%s)%n", settings.bind(), server.port(), dimension,
        data, settings.tls().isPresent() ? ", TLS" : "", settings.token().isPresent() ? ", bearer token" : "");
    if (engine.metricsPort() >= 0) {
      out.printf("detsim server: metrics on http://127.0.0.1:%d/metrics%n", engine.metricsPort());
    }
    out.flush();
    stop.await();
    out.println("detsim server: stopping: draining calls, then the engine");
    out.flush();
    server.close();
    engine.shutdown(true);
    out.println("detsim server: stopped");
    out.flush();
    return 0;
  }

  private GrpcSettings settings() {
    if (port < 0 || port > 65_535) {
      throw usage("--port must be 0..65535: " + port);
    }
    if (dimension < 1 || dimension > 65_536) {
      throw usage("--dim must be 1..65536: " + dimension);
    }
    if ((tlsCert == null) != (tlsKey == null)) {
      throw usage("--tls-cert and --tls-key go together");
    }
    GrpcSettings settings = GrpcSettings.loopback(port).withBind(bind);
    if (tlsCert != null) {
      readable(tlsCert, "--tls-cert");
      readable(tlsKey, "--tls-key");
      settings = settings.withTls(new GrpcSettings.Tls(tlsCert, tlsKey));
    }
    if (tokenFile != null) {
      readable(tokenFile, "--token-file");
      String token;
      try {
        token = Files.readAllLines(tokenFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
      } catch (IOException e) {
        throw usage("--token-file " + tokenFile + ": " + e.getMessage());
      }
      if (token.isEmpty()) {
        throw usage("--token-file " + tokenFile + ": the first line is empty");
      }
      settings = settings.withToken(token);
    }
    return settings;
  }

  private void readable(Path file, String option) {
    if (!Files.isReadable(file)) {
      throw usage(option + " " + file + ": no such readable file");
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
