package io.detsim.replay.campaign;

import io.detsim.properties.scenario.RunLabels;
import io.detsim.properties.scenario.Scenario;
import io.detsim.sim.fault.FaultKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which transition points a campaign's runs reached, and under which fault kinds: where the fuzzer
 * looks, and where it is blind. Built from the runs' labels, so it works for any scenario that
 * labels its runs this way ({@link RunLabels} spells them):
 *
 * <ul>
 *   <li>{@code point:P}: the run reached point P;
 *   <li>{@code point:P:under:K}: a fault of kind K struck at one of P's announcements or within the
 *       simulator's window after it ({@code Simulation.pointsUnderFaults});
 *   <li>{@code point:P:never}: P is a point the system can announce, and this run did not reach it.
 * </ul>
 *
 * <p>A point named only by {@code :never} labels was reached by no run: it is listed as blind. A
 * {@code fault:CRASH} label (the run's schedule holds a crash) lets the report say, of each point no
 * crash struck, how many of the runs that reached it had a crash at some other time: why it was missed.
 * Counts cover the seeds this session ran (a resumed campaign's earlier sessions are not included).
 * A point the scenario leaves blind by design carries its note ({@link Scenario#pointNotes()}) in
 * the report, in place of the general advice.
 */
public final class PointCoverage {
  /** The fault kind whose window matters most: a crash inside a transition is where its bugs show. */
  private static final String CRASH = FaultKind.CRASH.name();
  private static final String CRASH_SCHEDULED = RunLabels.faultScheduled(FaultKind.CRASH);

  private long runs;
  private final SortedMap<String, Long> reached = new TreeMap<>();
  private final SortedMap<String, Long> reachedWithCrash = new TreeMap<>();
  private final SortedMap<String, SortedMap<String, Long>> under = new TreeMap<>();
  private final SortedSet<String> known = new TreeSet<>();
  private final Map<String, String> notes;

  /** Coverage for a scenario that notes no point. */
  public PointCoverage() {
    this(Map.of());
  }

  /** Coverage for a scenario whose {@link Scenario#pointNotes() notes} say why some points go unstruck. */
  public PointCoverage(Map<String, String> notes) {
    this.notes = Map.copyOf(notes);
  }

  /** Adds one run's labels. */
  public void add(List<String> labels) {
    runs++;
    boolean crashScheduled = labels.contains(CRASH_SCHEDULED);
    for (String label : labels) {
      if (!label.startsWith(RunLabels.POINT)) {
        continue;
      }
      String rest = label.substring(RunLabels.POINT.length());
      int underAt = rest.indexOf(RunLabels.UNDER);
      if (underAt >= 0) {
        String point = rest.substring(0, underAt);
        String kind = rest.substring(underAt + RunLabels.UNDER.length());
        under.computeIfAbsent(point, p -> new TreeMap<>()).merge(kind, 1L, Long::sum);
        known.add(point);
      } else if (rest.endsWith(RunLabels.NEVER)) {
        known.add(rest.substring(0, rest.length() - RunLabels.NEVER.length()));
      } else {
        reached.merge(rest, 1L, Long::sum);
        if (crashScheduled) {
          reachedWithCrash.merge(rest, 1L, Long::sum);
        }
        known.add(rest);
      }
    }
  }

  /** How many runs reached each point, by name; points no run reached are absent. */
  public SortedMap<String, Long> reached() {
    return Collections.unmodifiableSortedMap(reached);
  }

  /** For each point, the fault kinds that struck in its window, with how many runs saw each. */
  public SortedMap<String, SortedMap<String, Long>> underFaults() {
    return Collections.unmodifiableSortedMap(under);
  }

  /** Points the system can announce that no run reached: where the fuzzer is blind. */
  public List<String> blind() {
    List<String> blind = new ArrayList<>();
    for (String point : known) {
      if (!reached.containsKey(point)) {
        blind.add(point);
      }
    }
    return blind;
  }

  /**
   * Points that no crash struck inside their window, in a campaign whose crashes struck some: the
   * transitions its crash bugs could hide in. Empty when no crash struck any point (a scenario that
   * draws no crashes is not blind to them, it does not look).
   */
  public List<String> neverUnderCrash() {
    boolean crashes = under.values().stream().anyMatch(kinds -> kinds.containsKey(CRASH));
    List<String> missed = new ArrayList<>();
    for (String point : known) {
      if (crashes && !under.getOrDefault(point, Collections.emptySortedMap()).containsKey(CRASH)) {
        missed.add(point);
      }
    }
    return missed;
  }

  /**
   * One line a point: runs that reached it, and the fault kinds that hit it; then the blind ones,
   * and those no crash struck.
   */
  public String report() {
    if (known.isEmpty()) {
      return "points: none announced";
    }
    StringBuilder text = new StringBuilder("points reached in ").append(runs).append(" runs:");
    reached.forEach((point, count) -> {
      text.append(String.format(Locale.ROOT, "%n  %-22s %6d runs", point, count));
      SortedMap<String, Long> kinds = under.getOrDefault(point, Collections.emptySortedMap());
      if (kinds.isEmpty()) {
        text.append("  under no fault");
      } else {
        List<String> parts = new ArrayList<>();
        kinds.forEach((kind, n) -> parts.add(kind + " " + n));
        text.append("  under ").append(String.join(", ", parts));
      }
    });
    Map<String, Integer> footnotes = new LinkedHashMap<>(); // a note shared by several points is printed once
    List<String> blind = blind();
    List<String> blindText = new ArrayList<>();
    blind.forEach(point -> blindText.add(point + mark(point, footnotes)));
    text.append(String.format(Locale.ROOT, "%npoints never reached (the fuzzer is blind there): %s",
        blind.isEmpty() ? "none" : String.join(", ", blindText)));
    List<String> uncrashed = neverUnderCrash();
    if (!uncrashed.isEmpty()) {
      text.append(String.format(Locale.ROOT, "%npoints no crash struck (blind to crash bugs there):"));
      for (String point : uncrashed) {
        text.append(String.format(Locale.ROOT, "%n  %-22s %s%s", point, reached.containsKey(point)
            ? String.format(Locale.ROOT, "reached in %d runs, %d of them with a crash at another time",
                reached.get(point), reachedWithCrash.getOrDefault(point, 0L))
            : "never reached", mark(point, footnotes)));
      }
      if (!notes.keySet().containsAll(uncrashed)) {
        text.append(String.format(Locale.ROOT, "%n  (a crash lands in a point's window only when one run draws"
            + " both: make the point more frequent, or aim crashes at it, as in 'P@1+0ms crash NODE')"));
      }
    }
    footnotes.forEach((note, number) -> text.append(String.format(Locale.ROOT, "%n  [%d] %s", number, note)));
    return text.toString();
  }

  /** The mark of the scenario's note on {@code point} (numbering the note if it is new), or nothing. */
  private String mark(String point, Map<String, Integer> footnotes) {
    String note = notes.get(point);
    return note == null ? "" : " [" + footnotes.computeIfAbsent(note, n -> footnotes.size() + 1) + "]";
  }
}
