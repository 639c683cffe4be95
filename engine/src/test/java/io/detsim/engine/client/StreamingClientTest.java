package io.detsim.engine.client;

import static io.detsim.engine.client.ClientWorld.MS;
import static io.detsim.engine.client.ClientWorld.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.protocol.RejectReason;
import io.detsim.engine.protocol.SessionId;
import io.detsim.engine.protocol.SessionStatus;
import io.detsim.sim.net.NetworkOptions;
import io.detsim.sim.port.Ratio;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The client against a fake server on the simulator, one behaviour of docs/engine.md's protocol per test. */
class StreamingClientTest {

  @Test
  void noFaults_streamsEveryObservation_acceptedOnceInSeqOrder() {
    // A fixed latency keeps messages in order: nothing should be sent twice.
    ClientWorld world = ClientWorld.fifo(o -> o.withObservationsTotal(500).withWindowMax(16));

    assertThat(world.settle(10 * SECOND)).isTrue();

    ClientView view = world.view();
    assertThat(view.isDone()).isTrue();
    assertThat(view.acceptedCount()).isEqualTo(500);
    assertThat(view.indexedCount()).isEqualTo(500);
    assertThat(view.resentCount()).as("no fault, so no resend").isZero();
    assertThat(view.sessions()).hasSize(1);
    assertThat(view.sessions().get(0).isClosed()).as("Close(drain) answered CLOSED").isTrue();
    assertThat(world.ledger.applied.get(SessionId.of("s-1"))).extracting(FakeServer.Applied::seq)
        .containsExactlyElementsOf(range(1, 500));
    assertThat(world.ledger.appliedEpisodeIds()).containsExactlyElementsOf(episodeIds(1, 500));
    for (ObservationRecord record : view.observations()) {
      assertThat(record.outcome()).isEqualTo(ObservationRecord.Outcome.ACCEPTED);
      assertThat(record.acceptedAs()).isEqualTo(new ObservationRecord.Assignment(SessionId.of("s-1"), record.index()));
      assertThat(record.sendCount()).isEqualTo(1);
      assertThat(record.acceptedAtNanos().getAsLong()).isGreaterThan(record.firstSentAtNanos().getAsLong());
    }
    assertThat(view.anomalies()).isEmpty();
    assertThat(world.ledger.violations).isEmpty();
  }

  @Test
  void jitteryLatency_reorders_yetFewObservationsAreSentTwice() {
    ClientWorld world = ClientWorld.healthy(o -> o.withObservationsTotal(1_000).withRate(2_000));

    world.settle(30 * SECOND);

    ClientView view = world.view();
    assertThat(world.ledger.gapsSentAt).as("1-3 ms latency at 0.5 ms pacing overtakes").isNotEmpty();
    assertThat(view.gapResendCount()).isPositive();
    assertThat(view.resentCount()).as("each overtaking costs a resend or two, not a window").isLessThan(200);
    assertThat(world.ledger.appliedEpisodeIds()).containsExactlyElementsOf(episodeIds(1, 1_000));
  }

  @Test
  void noFaults_streamsAtTheTargetRate() {
    ClientWorld world = ClientWorld.fifo(o -> o.withObservationsTotal(2_000).withRate(1_000));

    world.settle(10 * SECOND);

    assertThat(world.view().acceptedCount()).isEqualTo(2_000);
    assertThat(world.newArrivals(0, SECOND)).isBetween(990L, 1_001L);
  }

  @Test
  void window_boundsTheUnacknowledgedObservationsInFlight() {
    ClientWorld world = new ClientWorld(3, NetworkOptions.none(),
        FakeServer.Settings.standard().withAckDelay(50 * MS),
        o -> o.withObservationsTotal(300).withRate(10_000).withWindowMax(8));

    world.settle(30 * SECOND);

    assertThat(world.view().acceptedCount()).isEqualTo(300);
    assertThat(world.ledger.maxUnacknowledged).as("slow acks: the window is what limits").isEqualTo(8);
  }

