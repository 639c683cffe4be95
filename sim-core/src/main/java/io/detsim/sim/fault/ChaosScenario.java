package io.detsim.sim.fault;

import io.detsim.sim.clock.ClockSkewSimulator;
import io.detsim.sim.net.DelayInjector;
import io.detsim.sim.net.PacketLossSimulator;
import io.detsim.sim.port.Check;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.RandomSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Composes the original design's injectors into one fault schedule (its {@code ChaosScenario}
 * builder), on virtual time:
 *
 * <pre>{@code
 * FaultSchedule schedule = ChaosScenario.builder(nodes, 600 * SECOND)
 *     .withDelay(DelayInjector.millis(0, 100))
 *     .withPacketLoss(new PacketLossSimulator(Ratio.of(1, 100)))
 *     .withClockSkew(new ClockSkewSimulator(5 * SECOND, 30 * SECOND))
 *     .withBurstLoad(new BurstLoadGenerator(10_000, 5 * SECOND))
 *     .build(random);
 * }</pre>
 *
 * The standing faults (delay, loss) start at time 0; skew is drawn per node and redrawn as the
 * skew simulator says; bursts repeat. Every fault ends with a {@code heal-all} at the duration, so
 * a run can go on to its liveness phase. Extra entries (crashes, partitions) can be added.
 */
public final class ChaosScenario {
  private ChaosScenario() {}

  public static Builder builder(List<NodeId> nodes, long durationNanos) {
    return new Builder(nodes, durationNanos);
  }

  /** Collects the injectors; {@link #build} draws what is random from the given stream. */
  public static final class Builder {
    private final List<NodeId> nodes;
    private final long durationNanos;
    private DelayInjector delay = DelayInjector.none();
    private PacketLossSimulator loss;
    private ClockSkewSimulator skew = ClockSkewSimulator.none();
    private BurstLoadGenerator bursts = BurstLoadGenerator.none();
    private final List<ScheduledFault> extra = new ArrayList<>();

    private Builder(List<NodeId> nodes, long durationNanos) {
      Check.argument(durationNanos > 0, "duration must be positive: %d", durationNanos);
      this.nodes = List.copyOf(nodes);
      this.durationNanos = durationNanos;
    }

    public Builder withDelay(DelayInjector injector) {
      this.delay = injector;
      return this;
    }

    public Builder withPacketLoss(PacketLossSimulator simulator) {
      this.loss = simulator;
      return this;
    }

    public Builder withClockSkew(ClockSkewSimulator simulator) {
      this.skew = simulator;
      return this;
    }

    public Builder withBurstLoad(BurstLoadGenerator generator) {
      this.bursts = generator;
      return this;
    }

    /** Adds any other fault at a time. */
    public Builder with(long atNanos, Fault fault) {
      extra.add(new ScheduledFault(atNanos, fault));
      return this;
    }

    public FaultSchedule build(RandomSource random) {
      List<ScheduledFault> entries = new ArrayList<>();
      if (!delay.isNone()) {
        entries.add(new ScheduledFault(0, delay.toFault()));
      }
      if (loss != null && !loss.rate().isNever()) {
        entries.add(new ScheduledFault(0, loss.toFault()));
      }
      entries.addAll(skew.schedule(nodes, durationNanos, random));
      entries.addAll(bursts.schedule(bursts.intervalNanos() == Long.MAX_VALUE ? 0 : bursts.intervalNanos(), durationNanos));
      entries.addAll(extra);
      entries.add(new ScheduledFault(durationNanos, new Fault.HealAll()));
      return FaultSchedule.of(entries);
    }
  }
}
