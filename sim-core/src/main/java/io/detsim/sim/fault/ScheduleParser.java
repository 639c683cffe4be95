package io.detsim.sim.fault;

import io.detsim.sim.fault.Fault.Burst;
import io.detsim.sim.fault.Fault.ClockDrift;
import io.detsim.sim.fault.Fault.ClockJump;
import io.detsim.sim.fault.Fault.ClockOffset;
import io.detsim.sim.fault.Fault.Clog;
import io.detsim.sim.fault.Fault.CorruptDisk;
import io.detsim.sim.fault.Fault.Crash;
import io.detsim.sim.fault.Fault.Delay;
import io.detsim.sim.fault.Fault.Duplicate;
import io.detsim.sim.fault.Fault.Heal;
import io.detsim.sim.fault.Fault.HealAll;
import io.detsim.sim.fault.Fault.Kill;
import io.detsim.sim.fault.Fault.Loss;
import io.detsim.sim.fault.Fault.Partition;
import io.detsim.sim.fault.Fault.Pause;
import io.detsim.sim.fault.Fault.Reorder;
import io.detsim.sim.fault.Fault.Restart;
import io.detsim.sim.fault.Fault.Unclog;
import io.detsim.sim.fault.LineCursor.Token;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.Ratio;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text form described on {@link FaultSchedule}, line by line. Every argument is checked
 * here, before a fault record is built, so that an error names the token at fault and says what was
 * expected there; the records' own checks remain as a backstop and are reported at the fault word.
 */
final class ScheduleParser {
  /** The fault words, in the order the error message for an unknown word lists them. */
  static final List<String> FAULT_WORDS = List.of(
      "crash", "restart", "pause", "kill", "partition", "heal", "clog", "unclog", "delay", "loss",
      "duplicate", "reorder", "clock-offset", "clock-jump", "clock-drift", "corrupt-disk", "burst", "heal-all");

  private static final Pattern HEADER = Pattern.compile("\\s*#\\s*detsim fault schedule\\b\\s*(.*?)\\s*");
  private static final Pattern RATIO = Pattern.compile("[0-9]+(/[0-9]+)?");
  private static final Pattern DRIFT = Pattern.compile("([+-]?[0-9]+)ppm");
  private static final Pattern BYTES = Pattern.compile("([0-9]+)B");
  private static final Pattern COUNT = Pattern.compile("[0-9]+");
  private static final Pattern AIMED = Pattern.compile("([^@]*)@([^+]*)(\\+(.*))?");
  private static final long DRIFT_LIMIT_PPM = 1_000_000;

  private ScheduleParser() {}

  static FaultSchedule parse(String text) {
    Objects.requireNonNull(text, "text");
    List<ScheduledFault> entries = new ArrayList<>();
    List<String> lines = text.lines().toList();
    boolean aimAllowed = true; // no header: read as the newest version
    for (int index = 0; index < lines.size(); index++) {
      if (index == 0) {
        aimAllowed = !checkHeader(lines.get(0)).equals("v1");
      }
      LineCursor cursor = LineCursor.of(index + 1, lines.get(index));
      if (!cursor.isBlank()) {
        entries.add(entry(cursor, aimAllowed));
      }
    }
    return FaultSchedule.of(entries); // sorts: lines may come in any order
  }

  /**
   * The version the header names ({@code v1} or {@code v2}), or {@code v2} when the first line is
   * no header. A header for another version must not be read as if it were one of these.
   */
  private static String checkHeader(String line) {
    Matcher header = HEADER.matcher(line);
    if (!header.matches()) {
      return "v2";
    }
    String version = header.group(1);
    if (!version.equals("v1") && !version.equals("v2")) {
      throw new ScheduleParseException(
          1,
          header.start(1) + 1,
          "expected format version v1 or v2 after '# detsim fault schedule', found "
              + (version.isEmpty() ? "none" : "'" + version + "'"),
          line);
    }
    return version;
  }

