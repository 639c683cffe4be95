package io.detsim.engine.session;

import static io.detsim.engine.session.SessionTableTest.SPACE;
import static io.detsim.engine.session.SessionTableTest.acceptDurably;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.engine.protocol.SessionId;
import io.detsim.engine.protocol.SpaceId;
import io.detsim.engine.session.ObservationDecision.Kind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionSnapshotTest {
  final SessionTable table = new SessionTable(SessionOptions.defaults());

  @Test
  void restore_roundTripsTheDurablePartThroughBytes() {
    SessionId busy = table.open(SPACE, 0);
    SessionId closed = table.open(SpaceId.of("beta"), 0);
    acceptDurably(table, busy, 3, 0);
    table.onObservation(busy, 4, 0);
    table.admit(busy, 4); // in flight at the crash: not durable, so not in the snapshot
    table.onClose(closed, false, 0);

    SessionSnapshot snapshot = table.snapshot();
    SessionSnapshot read = SessionSnapshot.fromBytes(snapshot.toBytes());
    assertThat(read).isEqualTo(snapshot);
    assertThat(read.sessions()).containsExactly(
        new DurableSession(busy, SPACE, 3, false), new DurableSession(closed, SpaceId.of("beta"), 0, true));

    SessionTable restored = SessionTable.restore(SessionOptions.defaults(), read, 77);
    assertThat(restored.find(busy).orElseThrow().expectedSeq()).isEqualTo(4);
    assertThat(restored.onObservation(busy, 4, 78).isAccept()).isTrue(); // the client's retry
    assertThat(restored.onObservation(busy, 3, 78).durable()).isTrue();
    assertThat(restored.onObservation(closed, 1, 78).kind()).isEqualTo(Kind.CLOSED);
    assertThat(restored.open(SPACE, 78).value()).isEqualTo("s-3");
    assertThat(restored.snapshot().sessions()).hasSize(3);
  }

  @Test
  void restore_neverReusesAnIdInTheSnapshot() {
    SessionSnapshot collected = new SessionSnapshot(1, List.of(new DurableSession(SessionId.of("s-41"), SPACE, 2, false)));
    SessionTable restored = SessionTable.restore(SessionOptions.defaults(), collected, 0);
    assertThat(restored.open(SPACE, 0).value()).isEqualTo("s-42");
  }

  @Test
  void emptyTable_roundTrips() {
    SessionSnapshot empty = table.snapshot();
    assertThat(SessionSnapshot.fromBytes(empty.toBytes())).isEqualTo(new SessionSnapshot(1, List.of()));
  }

  @Test
  void fromBytes_refusesDamagedInput() {
    table.open(SPACE, 0);
    byte[] bytes = table.snapshot().toBytes();
    assertThatThrownBy(() -> SessionSnapshot.fromBytes(Arrays.copyOf(bytes, bytes.length - 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SessionSnapshot.fromBytes(Arrays.copyOf(bytes, bytes.length + 1)))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] wrongMagic = bytes.clone();
    wrongMagic[0] ^= 1;
    assertThatThrownBy(() -> SessionSnapshot.fromBytes(wrongMagic)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SessionSnapshot.fromBytes(new byte[0])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void snapshot_refusesDuplicateSessions() {
    DurableSession one = new DurableSession(SessionId.of("s-1"), SPACE, 0, false);
    assertThatThrownBy(() -> new SessionSnapshot(2, List.of(one, one))).isInstanceOf(IllegalArgumentException.class);
  }
}