  @Test
  void loss_everyObservationEventuallyAccepted_inOrder_withoutGaps() {
    ClientWorld world = new ClientWorld(5, NetworkOptions.none().withLoss(Ratio.of(1, 5)),
        FakeServer.Settings.standard(), o -> o.withObservationsTotal(300).withWindowMax(16));

    world.settle(300 * SECOND);

    ClientView view = world.view();
    assertThat(view.isDone()).isTrue();
    assertThat(view.acceptedCount()).isEqualTo(300);
    assertThat(view.resentCount()).as("a fifth of messages lost: retries").isPositive();
    assertThat(world.ledger.gapsSentAt).as("lost observations make gaps, which are refused").isNotEmpty();
    assertThat(world.ledger.appliedEpisodeIds()).containsExactlyElementsOf(episodeIds(1, 300));
    assertThat(view.sessions()).hasSize(1);
    assertThat(view.anomalies()).isEmpty();
    assertThat(world.ledger.violations).isEmpty();
  }

  @Test
  void duplicationAndReordering_appliedOrderHasNoGapOrDuplicate() {
    NetworkOptions network = NetworkOptions.none().withDuplicate(Ratio.of(1, 4)).withReorder(Ratio.of(1, 4));
    ClientWorld world = new ClientWorld(7, network, FakeServer.Settings.standard(),
        o -> o.withObservationsTotal(300).withWindowMax(32));

    world.settle(120 * SECOND);

    ClientView view = world.view();
    assertThat(view.acceptedCount()).isEqualTo(300);
    assertThat(world.ledger.duplicates).as("duplicates reached the server").isPositive();
    assertThat(world.ledger.appliedEpisodeIds()).containsExactlyElementsOf(episodeIds(1, 300));
    assertThat(view.sessions()).as("a duplicated Init or InitAck opens no second session").hasSize(1);
    assertThat(view.anomalies()).isEmpty();
    assertThat(world.ledger.violations).isEmpty();
  }

  @Test
  void gap_resendsFromTheExpectedNumber_withoutWaitingForTheRetryTimer() {
    ClientWorld world = new ClientWorld(9, NetworkOptions.none(), FakeServer.Settings.standard(),
        o -> o.withObservationsTotal(50).withRate(2_000).withRetry(2 * SECOND, 10 * SECOND));
    world.server().dropNextArrivalOf(5);

    world.settle(60 * SECOND);

    List<Long> arrivalsOf5 = new ArrayList<>();
    for (FakeServer.Arrival arrival : world.ledger.arrivals) {
      if (arrival.seq() == 5) {
        arrivalsOf5.add(arrival.atNanos());
      }
    }
    assertThat(world.view().acceptedCount()).isEqualTo(50);
    assertThat(world.view().gapResendCount()).isPositive();
    assertThat(arrivalsOf5).hasSizeGreaterThanOrEqualTo(2);
    assertThat(arrivalsOf5.get(1) - arrivalsOf5.get(0)).as("go-back-N, not the 2 s retry").isLessThan(100 * MS);
    assertThat(world.ledger.appliedEpisodeIds()).containsExactlyElementsOf(episodeIds(1, 50));
  }

  @Test
  void expiredSession_resumesOnTheSameSessionFromTheExpectedNumber() {
    ClientWorld world = ClientWorld.fifo(o -> o.withObservationsTotal(200).withRate(2_000)
        .withRetry(2 * SECOND, 10 * SECOND));
    world.sim.at(40 * MS, () -> world.server().expireAllAndLoseTheResumingObservation());

    world.settle(60 * SECOND);

    assertThat(world.ledger.expiredRejections).isPositive();
    assertThat(world.view().rejectionCount(RejectReason.SESSION_EXPIRED)).isPositive();
    assertThat(world.view().sessions()).hasSize(1);
    assertThat(world.view().acceptedCount()).isEqualTo(200);
    assertThat(world.sim.nowNanos()).as("resumed by fast retransmit, not the 2 s retry timer").isLessThan(SECOND);
    assertThat(world.ledger.appliedEpisodeIds()).containsExactlyElementsOf(episodeIds(1, 200));
  }

