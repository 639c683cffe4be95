package io.detsim.engine.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.detsim.engine.grpc.wire.EngineGrpc;
import io.detsim.engine.grpc.wire.StatusReply;
import io.detsim.engine.grpc.wire.StatusRequest;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bearer token, TLS, and the limits on connections and streams: each refuses with its own status, and lets the right call in. */
class SecurityTest {
  @TempDir
  Path data;

  @Test
  void withAToken_aCallWithoutIt_orWithAnotherOne_isUnauthenticated() {
    try (Loopback loopback = new Loopback(data, GrpcSettings.loopback(0).withToken("s3cret"))) {
      ManagedChannel channel = loopback.channel();
      assertThat(refusal(EngineGrpc.newBlockingStub(channel)).getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(refusal(EngineGrpc.newBlockingStub(channel).withInterceptors(bearer("wrong"))).getCode())
          .isEqualTo(Status.Code.UNAUTHENTICATED);
      StatusReply ok = EngineGrpc.newBlockingStub(channel).withInterceptors(bearer("s3cret"))
          .status(StatusRequest.getDefaultInstance());
      assertThat(ok.getServing()).isTrue();
      channel.shutdownNow();
    }
  }

  @Test
  void withTls_aClientTrustingTheCertificateIsServed_andAPlaintextOneIsNot() throws IOException {
    Path cert = copy("tls/cert.pem");
    Path key = copy("tls/key.pem");
    try (Loopback loopback = new Loopback(data.resolve("engine"),
        GrpcSettings.loopback(0).withTls(new GrpcSettings.Tls(cert, key)))) {
      ChannelCredentials trusting = TlsChannelCredentials.newBuilder().trustManager(cert.toFile()).build();
      ManagedChannel tls = Grpc.newChannelBuilderForAddress("localhost", loopback.server.port(), trusting).build();
      assertThat(EngineGrpc.newBlockingStub(tls).status(StatusRequest.getDefaultInstance()).getServing()).isTrue();
      ManagedChannel plain = loopback.channel();
      assertThat(refusal(EngineGrpc.newBlockingStub(plain)).getCode()).isEqualTo(Status.Code.UNAVAILABLE);
      tls.shutdownNow();
      plain.shutdownNow();
    }
  }

  @Test
  void oneConnectionOverTheLimit_isResourceExhausted_withARetryAfter_andTheFirstIsStillServed() {
    try (Loopback loopback = new Loopback(data, GrpcSettings.loopback(0).withMaxConnections(1))) {
      ManagedChannel first = loopback.channel();
      assertThat(EngineGrpc.newBlockingStub(first).status(StatusRequest.getDefaultInstance()).getServing()).isTrue();
      ManagedChannel second = loopback.channel();
      StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
          () -> EngineGrpc.newBlockingStub(second).status(StatusRequest.getDefaultInstance()));
      assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
      assertThat(refused.getStatus().getDescription()).contains("more than 1 connections");
      assertThat(refused.getTrailers().get(Refusals.RETRY_AFTER_MS)).isEqualTo("1000");
      assertThat(EngineGrpc.newBlockingStub(first).status(StatusRequest.getDefaultInstance()).getServing()).isTrue();
      first.shutdownNow();
      second.shutdownNow();
    }
  }

  @Test
  void aCallOverTheStreamsLimit_waitsForAStreamToClose_andIsServedThen() throws InterruptedException {
    try (Loopback loopback = new Loopback(data, GrpcSettings.loopback(0).withMaxStreamsPerConnection(1))) {
      ManagedChannel channel = loopback.channel();
      Loopback.Session open = new Loopback.Session(channel);
      open.init("space-a"); // the connection's one stream, held open
      // HTTP/2 makes the client hold a stream past the server's limit rather than the server refuse
      // it: the call does not start while the session is open (its deadline only ends the wait)...
      Status waited = catchThrowableOfType(StatusRuntimeException.class, () -> EngineGrpc.newBlockingStub(channel)
          .withDeadlineAfter(1, TimeUnit.SECONDS).status(StatusRequest.getDefaultInstance())).getStatus();
      assertThat(waited.getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
      // ...and is served once it closes.
      open.out.onCompleted();
      open.awaitEnd();
      assertThat(EngineGrpc.newBlockingStub(channel).status(StatusRequest.getDefaultInstance()).getServing()).isTrue();
      channel.shutdownNow();
    }
  }

  private static Status refusal(EngineGrpc.EngineBlockingStub stub) {
    return catchThrowableOfType(StatusRuntimeException.class, () -> stub.status(StatusRequest.getDefaultInstance()))
        .getStatus();
  }

  private static io.grpc.ClientInterceptor bearer(String token) {
    Metadata headers = new Metadata();
    headers.put(BearerToken.AUTHORIZATION, "Bearer " + token);
    return MetadataUtils.newAttachHeadersInterceptor(headers);
  }

  private Path copy(String resource) throws IOException {
    Path file = data.resolve(resource.replace('/', '-'));
    try (InputStream in = SecurityTest.class.getResourceAsStream(resource)) {
      Files.copy(in, file);
    }
    return file;
  }
}
