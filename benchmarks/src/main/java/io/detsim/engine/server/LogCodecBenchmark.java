package io.detsim.engine.server;

import io.detsim.engine.protocol.Episode;
import io.detsim.engine.protocol.Priority;
import io.detsim.engine.protocol.SessionId;
import io.detsim.sim.random.Xoshiro256;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CPU cost of encoding and decoding one observation record ({@link LogCodec}), against a baseline
 * in the same process: the same bytes written float by float through {@code DataOutputStream}, as
 * the codec did before. The server thread encodes every observation it admits and, at compaction,
 * every one it holds, so at dimension 768 this was a fifth of its samples (docs/benchmarks.md).
 *
 * <p>In the codec's package, which it reaches without the codec being public.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar LogCodecBenchmark</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class LogCodecBenchmark {
  @Param({"128", "768"})
  public int dimension;

  private final SessionId session = SessionId.of("s-1");
  private Episode episode;
  private byte[] record;

  @Setup
  public void setUp() {
    Xoshiro256 random = new Xoshiro256(11);
    float[] embedding = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      embedding[i] = (random.nextLong() >>> 40) / (float) (1 << 24) - 0.5f;
    }
    episode = new Episode("episode-000001", "space-a", 1_000_000L, "an observation of ordinary length", embedding, 0.9f);
    record = LogCodec.observation(session, 42, Priority.NORMAL, episode);
    if (!Arrays.equals(record, floatByFloat())) {
      throw new IllegalStateException("the codec no longer writes the bytes of the float-by-float baseline");
    }
  }

  @Benchmark
  public byte[] encode() {
    return LogCodec.observation(session, 42, Priority.NORMAL, episode);
  }

  /** The baseline: the codec's encoding before, one {@code writeFloat} per float. */
  @Benchmark
  public byte[] encodeFloatByFloat() {
    return floatByFloat();
  }

  @Benchmark
  public Object decode() {
    return LogCodec.readObservation(7, record);
  }

  /** The baseline: the codec's decoding before, one {@code readFloat} per float. */
  @Benchmark
  public Object decodeFloatByFloat() throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(record))) {
      SessionId readSession = SessionId.of(in.readUTF());
      long seq = in.readLong();
      Priority priority = Priority.values()[in.readByte()];
      String id = in.readUTF();
      String space = in.readUTF();
      long when = in.readLong();
      String what = in.readUTF();
      float confidence = in.readFloat();
      float[] embedding = new float[in.readInt()];
      for (int i = 0; i < embedding.length; i++) {
        embedding[i] = in.readFloat();
      }
      return new StoredObservation(7, readSession, seq, priority, new Episode(id, space, when, what, embedding, confidence));
    }
  }

  private byte[] floatByFloat() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(session.value());
      out.writeLong(42);
      out.writeByte(Priority.NORMAL.ordinal());
      out.writeUTF(episode.id());
      out.writeUTF(episode.space());
      out.writeLong(episode.whenNanos());
      out.writeUTF(episode.what());
      out.writeFloat(episode.confidence());
      out.writeInt(episode.dimension());
      for (int i = 0; i < episode.dimension(); i++) {
        out.writeFloat(episode.embeddingAt(i));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }
}
