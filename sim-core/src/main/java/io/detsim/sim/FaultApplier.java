package io.detsim.sim;

import io.detsim.sim.fault.Fault;

/**
 * The one place a fault takes effect: a dispatch over the closed set of fault kinds. Keeping it in
 * one method means a new kind of fault cannot be scheduled without deciding what it does.
 */
final class FaultApplier {
  private final Simulation simulation;

  FaultApplier(Simulation simulation) {
    this.simulation = simulation;
  }

  void apply(Fault fault) {
    if (fault instanceof Fault.Crash) {
      simulation.crash(((Fault.Crash) fault).node());
    } else if (fault instanceof Fault.Restart) {
      simulation.restart(((Fault.Restart) fault).node());
    } else if (fault instanceof Fault.Pause) {
      Fault.Pause pause = (Fault.Pause) fault;
      simulation.pause(pause.node(), pause.durationNanos());
    } else if (fault instanceof Fault.Kill) {
      simulation.kill(((Fault.Kill) fault).actor());
    } else if (fault instanceof Fault.Partition) {
      simulation.network().partition((Fault.Partition) fault);
    } else if (fault instanceof Fault.Heal) {
      simulation.network().heal();
    } else if (fault instanceof Fault.Clog) {
      Fault.Clog clog = (Fault.Clog) fault;
      simulation.network().clog(clog.source(), clog.target(), saturatingAdd(simulation.nowNanos(), clog.durationNanos()));
    } else if (fault instanceof Fault.Unclog) {
      Fault.Unclog unclog = (Fault.Unclog) fault;
      simulation.network().unclog(unclog.source(), unclog.target());
    } else {
      applyKnobOrNodeFault(fault);
    }
  }

  private void applyKnobOrNodeFault(Fault fault) {
    if (fault instanceof Fault.Delay) {
      Fault.Delay delay = (Fault.Delay) fault;
      simulation.network().setDelay(delay.minNanos(), delay.maxNanos());
    } else if (fault instanceof Fault.Loss) {
      simulation.network().setLoss(((Fault.Loss) fault).ratio());
    } else if (fault instanceof Fault.Duplicate) {
      simulation.network().setDuplicate(((Fault.Duplicate) fault).ratio());
    } else if (fault instanceof Fault.Reorder) {
      simulation.network().setReorder(((Fault.Reorder) fault).ratio());
    } else if (fault instanceof Fault.ClockOffset) {
      Fault.ClockOffset offset = (Fault.ClockOffset) fault;
      simulation.simClock(offset.node()).setOffset(offset.offsetNanos());
    } else if (fault instanceof Fault.ClockJump) {
      Fault.ClockJump jump = (Fault.ClockJump) fault;
      simulation.simClock(jump.node()).jump(jump.deltaNanos());
    } else if (fault instanceof Fault.ClockDrift) {
      Fault.ClockDrift drift = (Fault.ClockDrift) fault;
      simulation.simClock(drift.node()).setDrift(drift.partsPerMillion());
    } else if (fault instanceof Fault.CorruptDisk) {
      Fault.CorruptDisk corrupt = (Fault.CorruptDisk) fault;
      simulation.corruptDisk(corrupt.node(), corrupt.lastBytes());
    } else if (fault instanceof Fault.Burst) {
      simulation.burst(((Fault.Burst) fault).size());
    } else if (fault instanceof Fault.HealAll) {
      simulation.healAllNow();
    } else {
      throw new AssertionError("a fault kind without an effect: " + fault);
    }
  }

  private static long saturatingAdd(long a, long b) {
    long sum = a + b;
    return sum < a ? Long.MAX_VALUE : sum;
  }
}
