package io.detsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.replay.campaign.FoundFailure;
import io.detsim.replay.campaign.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  @Test
  void onATerminal_theLineIsRewrittenInPlaceAndEndedBeforeOtherOutput() {
    StringWriter err = new StringWriter();
    ProgressLine line = new ProgressLine(new PrintWriter(err, true), /* terminal= */ true, 0, 0);
    line.progress(new Progress(10, 1, 20_000_000_000L));
    line.progress(new Progress(20, 1, 40_000_000_000L));
    line.shrinking(new FoundFailure("DATA_LOSS", 3, 0x2a));
    String text = err.toString();
    assertThat(text).startsWith("\rfuzz: 10 seeds, 1 failures, ").contains("\rfuzz: 20 seeds, 1 failures, ")
        .contains("x simulated/wall").endsWith("\nfuzz: DATA_LOSS at seed 0x000000000000002a; shrinking\n");
    // Two line ends: one closes the rewritten progress line, one ends the shrinking message.
    assertThat(text.chars().filter(c -> c == '\n').count()).isEqualTo(2);
  }

  @Test
  void inALog_plainLinesComeOnlyEveryFewSeconds() {
    StringWriter err = new StringWriter();
    ProgressLine line = new ProgressLine(new PrintWriter(err, true), /* terminal= */ false, 0, 0);
    line.progress(new Progress(10, 0, 20_000_000_000L));
    line.progress(new Progress(20, 0, 40_000_000_000L));
    assertThat(err.toString()).isEmpty(); // the first plain line comes five seconds in
    line.shrinking(new FoundFailure("DATA_LOSS", 3, 0x2a));
    assertThat(err.toString()).isEqualTo("fuzz: DATA_LOSS at seed 0x000000000000002a; shrinking\n");
  }
}