  private static ScheduledFault entry(LineCursor cursor, boolean aimAllowed) {
    Token when = cursor.next("a time like 1.25s");
    Optional<Anchor> anchor = Optional.empty();
    long atNanos;
    Matcher aimed = AIMED.matcher(when.text());
    if (aimed.matches() && !when.text().startsWith("-")) {
      if (!aimAllowed) {
        throw cursor.error(when, "expected a time like 1.25s (aimed entries like " + when.quoted()
            + " need '# detsim fault schedule v2')");
      }
      anchor = Optional.of(anchor(cursor, when, aimed));
      atNanos = aimOffset(cursor, when, aimed);
    } else {
      atNanos = time(cursor, when);
    }
    Token word = cursor.next("a fault after the time, one of " + String.join(", ", FAULT_WORDS));
    Fault fault;
    try {
      fault = fault(cursor, word);
    } catch (ScheduleParseException e) {
      throw e;
    } catch (IllegalArgumentException e) { // a record check the parser does not repeat
      throw cursor.error(word, e.getMessage());
    }
    cursor.expectEnd();
    return new ScheduledFault(atNanos, fault, anchor);
  }

  /** {@code compaction-start@2} of {@code compaction-start@2+5ms}. */
  private static Anchor anchor(LineCursor cursor, Token when, Matcher aimed) {
    String point = aimed.group(1);
    if (!Anchor.POINT_NAME.matcher(point).matches()) {
      throw cursor.error(when, "expected a point name like compaction-start before '@', found '" + point + "'");
    }
    int countColumn = when.column() + aimed.start(2);
    String count = aimed.group(2);
    long occurrence = COUNT.matcher(count).matches() ? parseLongOr(count, Long.MAX_VALUE) : -1;
    if (occurrence < 1 || occurrence > Integer.MAX_VALUE) {
      throw cursor.errorAt(countColumn,
          "expected an occurrence from 1 to " + Integer.MAX_VALUE + " after '" + point + "@', found '" + count + "'");
    }
    return new Anchor(point, (int) occurrence);
  }

  /** {@code 5ms} of {@code compaction-start@2+5ms}; the offset is required, {@code +0ms} at least. */
  private static long aimOffset(LineCursor cursor, Token when, Matcher aimed) {
    if (aimed.group(3) == null) {
      throw cursor.errorAt(when.column() + when.text().length(),
          "expected an offset like +0ms after '" + when.text() + "', found end of word");
    }
    return duration(cursor, new Token(aimed.group(4), when.column() + aimed.start(4)));
  }

  private static long time(LineCursor cursor, Token token) {
    char first = token.text().charAt(0);
    if (first == '-') {
      throw cursor.error(
          token, "expected a time at or after 0s (no fault strikes before the run), found " + token.quoted());
    }
    if (first < '0' || first > '9') {
      throw cursor.error(token, "expected a time like 1.25s at the start of the line, found " + token.quoted());
    }
    return duration(cursor, token);
  }

  private static Fault fault(LineCursor cursor, Token word) {
    return switch (word.text()) {
      case "crash" -> new Crash(node(cursor, "crash"));
      case "restart" -> new Restart(node(cursor, "restart"));
      case "pause" -> pause(cursor);
      case "kill" -> new Kill(actor(cursor));
      case "partition" -> partition(cursor);
      case "heal" -> new Heal();
      case "clog" -> clog(cursor);
      case "unclog" -> new Unclog(node(cursor, "unclog"), nodeAfterArrow(cursor));
      case "delay" -> delay(cursor);
      case "loss" -> new Loss(ratio(cursor, "loss"));
      case "duplicate" -> new Duplicate(ratio(cursor, "duplicate"));
      case "reorder" -> new Reorder(ratio(cursor, "reorder"));
      case "clock-offset" ->
          new ClockOffset(node(cursor, "clock-offset"), signedDuration(cursor, "an offset like -5s"));
      case "clock-jump" -> new ClockJump(node(cursor, "clock-jump"), signedDuration(cursor, "a jump like +2s"));
      case "clock-drift" -> new ClockDrift(node(cursor, "clock-drift"), drift(cursor));
      case "corrupt-disk" -> corruptDisk(cursor);
      case "burst" -> new Burst(burstSize(cursor));
      case "heal-all" -> new HealAll();
      default -> throw cursor.error(
          word, "expected a fault, one of " + String.join(", ", FAULT_WORDS) + ", found " + word.quoted());
    };
  }

