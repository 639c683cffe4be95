package io.detsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.fault.FaultSchedule;
import io.detsim.sim.port.Node;
import io.detsim.sim.port.NodeContext;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.trace.Trace;
import org.junit.jupiter.api.Test;

/** The worked example of the README, kept compiling and true by running it. */
class ReadmeExampleTest {
  // --- README example start ---
  record Ping(long n) {}

  record Pong(long n) {}

  /** Answers every ping. */
  static final class Ponger implements Node {
    private final NodeContext ctx;

    Ponger(NodeContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public void onMessage(NodeId from, Object message) {
      if (message instanceof Ping) {
        ctx.send(from, new Pong(((Ping) message).n()));
      }
    }
  }

  /** Pings until it has 10 pongs, resending after 100 ms without an answer. */
  static final class Pinger implements Node {
    private final NodeContext ctx;
    private final NodeId target;
    long pongs;

    Pinger(NodeContext ctx, NodeId target) {
      this.ctx = ctx;
      this.target = target;
    }

    @Override
    public void onStart() {
      ping();
    }

    private void ping() {
      long n = pongs;
      ctx.send(target, new Ping(n));
      ctx.setTimer(100_000_000L, () -> {
        if (pongs == n && pongs < 10) {
          ping(); // no answer: try again
        }
      });
    }

    @Override
    public void onMessage(NodeId from, Object message) {
      if (message instanceof Pong && ((Pong) message).n() == pongs && ++pongs < 10) {
        ping();
      }
    }
  }

  static long simulate(long seed) {
    Simulation sim = new Simulation(seed, SimOptions.none());
    NodeId ponger = sim.addNode("ponger", Ponger::new);
    NodeId pinger = sim.addNode("pinger", ctx -> new Pinger(ctx, ponger));
    sim.schedule(FaultSchedule.parse(String.join("\n",
        "5ms crash ponger",
        "300ms restart ponger",
        "400ms loss 1/2",
        "2s heal-all")));
    sim.runFor(10_000_000_000L); // 10 s of virtual time, in milliseconds of real time
    assertThat(sim.node(pinger, Pinger.class).pongs).isEqualTo(10);
    return sim.digest();
  }
  // --- README example end ---

  @Test
  void example_finishesDespiteTheFaults_andReplaysToTheSameDigest() {
    long digest = simulate(42);
    assertThat(simulate(42)).isEqualTo(digest);
    assertThat(Trace.format(digest)).matches("0x[0-9a-f]{16}");
  }
}
