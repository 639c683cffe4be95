package io.detsim.engine.log;

import java.util.ArrayDeque;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Many records, one sync: callbacks wait in sequence-number order for a sync round to cover them.
 *
 * <p>At most one round runs at a time. A round covers every record appended before it started; its
 * callbacks fire when it completes, and if callbacks are still waiting then (records appended during
 * the round), exactly one new round starts for all of them. Under load each round therefore covers
 * everything that arrived during the previous one, which is what makes a slow sync cheap per record.
 */
final class GroupCommit {
  private record Waiter(long endLsn, Runnable onDurable) {}

  private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
  private final LongSupplier appendedEndLsn;
  private final Consumer<Runnable> syncRound;
  private final Consumer<String> points;
  private final boolean coversLateAppends;
  private long durableEndLsn;
  private boolean roundInFlight;
  private boolean firing;
  private long rounds;

  /**
   * @param appendedEndLsn the sequence number the next appended record will get
   * @param syncRound makes every record appended so far durable, then runs its argument
   * @param durableEndLsn every record below it is durable already
   * @param points where a round announces its start and end ({@code group-commit-start}, {@code -end})
   * @param coversLateAppends the planted bug {@link io.detsim.engine.planted.EngineMutant#GROUP_COMMIT_COVERS_LATE_APPENDS}
   */
  GroupCommit(LongSupplier appendedEndLsn, Consumer<Runnable> syncRound, long durableEndLsn, Consumer<String> points,
      boolean coversLateAppends) {
    this.coversLateAppends = coversLateAppends;
    this.appendedEndLsn = appendedEndLsn;
    this.syncRound = syncRound;
    this.durableEndLsn = durableEndLsn;
    this.points = points;
  }

  /** Runs {@code onDurable} once every record appended so far is durable: at once if it already is. */
  void await(Runnable onDurable) {
    waiters.addLast(new Waiter(appendedEndLsn.getAsLong(), onDurable));
    fireAndContinue();
  }

  /** Records below {@code endLsn} became durable by other means (an installed snapshot). */
  void durableThrough(long endLsn) {
    durableEndLsn = Math.max(durableEndLsn, endLsn);
    fireAndContinue();
  }

  long durableEndLsn() {
    return durableEndLsn;
  }

  long rounds() {
    return rounds;
  }

  private void fireAndContinue() {
    // Checked where durability moves, not by an oracle later: nothing can be durable that was never
    // appended (a round that claimed more would acknowledge records no sync covered).
    if (durableEndLsn > appendedEndLsn.getAsLong()) { // a plain if: Check's varargs would box per call
      throw new AssertionError("durable end " + durableEndLsn + " beyond the appended end " + appendedEndLsn.getAsLong());
    }
    if (firing) {
      return; // a callback awaited again: the loop below picks its waiter up, keeping the order
    }
    firing = true;
    try {
      while (!waiters.isEmpty() && waiters.peekFirst().endLsn() <= durableEndLsn) {
        waiters.removeFirst().onDurable().run();
      }
    } finally {
      firing = false;
    }
    if (!waiters.isEmpty() && !roundInFlight) {
      startRound();
    }
  }

  private void startRound() {
    long target = appendedEndLsn.getAsLong();
    roundInFlight = true;
    rounds++;
    points.accept("group-commit-start");
    syncRound.accept(() -> {
      roundInFlight = false;
      durableEndLsn = Math.max(durableEndLsn, coversLateAppends ? appendedEndLsn.getAsLong() : target);
      points.accept("group-commit-end"); // durable now, but no waiter has been told yet
      fireAndContinue();
    });
  }
}
