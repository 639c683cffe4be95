package io.detsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.port.NodeId;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A {@link HandlerMeter} sees every handler of every node, and changes nothing the run does. */
class HandlerMeterTest {
  @Test
  void aMeteredRun_hasTheSameDigest_andEveryBeginHasItsEnd() {
    Simulation plain = EchoProtocol.world(7, SimOptions.none(), 2, 3, 40);
    plain.runFor(2_000_000_000L);

    Simulation metered = EchoProtocol.world(7, SimOptions.none(), 2, 3, 40);
    Map<String, int[]> open = new TreeMap<>();
    Map<String, int[]> handled = new TreeMap<>();
    metered.meterHandlers(new HandlerMeter() {
      private long tokens;

      @Override
      public long begin(NodeId node) {
        open.computeIfAbsent(node.name(), name -> new int[1])[0]++;
        return ++tokens;
      }

      @Override
      public void end(NodeId node, long token) {
        assertThat(token).as("end gets begin's token").isEqualTo(tokens);
        open.get(node.name())[0]--;
        handled.computeIfAbsent(node.name(), name -> new int[1])[0]++;
      }
    });
    metered.runFor(2_000_000_000L);

    assertThat(metered.digest()).isEqualTo(plain.digest());
    assertThat(open.values()).allSatisfy(count -> assertThat(count[0]).isZero());
    assertThat(handled.keySet()).as("the server and every client ran handlers")
        .contains("client-0", "client-1", "client-2").hasSizeGreaterThan(3);
    assertThat(handled.values().stream().mapToInt(count -> count[0]).sum()).isGreaterThan(100);
  }
}