  /** {@code corrupt-disk NODE}, or {@code corrupt-disk NODE last BYTES} for damage near a file's end. */
  private static CorruptDisk corruptDisk(LineCursor cursor) {
    NodeId node = node(cursor, "corrupt-disk");
    if (!cursor.skipIf("last")) {
      return new CorruptDisk(node);
    }
    String expected = "a byte count like 64B after 'last'";
    Token token = cursor.next(expected);
    Matcher matcher = BYTES.matcher(token.text());
    if (!matcher.matches()) {
      throw cursor.error(token, "expected " + expected + ", found " + token.quoted());
    }
    long bytes = parseLongOr(matcher.group(1), -1); // unsigned digits: negative only when too long
    if (bytes < 0) {
      throw cursor.error(token, "expected " + expected + " that fits in 63 bits, found " + token.quoted());
    }
    if (bytes == 0) {
      throw cursor.error(token,
          "expected " + expected + " above 0 (anywhere in the file is written without 'last'), found " + token.quoted());
    }
    return new CorruptDisk(node, bytes);
  }

  private static Pause pause(LineCursor cursor) {
    NodeId node = node(cursor, "pause");
    cursor.expect("for");
    return new Pause(node, positiveDuration(cursor, "a pause duration like 300ms"));
  }

  private static Clog clog(LineCursor cursor) {
    NodeId source = node(cursor, "clog");
    NodeId target = nodeAfterArrow(cursor);
    cursor.expect("for");
    return new Clog(source, target, positiveDuration(cursor, "a clog duration like 200ms"));
  }

  private static Partition partition(LineCursor cursor) {
    SortedSet<NodeId> side = nodeSet(cursor, "partition", Collections.emptySortedSet());
    Token between = cursor.next("'|' (both ways) or '->' (one way) after the first side");
    boolean oneWay = between.text().equals("->");
    if (!oneWay && !between.text().equals("|")) {
      throw cursor.error(
          between, "expected '|' (both ways) or '->' (one way) after the first side, found " + between.quoted());
    }
    return new Partition(side, nodeSet(cursor, between.text(), side), oneWay);
  }

  /** {@code a,b,c}: at least one node; a node already on the other side is an error. */
  private static SortedSet<NodeId> nodeSet(LineCursor cursor, String after, Set<NodeId> otherSide) {
    SortedSet<NodeId> nodes = new TreeSet<>();
    String previous = after;
    do {
      Token token = cursor.next("a node name after '" + previous + "'");
      NodeId node = toNode(cursor, token);
      if (otherSide.contains(node)) {
        throw cursor.error(
            token, "expected each node on one side of the partition only, found " + token.quoted() + " on both");
      }
      nodes.add(node);
      previous = ",";
    } while (cursor.skipIf(","));
    return nodes;
  }

  private static Delay delay(LineCursor cursor) {
    String expected = "a delay range like 0ms..100ms";
    Token range = cursor.next(expected + " after 'delay'");
    int dots = range.text().indexOf("..");
    if (dots < 0) {
      throw cursor.error(range, "expected " + expected + ", found " + range.quoted());
    }
    long minNanos = duration(cursor, new Token(range.text().substring(0, dots), range.column()));
    long maxNanos = duration(cursor, new Token(range.text().substring(dots + 2), range.column() + dots + 2));
    if (maxNanos < minNanos) {
      throw cursor.error(range, "expected " + expected + " with min <= max, found " + range.quoted());
    }
    return new Delay(minNanos, maxNanos);
  }

