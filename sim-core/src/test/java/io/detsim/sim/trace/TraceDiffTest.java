package io.detsim.sim.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.sim.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TraceDiffTest {
  private static List<TraceEvent> trace(int length) {
    List<TraceEvent> events = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      events.add(i % 2 == 0
          ? new TraceEvent(i * 1_000_000L, "client-1", "send", "server", "Observe(s-1," + i + ")")
          : new TraceEvent(i * 1_000_000L, "server", "deliver", "client-1", "Observe(s-1," + (i - 1) + ")"));
    }
    return events;
  }

  @Test
  void identicalTraces_haveNoDifference() {
    assertThat(TraceDiff.compare(trace(100), trace(100), 5)).isEmpty();
    assertThat(TraceDiff.compare(List.of(), List.of(), 5)).isEmpty();
  }

  @Test
  void differenceInTheMiddle_isFoundAtItsIndex_withTheSharedContextBeforeIt() {
    List<TraceEvent> a = trace(100);
    List<TraceEvent> b = new ArrayList<>(a);
    TraceEvent dropped = new TraceEvent(41_000_000L, "server", "drop", "client-1", "partition");
    b.set(41, dropped);

    Difference difference = TraceDiff.compare(a, b, 3).orElseThrow();

    assertThat(difference.index()).isEqualTo(41);
    assertThat(difference.a()).isEqualTo(a.get(41));
    assertThat(difference.b()).isEqualTo(dropped);
    assertThat(difference.context()).containsExactlyElementsOf(a.subList(38, 41));
    assertThat(difference.render()).isEqualTo(String.join("\n",
        "traces differ at event 41 (0-based), virtual time 0.041s",
        "      #38  0.038s  client-1  send     server    Observe(s-1,38)",
        "      #39  0.039s  server    deliver  client-1  Observe(s-1,38)",
        "      #40  0.040s  client-1  send     server    Observe(s-1,40)",
        "  A>  #41  0.041s  server    deliver  client-1  Observe(s-1,40)",
        "  B>  #41  0.041s  server    drop     client-1  partition",
        ""));
  }

  @Test
  void contextIsShorter_whenTheDifferenceIsNearTheStart() {
    List<TraceEvent> b = new ArrayList<>(trace(10));
    b.set(1, new TraceEvent(1_000_000L, "server", "deliver", "client-1", "Observe(s-1,1)"));

    Difference difference = TraceDiff.compare(trace(10), b, 5).orElseThrow();

    assertThat(difference.index()).isEqualTo(1);
    assertThat(difference.context()).containsExactly(trace(1).get(0));
  }

  @Test
  void aTraceThatIsAPrefixOfTheOther_differsWhereItEnded() {
    Difference difference = TraceDiff.compare(trace(10).iterator(), trace(12).iterator(), 2).orElseThrow();

    assertThat(difference.index()).isEqualTo(10);
    assertThat(difference.eventA()).isEmpty();
    assertThat(difference.eventB()).isEqualTo(Optional.of(trace(12).get(10)));
    assertThat(difference.context()).containsExactlyElementsOf(trace(10).subList(8, 10));
    assertThat(difference.render()).isEqualTo(String.join("\n",
        "traces differ at event 10 (0-based), virtual time 0.010s: trace A ended after 10 events",
        "      #8   0.008s  client-1       send     server    Observe(s-1,8)",
        "      #9   0.009s  server         deliver  client-1  Observe(s-1,8)",
        "  A>  #10          (trace ended)",
        "  B>  #10  0.010s  client-1       send     server    Observe(s-1,10)",
        ""));

    Difference reversed = TraceDiff.compare(trace(12), trace(10), 0).orElseThrow();
    assertThat(reversed.eventB()).isEmpty();
    assertThat(reversed.context()).isEmpty();
    assertThat(reversed.render()).startsWith("traces differ at event 10 (0-based), virtual time 0.010s: trace B ended");
  }

  @Test
  void differenceRendersMissingPeerAndDetail() {
    List<TraceEvent> a = List.of(new TraceEvent(2_500_000_000L, "server/worker-0", "timer", null, null));
    List<TraceEvent> b = List.of(new TraceEvent(2_500_999_999L, "server/worker-0", "crash", null, null));

    assertThat(TraceDiff.compare(a, b, 4).orElseThrow().render()).isEqualTo(String.join("\n",
        "traces differ at event 0 (0-based), virtual time 2.500s",
        "  A>  #0  2.500s  server/worker-0  timer  -",
        "  B>  #0  2.500s  server/worker-0  crash  -",
        ""));
  }

  @Test
  void tracesReadFromFiles_compareAsTheyStream() {
    List<TraceEvent> a = TraceFile.parse("{\"t\":1,\"node\":\"a\",\"kind\":\"k\"}\n{\"t\":2,\"node\":\"a\",\"kind\":\"k\"}\n", "a");
    List<TraceEvent> b = TraceFile.parse("{\"t\":1,\"node\":\"a\",\"kind\":\"k\"}\n{\"t\":3,\"node\":\"a\",\"kind\":\"k\"}\n", "b");

    assertThat(TraceDiff.compare(a, b, 1).orElseThrow().index()).isEqualTo(1);
  }

  @Test
  void negativeContext_isRefused() {
    assertThatThrownBy(() -> TraceDiff.compare(trace(1), trace(1), -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
