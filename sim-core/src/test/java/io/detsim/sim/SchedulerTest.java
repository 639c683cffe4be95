package io.detsim.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.sim.random.Xoshiro256;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerTest {

  private static final class Recorder implements EventTarget {
    final List<Long> seen = new ArrayList<>();
    final List<Long> times = new ArrayList<>();
    Scheduler scheduler;

    @Override
    public void dispatch(int kind, long arg, Object payload) {
      seen.add(arg);
      times.add(scheduler.nowNanos());
    }
  }

  private static Recorder recorderFor(Scheduler scheduler) {
    Recorder recorder = new Recorder();
    recorder.scheduler = scheduler;
    return recorder;
  }

  @Test
  void events_runInTimeOrder_thenInsertionOrder_andTheClockJumps() {
    Scheduler scheduler = new Scheduler(null);
    Recorder recorder = recorderFor(scheduler);
    scheduler.schedule(30, recorder, 0, 1, null);
    scheduler.schedule(10, recorder, 0, 2, null);
    scheduler.schedule(30, recorder, 0, 3, null);
    scheduler.schedule(10, recorder, 0, 4, null);
    scheduler.runUntil(100);
    assertThat(recorder.seen).containsExactly(2L, 4L, 1L, 3L);
    assertThat(recorder.times).containsExactly(10L, 10L, 30L, 30L);
    assertThat(scheduler.nowNanos()).isEqualTo(100);
  }

  @Test
  void shuffleTies_reordersSameInstantEvents_deterministicallyFromTheSeed() {
    List<Long> first = runTies(new Xoshiro256(7));
    List<Long> again = runTies(new Xoshiro256(7));
    assertThat(again).isEqualTo(first);
    assertThat(first).containsExactlyInAnyOrderElementsOf(runTies(null));
    assertThat(first).as("shuffled order differs from insertion order").isNotEqualTo(runTies(null));
  }

  private static List<Long> runTies(Xoshiro256 ties) {
    Scheduler scheduler = new Scheduler(ties);
    Recorder recorder = recorderFor(scheduler);
    for (long i = 0; i < 20; i++) {
      scheduler.schedule(5, recorder, 0, i, null);
    }
    scheduler.schedule(1, recorder, 0, 100, null);
    scheduler.runUntil(10);
    assertThat(recorder.seen.get(0)).as("time still comes first").isEqualTo(100L);
    return recorder.seen;
  }

  @Test
  void cancel_removesAPendingEvent_onlyOnce() {
    Scheduler scheduler = new Scheduler(null);
    Recorder recorder = recorderFor(scheduler);
    long handle = scheduler.schedule(10, recorder, 0, 1, null);
    scheduler.schedule(20, recorder, 0, 2, null);
    assertThat(scheduler.cancel(handle)).isTrue();
    assertThat(scheduler.cancel(handle)).isFalse();
    assertThat(scheduler.pending()).isEqualTo(1);
    scheduler.runUntil(50);
    assertThat(recorder.seen).containsExactly(2L);
  }

  @Test
  void runUntilQuiescent_stopsAtTheBound_andReportsWhetherItEmptied() {
    Scheduler scheduler = new Scheduler(null);
    EventTarget forever = new EventTarget() {
      @Override
      public void dispatch(int kind, long arg, Object payload) {
        scheduler.scheduleAfter(1_000, this, 0, 0, null);
      }
    };
    scheduler.schedule(0, forever, 0, 0, null);
    assertThat(scheduler.runUntilQuiescent(10_000)).isFalse();
    assertThat(scheduler.nowNanos()).isEqualTo(10_000);

    Scheduler finite = new Scheduler(null);
    Recorder recorder = recorderFor(finite);
    finite.schedule(5, recorder, 0, 1, null);
    assertThat(finite.runUntilQuiescent(Long.MAX_VALUE)).isTrue();
    assertThat(finite.nowNanos()).isEqualTo(5);
  }

  @Test
  void step_dispatchesExactlyOneEvent() {
    Scheduler scheduler = new Scheduler(null);
    Recorder recorder = recorderFor(scheduler);
    scheduler.schedule(3, recorder, 0, 1, null);
    scheduler.schedule(4, recorder, 0, 2, null);
    assertThat(scheduler.step()).isTrue();
    assertThat(recorder.seen).containsExactly(1L);
    assertThat(scheduler.nowNanos()).isEqualTo(3);
    assertThat(scheduler.step()).isTrue();
    assertThat(scheduler.step()).isFalse();
    assertThat(scheduler.dispatched()).isEqualTo(2);
  }

  @Test
  void requestStop_endsTheRunAfterTheCurrentEvent() {
    Scheduler scheduler = new Scheduler(null);
    List<Long> seen = new ArrayList<>();
    EventTarget stopper = (kind, arg, payload) -> {
      seen.add(arg);
      if (arg == 2) {
        scheduler.requestStop();
      }
    };
    for (long i = 1; i <= 4; i++) {
      scheduler.schedule(i, stopper, 0, i, null);
    }
    scheduler.runUntil(100);
    assertThat(seen).containsExactly(1L, 2L);
    assertThat(scheduler.nowNanos()).as("the clock stays at the stopping event").isEqualTo(2);
  }

  @Test
  void schedulingInThePast_isRefused() {
    Scheduler scheduler = new Scheduler(null);
    scheduler.runUntil(100);
    assertThatThrownBy(() -> scheduler.schedule(99, (k, a, p) -> {}, 0, 0, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("past");
  }

  @Test
  void scheduleAfter_saturatesInsteadOfOverflowing() {
    Scheduler scheduler = new Scheduler(null);
    scheduler.runUntil(10);
    scheduler.scheduleAfter(Long.MAX_VALUE, (k, a, p) -> {}, 0, 0, null);
    assertThat(scheduler.nextEventNanos()).isEqualTo(Long.MAX_VALUE);
  }
}
