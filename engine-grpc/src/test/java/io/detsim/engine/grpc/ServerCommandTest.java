package io.detsim.engine.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.grpc.wire.EngineGrpc;
import io.detsim.engine.grpc.wire.StatusRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code detsim server} as a process: it serves, SIGTERM stops it with exit 0, and a bad flag is one line and exit 2. */
class ServerCommandTest {
  private static final Pattern SERVING = Pattern.compile("serving 127\\.0\\.0\\.1:(\\d+)");

  @TempDir
  Path data;

  @Test
  void serves_andStopsOnSigtermWithExitZero() throws Exception {
    Process server = detsim("server", "--data", data.toString(), "--port", "0").start();
    BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String first = out.readLine();
    assertThat(first).as("the first line names the address").isNotNull();
    Matcher serving = SERVING.matcher(first);
    assertThat(serving.find()).as(first).isTrue();
    ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", Integer.parseInt(serving.group(1)))
        .usePlaintext().build();
    assertThat(EngineGrpc.newBlockingStub(channel).status(StatusRequest.getDefaultInstance()).getServing()).isTrue();
    channel.shutdownNow();

    server.toHandle().destroy(); // SIGTERM; Process.destroy would also close our end of its output
    server.waitFor();
    List<String> rest = new ArrayList<>();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      rest.add(line);
    }
    assertThat(server.exitValue()).as("exit after SIGTERM; output %s", rest).isZero();
    assertThat(rest).last().isEqualTo("detsim server: stopped");
    assertThat(Files.isDirectory(data.resolve("server"))).as("the engine's log is in the data folder").isTrue();
  }

  @Test
  void aBadFlag_isOneLineOnStderr_andExitTwo() throws Exception {
    Process run = detsim("server", "--data", data.toString(), "--port", "70000")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String errors = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    run.waitFor();
    assertThat(run.exitValue()).isEqualTo(2);
    assertThat(detsimLines(errors)).containsExactly("detsim: --port must be 0..65535: 70000");
  }

  @Test
  void aTlsCertificateWithoutItsKey_isOneLineOnStderr_andExitTwo() throws Exception {
    Process run = detsim("server", "--data", data.toString(), "--tls-cert", "cert.pem")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String errors = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    run.waitFor();
    assertThat(run.exitValue()).isEqualTo(2);
    assertThat(detsimLines(errors)).containsExactly("detsim: --tls-cert and --tls-key go together");
  }

  /** Stderr without the JVM's own warning about the incubator module the engine's kernels use. */
  private static List<String> detsimLines(String errors) {
    return errors.lines().filter(line -> !line.startsWith("WARNING: Using incubator modules")).toList();
  }

  private static ProcessBuilder detsim(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
        "io.detsim.cli.Detsim"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }
}
