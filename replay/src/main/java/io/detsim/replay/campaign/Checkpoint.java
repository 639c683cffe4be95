package io.detsim.replay.campaign;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A campaign's saved state, as {@code campaign.json} in its corpus folder: what it runs and how
 * far it got. A killed campaign continues from here ({@code detsim fuzz --resume}); the same form,
 * with a few derived figures for people, is the final {@code summary.json}.
 *
 * @param scenario the scenario's name
 * @param mutants the engine mutants' command-line names
 * @param startSeed the campaign's start seed
 * @param shard this machine's share
 * @param seedLimit the most seeds this shard runs ({@link Long#MAX_VALUE}: until a deadline)
 * @param keepGoing whether the campaign runs past its first failure
 * @param tally how far it got
 * @param stoppedBy why it ended ({@code seeds}, {@code failure}, {@code time}); {@code running} while it runs
 */
public record Checkpoint(String scenario, List<String> mutants, long startSeed, Shard shard, long seedLimit,
    boolean keepGoing, Tally tally, String stoppedBy) {
  public static final String FILE = "campaign.json";
  public static final String SUMMARY_FILE = "summary.json";
  public static final String RUNNING = "running";

  public Checkpoint {
    mutants = List.copyOf(mutants);
  }

  public boolean finished() {
    return !RUNNING.equals(stoppedBy);
  }

  /** The JSON form; {@code forPeople} adds hex seeds, seconds and the speedup, which are never read back. */
  public String toJson(boolean forPeople) {
    StringBuilder json = new StringBuilder("{\n");
    field(json, "version", "1");
    field(json, "scenario", Json.quote(scenario));
    field(json, "mutants", strings(mutants));
    field(json, "startSeed", Long.toString(startSeed));
    field(json, "shard", Json.quote(shard.toString()));
    field(json, "seedLimit", Long.toString(seedLimit));
    field(json, "keepGoing", Boolean.toString(keepGoing));
    field(json, "stoppedBy", Json.quote(stoppedBy));
    field(json, "nextOrdinal", Long.toString(tally.nextOrdinal()));
    field(json, "discarded", Long.toString(tally.discarded()));
    field(json, "failures", Long.toString(tally.failures()));
    field(json, "simulatedNanos", Long.toString(tally.simulatedNanos()));
    field(json, "digestSum", Long.toString(tally.digestSum()));
    field(json, "wallNanos", Long.toString(tally.wallNanos()));
    if (forPeople) {
      field(json, "startSeedHex", Json.quote(hex(startSeed)));
      field(json, "seeds", Long.toString(tally.seeds()));
      field(json, "nextSeedIndex", Long.toString(shard.seedIndex(tally.nextOrdinal())));
      field(json, "simulatedSeconds", String.format(Locale.ROOT, "%.3f", tally.simulatedNanos() / 1e9));
      field(json, "wallSeconds", String.format(Locale.ROOT, "%.3f", tally.wallNanos() / 1e9));
      field(json, "speedup", String.format(Locale.ROOT, "%.1f", tally.speedup()));
    }
    StringBuilder kinds = new StringBuilder("{");
    tally.failuresByKind().forEach((kind, count) ->
        kinds.append(kinds.length() > 1 ? ", " : "").append(Json.quote(kind)).append(": ").append(count));
    field(json, "failuresByKind", kinds.append('}').toString());
    List<String> first = new ArrayList<>();
    for (FoundFailure found : tally.firstFailures()) {
      first.add(String.format(Locale.ROOT, "{\"kind\": %s, \"ordinal\": %d, \"seed\": %d%s}", Json.quote(found.kind()),
          found.ordinal(), found.seed(), forPeople ? ", \"seedHex\": " + Json.quote(hex(found.seed())) : ""));
    }
    field(json, "firstFailures", "[" + String.join(", ", first) + "]");
    List<String> written = new ArrayList<>();
    for (WrittenFailure saved : tally.written()) {
      written.add(String.format(Locale.ROOT,
          "{\"kind\": %s, \"seed\": %d, \"file\": %s, \"originalSize\": %d, \"shrunkSize\": %d}",
          Json.quote(saved.kind()), saved.seed(), Json.quote(saved.file().toString()), saved.originalSize(),
          saved.shrunkSize()));
    }
    json.append("  \"written\": [").append(String.join(", ", written)).append("]\n}\n");
    return json.toString();
  }

  /**
   * Reads the form {@link #toJson} wrote.
   *
   * @throws IllegalArgumentException naming what is missing or malformed
   */
  public static Checkpoint parse(String text) {
    Map<String, Object> json = object(Json.parse(text), "the checkpoint");
    TreeMap<String, Long> byKind = new TreeMap<>();
    object(json.get("failuresByKind"), "failuresByKind").forEach((kind, count) -> byKind.put(kind, (Long) count));
    List<FoundFailure> first = new ArrayList<>();
    for (Object entry : list(json, "firstFailures")) {
      Map<String, Object> found = object(entry, "a first failure");
      first.add(new FoundFailure(string(found, "kind"), number(found, "ordinal"), number(found, "seed")));
    }
    List<WrittenFailure> written = new ArrayList<>();
    for (Object entry : list(json, "written")) {
      Map<String, Object> saved = object(entry, "a written failure");
      written.add(new WrittenFailure(string(saved, "kind"), number(saved, "seed"), Path.of(string(saved, "file")),
          (int) number(saved, "originalSize"), (int) number(saved, "shrunkSize")));
    }
    Tally tally = new Tally(number(json, "nextOrdinal"), number(json, "discarded"), number(json, "failures"),
        number(json, "simulatedNanos"), number(json, "digestSum"), number(json, "wallNanos"), byKind, first, written);
    List<String> mutants = new ArrayList<>();
    list(json, "mutants").forEach(name -> mutants.add((String) name));
    return new Checkpoint(string(json, "scenario"), mutants, number(json, "startSeed"),
        Shard.parse(string(json, "shard")),
        number(json, "seedLimit"), Boolean.TRUE.equals(json.get("keepGoing")), tally, string(json, "stoppedBy"));
  }

  static String hex(long seed) {
    return String.format(Locale.ROOT, "0x%016x", seed);
  }

  private static void field(StringBuilder json, String name, String value) {
    json.append("  ").append(Json.quote(name)).append(": ").append(value).append(",\n");
  }

  private static String strings(List<String> values) {
    List<String> quoted = new ArrayList<>();
    values.forEach(value -> quoted.add(Json.quote(value)));
    return "[" + String.join(", ", quoted) + "]";
  }

  @SuppressWarnings("unchecked") // Json.parse makes objects of this type only
  private static Map<String, Object> object(Object value, String what) {
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException(what + " is not a JSON object");
    }
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked") // Json.parse makes arrays of this type only
  private static List<Object> list(Map<String, Object> json, String key) {
    Object value = json.get(key);
    if (!(value instanceof List)) {
      throw new IllegalArgumentException("'" + key + "' is missing or not a list");
    }
    return (List<Object>) value;
  }

  private static String string(Map<String, Object> json, String key) {
    Object value = json.get(key);
    if (!(value instanceof String)) {
      throw new IllegalArgumentException("'" + key + "' is missing or not a string");
    }
    return (String) value;
  }

  private static long number(Map<String, Object> json, String key) {
    Object value = json.get(key);
    if (!(value instanceof Long)) {
      throw new IllegalArgumentException("'" + key + "' is missing or not an integer");
    }
    return (Long) value;
  }
}
