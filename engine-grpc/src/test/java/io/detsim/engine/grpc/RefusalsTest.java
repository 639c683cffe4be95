package io.detsim.engine.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.protocol.RejectReason;
import io.grpc.Status;
import org.junit.jupiter.api.Test;

class RefusalsTest {
  @Test
  void everyRefusal_hasAWireTwin_andComesBackAsItself() {
    for (RejectReason reason : RejectReason.values()) {
      assertThat(Refusals.fromWire(Refusals.toWire(reason))).as("%s over the wire", reason).isEqualTo(reason);
      assertThat(Refusals.codeOf(reason)).as("%s has a status", reason).isNotNull();
    }
  }

  @Test
  void aFullStore_isResourceExhausted_neverUnavailable() {
    // UNAVAILABLE is what gRPC clients retry by themselves; a full store refuses every retry.
    assertThat(Refusals.codeOf(RejectReason.STORE_FULL)).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
  }
}
