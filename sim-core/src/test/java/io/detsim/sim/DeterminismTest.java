package io.detsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.trace.JsonLinesTraceWriter;
import io.detsim.sim.trace.Trace;
import io.detsim.sim.trace.TraceRing;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeterminismTest {

  /**
   * The reference run's digest, pinned. It changes only when the kernel's behaviour or the trace
   * changes on purpose; then every recorded failure replays differently, so the failure-file format
   * version must move with it.
   */
  static final String PINNED_REFERENCE_DIGEST = "0x334ac9568022addc";

  @Test
  void sameSeed_sameDigest_inThisJvm() {
    Simulation first = ReferenceRun.run();
    Simulation second = ReferenceRun.run();
    assertThat(first.digest()).isEqualTo(second.digest());
    for (int i = 0; i < 3; i++) {
      EchoProtocol.Client client = first.node(io.detsim.sim.port.NodeId.of("client-" + i), EchoProtocol.Client.class);
      assertThat(client.isDone()).as("client-%d finished after the faults healed", i).isTrue();
    }
  }

  @Test
  void referenceDigest_isPinned() {
    assertThat(Trace.format(ReferenceRun.run().digest())).isEqualTo(PINNED_REFERENCE_DIGEST);
  }

  @Test
  void otherSeed_otherDigest() {
    long digest = ReferenceRun.run().digest();
    Simulation other = EchoProtocol.world(ReferenceRun.SEED + 1, SimOptions.none(), 2, 3, 40);
    other.runFor(3_000_000_000L);
    assertThat(other.digest()).isNotEqualTo(digest);
  }

  /**
   * A driver's stream goes on where it was when asked for again, as a node's does: a workload that
   * asked for it per call drew the same values every time. Same seed, same values; another seed, others.
   */
  @Test
  void driverStream_continuesAcrossCalls_andFollowsTheSeed() {
    Simulation sim = new Simulation(7, SimOptions.none());
    long first = sim.random("load").nextLong(0, Long.MAX_VALUE);
    long second = sim.random("load").nextLong(0, Long.MAX_VALUE);
    assertThat(second).isNotEqualTo(first);
    Simulation again = new Simulation(7, SimOptions.none());
    assertThat(again.random("load").nextLong(0, Long.MAX_VALUE)).isEqualTo(first);
    assertThat(again.random("load").nextLong(0, Long.MAX_VALUE)).isEqualTo(second);
    assertThat(new Simulation(8, SimOptions.none()).random("load").nextLong(0, Long.MAX_VALUE)).isNotEqualTo(first);
  }

  /** Two simulations interleaved on one thread do not disturb each other: no shared state. */
  @Test
  void simulationsSideBySide_doNotInterfere() {
    Simulation alone = EchoProtocol.world(5, SimOptions.none().withShuffleTies(true), 2, 2, 30);
    alone.runFor(2_000_000_000L);
    Simulation left = EchoProtocol.world(5, SimOptions.none().withShuffleTies(true), 2, 2, 30);
    Simulation right = EchoProtocol.world(6, SimOptions.none().withShuffleTies(true), 2, 2, 30);
    for (int i = 0; i < 2_000; i++) {
      left.runFor(1_000_000L);
      right.runFor(1_000_000L);
    }
    assertThat(left.digest()).isEqualTo(alone.digest());
  }

  @Test
  void sameSeed_sameDigest_inAFreshJvm() throws Exception {
    String javaBin = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process process = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), ReferenceRun.class.getName())
        .redirectErrorStream(true)
        .start();
    String output;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      output = reader.lines().reduce("", (a, b) -> a + b + "\n");
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output.trim()).isEqualTo("reference digest: " + Trace.format(ReferenceRun.run().digest()));
  }

  @Test
  void jsonLinesTrace_hasOneLinePerEvent_withFieldsInAFixedOrder() {
    StringWriter out = new StringWriter();
    Simulation sim = EchoProtocol.world(8, SimOptions.none(), 1, 1, 3);
    sim.trace().setSink(new JsonLinesTraceWriter(out));
    sim.runFor(1_000_000_000L);
    String[] lines = out.toString().split("\n");
    assertThat(lines).hasSize((int) sim.trace().events());
    assertThat(lines[0]).matches("\\{\"t\":0,\"node\":\"server-0\",\"kind\":\"start\",\"detail\":\"incarnation 1\"\\}");
    assertThat(out.toString()).contains("\"kind\":\"send\",\"peer\":\"server-0\",\"detail\":\"request client-0#1\"");
  }

  @Test
  void installingASink_doesNotChangeTheDigest() {
    Simulation plain = EchoProtocol.world(8, SimOptions.none(), 2, 2, 10);
    plain.runFor(1_000_000_000L);
    Simulation traced = EchoProtocol.world(8, SimOptions.none(), 2, 2, 10);
    TraceRing ring = new TraceRing(20);
    traced.trace().setSink(ring);
    traced.runFor(1_000_000_000L);
    assertThat(traced.digest()).isEqualTo(plain.digest());
    assertThat(ring.events()).hasSize(20);
  }
}
