package io.detsim.sim;

import io.detsim.sim.buggify.BuggifyOptions;
import io.detsim.sim.disk.DiskOptions;
import io.detsim.sim.fault.Fault;
import io.detsim.sim.fault.ScheduledFault;
import io.detsim.sim.net.NetworkOptions;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.Ratio;
import io.detsim.sim.trace.Trace;
import java.util.List;
import java.util.TreeSet;

/**
 * The reference simulation: the echo protocol under every kind of fault, with shuffled ties. Its
 * digest is pinned in {@code DeterminismTest}, compared across JVMs there, and across JDK 17 and 25
 * by {@code .ci/run}, which runs this class's main and compares what it prints.
 */
public final class ReferenceRun {
  static final long SEED = 0xD5EED5L;
  private static final long MS = 1_000_000L;

  private ReferenceRun() {}

  public static void main(String[] args) {
    System.out.println("reference digest: " + Trace.format(run().digest()));
  }

  static Simulation run() {
    SimOptions options = new SimOptions(
        NetworkOptions.none().withTail(Ratio.of(1, 50), 40 * MS).withDuplicate(Ratio.of(1, 50)),
        DiskOptions.none(), BuggifyOptions.standard(), true);
    Simulation sim = EchoProtocol.world(SEED, options, 2, 3, 40);
    NodeId server0 = NodeId.of("server-0");
    NodeId server1 = NodeId.of("server-1");
    NodeId client0 = NodeId.of("client-0");
    sim.schedule(List.of(
        new ScheduledFault(100 * MS, new Fault.Loss(Ratio.of(1, 20))),
        new ScheduledFault(150 * MS, new Fault.Reorder(Ratio.of(1, 10))),
        new ScheduledFault(200 * MS, new Fault.Crash(server0)),
        new ScheduledFault(260 * MS, new Fault.Restart(server0)),
        new ScheduledFault(300 * MS, new Fault.Partition(new TreeSet<>(List.of(client0)), new TreeSet<>(List.of(server1)), false)),
        new ScheduledFault(350 * MS, new Fault.Heal()),
        new ScheduledFault(360 * MS, new Fault.Clog(client0, server0, 40 * MS)),
        new ScheduledFault(400 * MS, new Fault.ClockOffset(server1, -5_000 * MS)),
        new ScheduledFault(420 * MS, new Fault.Pause(server1, 30 * MS)),
        new ScheduledFault(450 * MS, new Fault.Kill(server0.child("counter"))),
        new ScheduledFault(480 * MS, new Fault.Delay(0, 20 * MS)),
        new ScheduledFault(500 * MS, new Fault.CorruptDisk(server1)),
        new ScheduledFault(600 * MS, new Fault.HealAll())));
    sim.runFor(3_000 * MS);
    return sim;
  }
}