  @Test
  void overCapacity_waitsAtLeastTheRetryAfterBeforeSendingAgain() {
    long retryAfter = 500 * MS;
    ClientWorld world = ClientWorld.healthy(o -> o.withObservationsTotal(600).withRate(1_000));
    world.sim.at(100 * MS, () -> world.server().overCapacityFor(300 * MS, retryAfter));

    world.settle(60 * SECOND);

    assertThat(world.ledger.overCapacitySentAt).isNotEmpty();
    assertThat(world.view().pauseCount()).isPositive();
    // Observations already in flight when a refusal is sent arrive within two one-way latencies
    // (at most 3 ms each); after that nothing may arrive until the retry-after has passed.
    for (long refusedAt : world.ledger.overCapacitySentAt) {
      assertThat(world.newArrivalsOrResends(refusedAt + 10 * MS, refusedAt + retryAfter))
          .as("arrivals in the wait after a refusal at %d ms", refusedAt / MS).isZero();
    }
    assertThat(world.view().acceptedCount()).isEqualTo(600);
    assertThat(world.ledger.appliedEpisodeIds()).containsExactlyElementsOf(episodeIds(1, 600));
  }

  @Test
  void overloadedStatus_stopsSendingForTheBackoff() {
    ClientWorld world = ClientWorld.healthy(o -> o.withObservationsTotal(600).withRate(1_000));
    world.sim.at(200 * MS, () -> world.server().broadcast(SessionStatus.OVERLOADED));

    world.settle(60 * SECOND);

    assertThat(world.newArrivalsOrResends(210 * MS, 400 * MS)).as("the wait is at least the 200 ms backoff").isZero();
    assertThat(world.view().acceptedCount()).isEqualTo(600);
  }

  @Test
  void backpressure_halvesTheSendRate_andActiveRestoresIt() {
    ClientWorld world = ClientWorld.fifo(o -> o.withObservationsTotal(3_000).withRate(1_000));
    world.sim.at(SECOND, () -> world.server().broadcast(SessionStatus.BACKPRESSURE));
    world.sim.at(2 * SECOND, () -> world.server().broadcast(SessionStatus.ACTIVE));

    world.settle(60 * SECOND);

    long before = world.newArrivals(500 * MS, SECOND);
    long during = world.newArrivals(1_100 * MS, 1_600 * MS);
    long after = world.newArrivals(2_400 * MS, 2_900 * MS);
    assertThat(before).isBetween(490L, 510L);
    assertThat((double) during / before).as("rate under backpressure / rate before").isBetween(0.45, 0.55);
    assertThat((double) after / before).as("rate restored after ACTIVE").isBetween(0.95, 1.05);
    assertThat(world.view().ratePerSecond()).isEqualTo(1_000);
    assertThat(world.view().acceptedCount()).isEqualTo(3_000);
  }

  @Test
  void serverRestartLosingSessions_reinitsAndCompletes() {
    ClientWorld world = ClientWorld.healthy(o -> o.withObservationsTotal(400).withRate(1_000));
    world.sim.at(150 * MS, () -> world.sim.crash(world.server));
    world.sim.at(200 * MS, () -> world.sim.restart(world.server));

    world.settle(60 * SECOND);

    ClientView view = world.view();
    assertThat(view.isDone()).isTrue();
    assertThat(view.acceptedCount()).isEqualTo(400);
    assertThat(view.sessions()).extracting(SessionRecord::openedBecause)
        .containsExactly(SessionRecord.Cause.START, SessionRecord.Cause.SESSION_UNKNOWN);
    SessionRecord second = view.sessions().get(1);
    List<String> firstApplied = world.ledger.appliedEpisodeIds(view.sessions().get(0).session());
    List<String> secondApplied = world.ledger.appliedEpisodeIds(second.session());
    assertThat(firstApplied).containsExactlyElementsOf(episodeIds(1, firstApplied.size()));
    long resumedAt = view.observation(second.episodeIdsBySeq().get(1L)).orElseThrow().index();
    assertThat(secondApplied).as("the new session restarts at seq 1 with the first one not ACCEPTED")
        .containsExactlyElementsOf(episodeIds(resumedAt, 400));
    assertThat(resumedAt).isLessThanOrEqualTo(firstApplied.size() + 1);
    for (ObservationRecord record : view.observations()) {
      boolean acceptedInFirst = record.acceptedAs().session().equals(view.sessions().get(0).session());
      assertThat(acceptedInFirst).as(record.episodeId()).isEqualTo(record.index() < resumedAt);
    }
    assertThat(view.anomalies()).isEmpty();
  }

