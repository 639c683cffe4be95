package io.detsim.replay.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.sim.fault.FaultSchedule;
import io.detsim.sim.trace.TraceEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineHtmlTest {
  private static final long MS = 1_000_000L;
  private static final List<TraceEvent> TRACE = List.of(
      new TraceEvent(0, "server", "start", null, "incarnation 1"),
      new TraceEvent(0, "server/worker-0", "start", null, "incarnation 1"),
      new TraceEvent(0, "client-1", "start", null, "incarnation 1"),
      new TraceEvent(1 * MS, "client-1", "send", "server", "obs s-1#1"),
      new TraceEvent(3 * MS, "server", "deliver", "client-1", "obs s-1#1"),
      new TraceEvent(3 * MS, "server", "send", "server/worker-0", "batch 1 space-0 x1"),
      new TraceEvent(3 * MS, "server/worker-0", "deliver", "server", "batch 1 space-0 x1"),
      new TraceEvent(4 * MS, "sim", "fault", null, "crash server"),
      new TraceEvent(4 * MS, "server", "crash", null, null),
      new TraceEvent(5 * MS, "client-1", "note", null, "</script><script>alert('x')</script> & <!-- \u2028"),
      new TraceEvent(6 * MS, "sim", "fault", null, "restart server"),
      new TraceEvent(6 * MS, "server", "start", null, "incarnation 2"));

  @TempDir Path dir;

  private static String page(TimelineContext context) {
    return TimelineHtml.render(TRACE, context);
  }

  private static String data(String html) {
    Matcher matcher = Pattern.compile("<script type=\"application/json\" id=\"timeline-data\">(.*?)</script>",
        Pattern.DOTALL).matcher(html);
    assertThat(matcher.find()).as("the data element").isTrue();
    return matcher.group(1);
  }

  @Test
  void page_carriesTheData_oneLanePerNode_andTheViolationMarker() {
    String html = page(TimelineContext.titled("run 7").withViolation("DATA_LOSS", 5 * MS, "3 acknowledged missing"));
    String data = data(html);

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>run 7</title>").contains("<canvas id=\"timeline\">");
    assertThat(data).contains("\"lanes\":[\"sim\",\"server\",\"server/worker-0\",\"client-1\"]");
    assertThat(data).contains("\"violation\":{\"kind\":\"DATA_LOSS\",\"t\":5000000,\"detail\":\"3 acknowledged missing\"}");
    assertThat(data).contains("[1000000,3,").contains("\"obs s-1#1\"]");
    assertThat(data).contains("\"flights\":[[3,4,0,0],[5,6,0,0]]");
    assertThat(data).contains("\"totalEvents\":12,\"firstShown\":0");
    assertThat(html).contains("function drawViolation()").contains("data-ready");
  }

  @Test
  void page_loadsNothing_fromAnywhere() {
    String html = page(TimelineContext.titled("offline"));

    assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("//cdn")
        .doesNotContainPattern("<script[^>]* src=").doesNotContain("<link").doesNotContain("@import")
        .doesNotContain("url(").doesNotContain("@font-face").doesNotContain("fetch(").doesNotContain("XMLHttpRequest");
    assertThat(html).contains("<style>").contains("<script>\n");
  }

  @Test
  void detailsAndTitle_cannotBreakOutOfTheirElements() {
    String html = page(TimelineContext.titled("<b>title</b> & \"quotes\"").withViolation("CRASH", 1, "</script>"));

    assertThat(html.split("</script>", -1)).as("only the two real closing tags").hasSize(3);
    assertThat(html).doesNotContain("<!-- ").doesNotContain("<b>title");
    assertThat(html).contains("<title>&lt;b&gt;title&lt;/b&gt; &amp; &quot;quotes&quot;</title>");
    assertThat(data(html)).contains("\\u003c/script\\u003e\\u003cscript\\u003ealert('x')\\u003c/script\\u003e \\u0026 "
        + "\\u003c!-- \\u2028");
  }

  @Test
  void faults_comeFromTheTrace_unlessTheContextGivesASchedule() {
    assertThat(data(page(TimelineContext.titled("t"))))
        .contains("{\"start\":4000000,\"end\":6000000,\"kind\":\"crash\",\"label\":\"crash server\",\"nodes\":[\"server\"]}");

    String scheduled = data(page(TimelineContext.titled("t").withFaults(FaultSchedule.parse("1ms partition client-1 | server"))));
    assertThat(scheduled)
        .contains("{\"start\":1000000,\"end\":6000000,\"kind\":\"partition\",\"label\":\"partition client-1 | server\","
            + "\"nodes\":[\"client-1\",\"server\"]}")
        .doesNotContain("\"label\":\"crash server\"");
  }

  @Test
  void longTrace_isCutToTheWindowBeforeTheViolation_orToItsStart_andThePageSaysSo() {
    List<TraceEvent> events = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      events.add(new TraceEvent(i * MS, "server", "timer", null, null));
    }
    TimelineContext limited = TimelineContext.titled("long").withEventLimit(10);

    assertThat(TimelineHtml.window(events, limited)).containsExactly(0, 10);
    assertThat(TimelineHtml.window(events, limited.withViolation("CRASH", 50 * MS, ""))).containsExactly(42, 52);
    assertThat(TimelineHtml.window(events, limited.withViolation("CRASH", 99 * MS, ""))).containsExactly(90, 100);
    assertThat(TimelineHtml.window(events, limited.withViolation("CRASH", 2 * MS, ""))).containsExactly(0, 10);
    assertThat(TimelineHtml.window(events, TimelineContext.titled("all"))).containsExactly(0, 100);

    String data = data(TimelineHtml.render(events, limited.withViolation("CRASH", 50 * MS, "")));
    assertThat(data).contains("\"totalEvents\":100,\"firstShown\":42,\"startNanos\":42000000");
    assertThat(data.split("\n\\[", -1)).as("10 events drawn").hasSize(11);
    assertThat(TimelineHtml.render(events, limited)).contains("Showing events ");
  }

  @Test
  void emptyTrace_rendersAnEmptyPage_andEventsOutOfOrderAreRefused() {
    assertThat(data(TimelineHtml.render(List.of(), TimelineContext.titled("empty"))))
        .contains("\"lanes\":[]").contains("\"events\":[]").contains("\"flights\":[]");

    List<TraceEvent> backwards = List.of(TRACE.get(4), TRACE.get(3));
    assertThatThrownBy(() -> TimelineHtml.render(backwards, TimelineContext.titled("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("events out of time order: event 1 at 1000000ns comes after one at 3000000ns");
  }

  @Test
  void write_putsThePageInAFile() throws Exception {
    Path file = dir.resolve("timeline.html");

    TimelineHtml.write(file, TRACE, TimelineContext.titled("written"));

    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(page(TimelineContext.titled("written")));
  }
}