  private static NodeId node(LineCursor cursor, String after) {
    return toNode(cursor, cursor.next("a node name after '" + after + "'"));
  }

  private static NodeId nodeAfterArrow(LineCursor cursor) {
    cursor.expect("->");
    return node(cursor, "->");
  }

  private static NodeId actor(LineCursor cursor) {
    String expected = "an actor like server/worker-1";
    Token token = cursor.next(expected + " after 'kill'");
    NodeId actor = toNode(cursor, token);
    if (!actor.isActor()) {
      throw cursor.error(token, "expected " + expected + " after 'kill', found the node " + token.quoted());
    }
    return actor;
  }

  private static NodeId toNode(LineCursor cursor, Token token) {
    if (LineCursor.isSymbol(token)) {
      throw cursor.error(token, "expected a node name, found " + token.quoted());
    }
    try {
      return NodeId.of(token.text());
    } catch (IllegalArgumentException e) {
      throw cursor.error(token, e.getMessage());
    }
  }

  private static long positiveDuration(LineCursor cursor, String expected) {
    Token token = cursor.next(expected);
    long nanos = duration(cursor, token);
    if (nanos <= 0) {
      throw cursor.error(token, "expected " + expected + " above 0s, found " + token.quoted());
    }
    return nanos;
  }

  private static long duration(LineCursor cursor, Token token) {
    try {
      return Durations.parse(token.text());
    } catch (IllegalArgumentException e) {
      throw cursor.error(token, e.getMessage());
    }
  }

  private static long signedDuration(LineCursor cursor, String expected) {
    Token token = cursor.next(expected);
    try {
      return Durations.parseSigned(token.text());
    } catch (IllegalArgumentException e) {
      throw cursor.error(token, e.getMessage());
    }
  }

  private static Ratio ratio(LineCursor cursor, String after) {
    Token token = cursor.next("a ratio like 1/100 after '" + after + "'");
    if (!RATIO.matcher(token.text()).matches()) {
      throw cursor.error(token, "expected a ratio like 1/100, found " + token.quoted());
    }
    try {
      return Ratio.parse(token.text());
    } catch (IllegalArgumentException e) { // numerator above denominator, zero denominator, overflow
      throw cursor.error(token, "expected a ratio from 0 to 1 like 1/100, found " + token.quoted());
    }
  }

  private static long drift(LineCursor cursor) {
    Token token = cursor.next("a drift like -100ppm");
    Matcher drift = DRIFT.matcher(token.text());
    if (!drift.matches()) {
      throw cursor.error(token, "expected a drift like -100ppm, found " + token.quoted());
    }
    long partsPerMillion = parseLongOr(drift.group(1), Long.MAX_VALUE);
    if (partsPerMillion < -DRIFT_LIMIT_PPM || partsPerMillion > DRIFT_LIMIT_PPM) {
      throw cursor.error(token, "expected a drift from -1000000ppm to +1000000ppm, found " + token.quoted());
    }
    return partsPerMillion;
  }

  private static int burstSize(LineCursor cursor) {
    Token token = cursor.next("a burst size like 10000");
    if (!COUNT.matcher(token.text()).matches()) {
      throw cursor.error(token, "expected a burst size like 10000, found " + token.quoted());
    }
    long size = parseLongOr(token.text(), Long.MAX_VALUE);
    if (size < 1 || size > Integer.MAX_VALUE) {
      throw cursor.error(token, "expected a burst size from 1 to " + Integer.MAX_VALUE + ", found " + token.quoted());
    }
    return (int) size;
  }

  /** The value of an all-digit text (a sign allowed), or {@code tooLarge} when it overflows a long. */
  private static long parseLongOr(String digits, long tooLarge) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return tooLarge;
    }
  }
}
