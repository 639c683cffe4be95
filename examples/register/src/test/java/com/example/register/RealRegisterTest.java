package com.example.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.detsim.runtime.RealRuntime;
import io.detsim.sim.port.NodeId;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same Primary, Backup and Client that the properties simulate, run for real on detsim's
 * runtime: a thread per node, the monotonic clock, files that are really fsynced. No simulator is
 * on this path, and no planted bug can be: the real runtime answers no to every one.
 */
class RealRegisterTest {
  private static final int WRITES = 50;

  @TempDir
  Path folder;

  @Test
  void theSimulatedNodes_runForReal_andABackupRestartedFromItsFileHoldsEveryAcknowledgedWrite()
      throws Exception {
    List<Long> acknowledged;
    try (RealRuntime runtime = new RealRuntime(folder)) {
      NodeId backup = runtime.addNode("backup", Backup::new);
      NodeId primary = runtime.addNode("primary", context -> new Primary(context, backup));
      NodeId client = runtime.addNode("client", context -> new Client(context, primary, WRITES));
      runtime.start();
      acknowledged = awaitAllAcknowledged(runtime, client);
    }
    assertEquals(WRITES, acknowledged.size());

    try (RealRuntime restarted = new RealRuntime(folder)) { // a new process on the same files
      NodeId backup = restarted.addNode("backup", Backup::new);
      restarted.start();
      Set<Long> recovered = restarted.call(backup, Backup.class, Backup::values).get(60, TimeUnit.SECONDS);
      assertTrue(recovered.containsAll(acknowledged), "recovered " + recovered + ", acknowledged " + acknowledged);
    }
  }

  /** Asks the client on its own thread until it is done; the minute is a guard against a hang, not a bound. */
  private static List<Long> awaitAllAcknowledged(RealRuntime runtime, NodeId client) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (System.nanoTime() < deadline) {
      List<Long> done = runtime.call(client, Client.class, c -> c.isDone() ? c.acknowledged() : null)
          .get(60, TimeUnit.SECONDS);
      if (done != null) {
        return done;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the client did not finish within a minute");
  }
}
