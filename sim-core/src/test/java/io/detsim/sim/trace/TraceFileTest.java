package io.detsim.sim.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.sim.trace.JsonLinesTraceWriter;
import io.detsim.sim.trace.TraceEvent;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceFileTest {
  @TempDir Path dir;

  private static final List<TraceEvent> EVENTS = List.of(
      new TraceEvent(0, "server", "start", null, "incarnation 1"),
      new TraceEvent(1_250_000, "client-1", "send", "server", "Observe(s-1,7)"),
      new TraceEvent(1_250_000, "server", "deliver", "client-1", "Ack(s-1,7,ACCEPTED)"),
      new TraceEvent(2_000_000, "server", "note", null, "quote \" backslash \\ newline \n tab \t cr \r bell \u0007 é ☃ 𝄞"),
      new TraceEvent(3_000_000, "server/worker-0", "timer", null, null),
      new TraceEvent(4_000_000, "sim", "fault", null, "</script><script>alert(1)</script>"));

  private static String written(List<TraceEvent> events) {
    StringWriter out = new StringWriter();
    JsonLinesTraceWriter writer = new JsonLinesTraceWriter(out);
    events.forEach(writer::accept);
    return out.toString();
  }

  @Test
  void read_returnsExactlyWhatTheSimCoreWriterWrote_includingEscapes() throws Exception {
    Path file = dir.resolve("trace.jsonl");
    Files.writeString(file, written(EVENTS), StandardCharsets.UTF_8);

    assertThat(TraceFile.read(file)).containsExactlyElementsOf(EVENTS);
  }

  @Test
  void open_streamsEvents_andReportsLineNumbers() throws Exception {
    Path file = dir.resolve("trace.jsonl");
    Files.writeString(file, written(EVENTS), StandardCharsets.UTF_8);

    List<TraceEvent> seen = new ArrayList<>();
    try (TraceReader reader = TraceFile.open(file)) {
      while (reader.hasNext()) {
        seen.add(reader.next());
        assertThat(reader.lineNumber()).isEqualTo(seen.size());
      }
      assertThat(reader.hasNext()).isFalse();
    }
    assertThat(seen).containsExactlyElementsOf(EVENTS);
  }

  @Test
  void parse_acceptsOtherFieldOrders_whitespace_nullsAndUnicodeEscapes() {
    String text = "  { \"kind\" : \"deliver\", \"detail\":\"\\u0041\\/b\", \"t\":-5, \"peer\":null, \"node\":\"n\" }\n\n";

    assertThat(TraceFile.parse(text, "inline")).containsExactly(new TraceEvent(-5, "n", "deliver", null, "A/b"));
  }

  @Test
  void malformedLine_throwsWithFileLineAndProblemOnOneLine() throws Exception {
    Path file = dir.resolve("bad.jsonl");
    String good = written(EVENTS.subList(0, 2));
    Files.writeString(file, good + "{\"t\":12,\"node\":\"server\",\"kind\":\"send\",\"colour\":\"red\"}\n");

    assertThatThrownBy(() -> TraceFile.read(file))
        .isInstanceOf(TraceFormatException.class)
        .hasMessage(file + ":3: column 39: unknown field \"colour\" (expected t, node, kind, peer, detail)")
        .satisfies(e -> assertThat(((TraceFormatException) e).line()).isEqualTo(3));
  }

  @Test
  void malformedLines_eachNameTheirProblem() {
    assertProblem("{\"t\":1,\"node\":\"a\"}", "x:1: missing field \"kind\"");
    assertProblem("{\"t\":1.5,\"node\":\"a\",\"kind\":\"k\"}", "x:1: column 7: time must be an integer number of nanoseconds, found '.'");
    assertProblem("{\"t\":1,\"node\":\"a\",\"kind\":\"k\"", "x:1: column 29: expected ',' or '}', found end of line");
    assertProblem("{\"t\":1,\"node\":\"a\",\"kind\":\"k\"} x", "x:1: column 31: text after the closing brace, found 'x'");
    assertProblem("{\"t\":1,\"node\":\"a\\q\",\"kind\":\"k\"}", "x:1: column 18: unknown escape \\q, found 'q'");
    assertProblem("{\"t\":1,\"t\":2,\"node\":\"a\",\"kind\":\"k\"}", "x:1: column 8: field \"t\" given twice");
    assertProblem("{\"t\":1,\"node\":\"a,\"kind\":\"k\"}", "x:1: column 19: expected ',' or '}', found 'k'");
    assertProblem("{\"t\":99999999999999999999,\"node\":\"a\",\"kind\":\"k\"}",
        "x:1: column 6: time out of range: 99999999999999999999, found '9'");
    assertProblem("[1,2]", "x:1: column 1: expected '{', found '['");
    assertProblem("{}", "x:1: column 2: empty object: a trace event needs t, node and kind, found '}'");
  }

  private static void assertProblem(String line, String message) {
    assertThatThrownBy(() -> TraceFile.parse(line, "x")).isInstanceOf(TraceFormatException.class).hasMessage(message);
  }
}