  /**
   * A client that closes right after its last send hears CLOSED while ACCEPTEDs are still on their
   * way (the fake server closes at once, and answers 20 ms after an arrival). It must not take the unanswered ones for refused: they
   * were admitted, and sent again in a new session they would be stored twice.
   */
  @Test
  void closeAfterLastSend_waitsForTheAnswersOfTheClosedSession() {
    ClientWorld world = closingAfterLastSend();

    assertThat(world.settle(10 * SECOND)).isTrue();

    ClientView view = world.view();
    assertThat(view.isDone()).isTrue();
    assertThat(view.acceptedCount()).isEqualTo(50);
    assertThat(view.sessions()).hasSize(1);
    assertThat(world.ledger.appliedEpisodeIds()).containsExactlyElementsOf(episodeIds(1, 50));
    assertThat(view.anomalies()).isEmpty();
  }

  /**
   * 50 observations and a close right after the last send, on a world where ACCEPTED is slow (see
   * {@link #slowAccepted}): the CLOSED, sent at once, comes back long before the last ACCEPTEDs.
   */
  private static ClientWorld closingAfterLastSend() {
    return slowAccepted(o -> o.withObservationsTotal(50).withClose(ClosePolicy.AFTER_LAST_SEND));
  }

  /**
   * A FIFO network (2 ms) and ACCEPTED 20 ms after arrival: an immediate answer (CLOSED, a refusal)
   * and a new session's InitAck come back before the ACCEPTEDs of the observations sent just before.
   */
  private static ClientWorld slowAccepted(UnaryOperator<ClientOptions> tune) {
    return new ClientWorld(1, NetworkOptions.none().withLatency(2 * MS, 2 * MS),
        FakeServer.Settings.standard().withAckDelay(20 * MS), tune);
  }

  /** An ACCEPTED lost after the close is asked for again in the closed session, which answers a duplicate. */
  @Test
  void closeAfterLastSend_lostAcceptedIsRetriedInTheClosedSession() {
    ClientWorld world = closingAfterLastSend();
    world.server().loseFirstAcceptedOf(50);

    assertThat(world.settle(10 * SECOND)).isTrue();

    ClientView view = world.view();
    assertThat(view.acceptedCount()).isEqualTo(50);
    assertThat(view.resentCount()).isEqualTo(1);
    assertThat(view.sessions()).hasSize(1);
    assertThat(world.ledger.duplicates).isEqualTo(1);
    assertThat(world.ledger.appliedEpisodeIds()).containsExactlyElementsOf(episodeIds(1, 50));
  }

  /** What the closed session never admitted (SESSION_CLOSED names the first such number) moves to a new one. */
  @Test
  void closeAfterLastSend_whatTheClosedSessionNeverAdmittedMovesToANewSession() {
    ClientWorld world = closingAfterLastSend();
    world.server().dropNextArrivalOf(50);

    assertThat(world.settle(10 * SECOND)).isTrue();

    ClientView view = world.view();
    assertThat(view.acceptedCount()).isEqualTo(50);
    assertThat(view.sessions()).extracting(SessionRecord::openedBecause)
        .containsExactly(SessionRecord.Cause.START, SessionRecord.Cause.SESSION_CLOSED);
    assertThat(world.ledger.appliedEpisodeIds(view.sessions().get(1).session())).containsExactly("client-50");
    assertThat(world.ledger.appliedEpisodeIds()).containsExactlyElementsOf(episodeIds(1, 50));
    assertThat(view.sessions()).allMatch(SessionRecord::isClosed);
  }

  @Test
  void invalidInput_isFinal_andTheRestGoesOnInANewSession() {
    ClientWorld world = slowAccepted(o -> o.withObservationsTotal(100));
    world.server().refuseAsInvalid("client-30");

    world.settle(60 * SECOND);

    ClientView view = world.view();
    assertThat(view.isDone()).isTrue();
    assertThat(view.observation("client-30").orElseThrow().outcome()).isEqualTo(ObservationRecord.Outcome.REJECTED);
    assertThat(view.observation("client-30").orElseThrow().finalReason()).isEqualTo(RejectReason.INVALID_INPUT);
    assertThat(view.acceptedCount()).isEqualTo(99);
    assertThat(view.finallyRejectedCount()).isEqualTo(1);
    assertThat(view.sessions()).extracting(SessionRecord::openedBecause)
        .containsExactly(SessionRecord.Cause.START, SessionRecord.Cause.INVALID_INPUT);
    // The server validates before it looks at the number, so the refusal may come while lower ones
    // are still on their way. Those are answered in the first session: moved, they would be applied
    // in both.
    List<String> expected = episodeIds(1, 100);
    expected.remove("client-30");
    assertThat(world.ledger.appliedEpisodeIds()).containsExactlyElementsOf(expected);
    assertThat(world.ledger.appliedEpisodeIds(view.sessions().get(0).session()))
        .containsExactlyElementsOf(episodeIds(1, 29));
  }

  @Test
  void indexedBeforeAccepted_isRecordedBothWays() {
    ClientWorld world = new ClientWorld(1, NetworkOptions.none().withLatency(2 * MS, 2 * MS),
        FakeServer.Settings.standard().withAckDelay(10 * MS).withIndexDelay(1 * MS), o -> o.withObservationsTotal(50));

    world.settle(10 * SECOND);

    for (ObservationRecord record : world.view().observations()) {
      assertThat(record.wasIndexedBeforeAccepted()).as(record.episodeId()).isTrue();
      assertThat(record.indexedAtNanos()).isPresent();
      assertThat(record.outcome()).isEqualTo(ObservationRecord.Outcome.ACCEPTED);
    }
    assertThat(world.view().indexedCount()).isEqualTo(50);
  }

  @Test
  void recallProbe_recordsEachAnswer() {
    ClientWorld world = ClientWorld.fifo(o -> o.withObservationsTotal(500)
        .withRecallProbe(RecallProbe.every(50 * MS, 5, true)));

    world.settle(60 * SECOND);

    List<RecallRecord> recalls = world.view().recalls();
    assertThat(recalls).hasSizeBetween(8, 11);
    for (RecallRecord recall : recalls) {
      assertThat(recall.isComplete()).isTrue();
      assertThat(recall.space()).isEqualTo(ClientWorld.SPACE);
      assertThat(recall.pages().get(0).receivedAtNanos()).isGreaterThan(recall.sentAtNanos());
      assertThat(recall.memoryIds()).hasSizeLessThanOrEqualTo(5).allMatch(id -> id.startsWith("client-"));
    }
    assertThat(recalls.get(recalls.size() - 1).pages().get(0).snapshotGeneration()).isPositive();
  }

  @Test
  void sameSeed_sameDigest_otherSeed_otherDigest() {
    long digest = faultyRun(21);
    assertThat(faultyRun(21)).isEqualTo(digest);
    assertThat(faultyRun(22)).isNotEqualTo(digest);
  }

  private static long faultyRun(long seed) {
    NetworkOptions network = NetworkOptions.none().withLoss(Ratio.of(1, 10)).withDuplicate(Ratio.of(1, 10))
        .withReorder(Ratio.of(1, 10));
    ClientWorld world = new ClientWorld(seed, network, FakeServer.Settings.standard(),
        o -> o.withObservationsTotal(200).withPriorityMix(new PriorityMix(1, 2, 1))
            .withRecallProbe(RecallProbe.every(100 * MS, 3, false)));
    world.settle(120 * SECOND);
    assertThat(world.view().isDone()).isTrue();
    return world.sim.digest();
  }

  static long index(String episodeId) {
    return Long.parseLong(episodeId.substring(episodeId.lastIndexOf('-') + 1));
  }

  static List<Long> range(long from, long to) {
    List<Long> values = new ArrayList<>();
    for (long i = from; i <= to; i++) {
      values.add(i);
    }
    return values;
  }

  static List<String> episodeIds(long from, long to) {
    List<String> ids = new ArrayList<>();
    for (long i = from; i <= to; i++) {
      ids.add("client-" + i);
    }
    return ids;
  }
}
