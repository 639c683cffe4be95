package io.detsim.scenarios.engine;

import io.detsim.properties.scenario.InputText;
import io.detsim.properties.scenario.TextLines;
import io.detsim.scenarios.engine.ScenarioInput.ClientSpec;
import io.detsim.scenarios.engine.ScenarioInput.EngineShape;
import io.detsim.properties.scenario.Swarm;
import io.detsim.sim.fault.FaultKind;
import io.detsim.sim.fault.FaultSchedule;
import io.detsim.sim.fault.ScheduleParseException;
import io.detsim.sim.port.Ratio;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link ScenarioInput} as the two editable sections of a failure file, {@code [input]} and
 * {@code [schedule]}, and back. Printing then parsing gives an equal input: seeds in hex, knobs as
 * exact ratios ({@code 1/250}, never a rounded decimal), the schedule in {@link FaultSchedule}'s own
 * text form.
 *
 * <pre>
 * [input]
 * simulation seed: 0x5f3a1
 * engine: 2 workers, queue default, dimension 32, compaction every 500 records
 * swarm: CRASH, LOSS, SHUFFLE_TIES
 * loss: 1/250
 * duplicate: 0/1
 * reorder: 0/1
 * torn writes: 0/1
 * client client-0: 120 observations into space-0 at 900/s, mixed priorities, recall probe
 * [schedule]
 * # detsim fault schedule v1
 * 250ms crash server
 * 400ms restart server
 * </pre>
 *
 * <p>{@code queue default} is the design's default queue (capacity 0 in {@link EngineShape}); the dimension
 * (8 when left out) and the compaction threshold (the design's when left out) are optional; {@code swarm: none}
 * enables no fault kind. Clients run in the order listed; a client line may be deleted.
 */
public final class ScenarioInputText {
  /** This text form as the engine scenarios' {@link InputText}. */
  static final InputText<ScenarioInput> CODEC = new InputText<>() {
    @Override
    public String format(ScenarioInput input) {
      return ScenarioInputText.format(input);
    }

    @Override
    public ScenarioInput parse(TextLines lines, int from) {
      if (from >= lines.size() || !lines.isSection(from, "input")) {
        throw lines.errorAtEnd("missing section [input]");
      }
      return ScenarioInputText.parse(lines, from + 1);
    }
  };

  private static final Pattern ENGINE = Pattern.compile(
      "([0-9]+) workers?, queue (default|[0-9]+)(?:, dimension ([0-9]+))?(?:, compaction every ([0-9]+) records)?");
  private static final Pattern CLIENT_NAME = Pattern.compile("client (\\S+)");
  private static final Pattern CLIENT = Pattern.compile(
      "([0-9]+) observations into (\\S+) at ([0-9]+)/s((?:, (?:" + ClientSpec.MIXED_PRIORITIES + "|"
          + ClientSpec.RECALL_PROBE + "|" + ClientSpec.CLOSES_AFTER_LAST_SEND + "))*)");
  private static final List<String> REQUIRED =
      List.of("simulation seed", "engine", "swarm", "loss", "duplicate", "reorder", "torn writes");

  /** The engine's own bound on its workers ({@code EngineOptions}). */
  private static final int MAX_WORKERS = 64;
  /** The largest dimension a failure file may ask for: the original design's 768, with room. */
  private static final int MAX_DIMENSION = 4_096;
  private static final String SCHEDULE_HEADER = "# detsim fault schedule";

  private ScenarioInputText() {}

  /** The {@code [input]} and {@code [schedule]} sections, each line ending in a newline. */
  public static String format(ScenarioInput input) {
    StringBuilder text = new StringBuilder("[input]\n");
    text.append("simulation seed: ").append(String.format(Locale.ROOT, "0x%x", input.simulationSeed())).append('\n');
    text.append("engine: ").append(input.engine().workers())
        .append(input.engine().workers() == 1 ? " worker" : " workers")
        .append(", queue ").append(input.engine().queueCapacity() == 0 ? "default" : input.engine().queueCapacity());
    if (input.engine().dimension() != EngineShape.SIMPLEST_DIMENSION) {
      text.append(", dimension ").append(input.engine().dimension());
    }
    if (input.engine().compactAfterRecords() != 0) {
      text.append(", compaction every ").append(input.engine().compactAfterRecords()).append(" records");
    }
    text.append('\n');
    Swarm swarm = input.swarm();
    List<String> kinds = swarm.enabled().stream().map(Enum::name).toList();
    text.append("swarm: ").append(kinds.isEmpty() ? "none" : String.join(", ", kinds)).append('\n');
    text.append("loss: ").append(swarm.loss()).append('\n');
    text.append("duplicate: ").append(swarm.duplicate()).append('\n');
    text.append("reorder: ").append(swarm.reorder()).append('\n');
    text.append("torn writes: ").append(swarm.tornWrites()).append('\n');
    for (ClientSpec client : input.clients()) {
      text.append("client ").append(client.name()).append(": ").append(client.observations())
          .append(" observations into ")
          .append(client.space()).append(" at ").append(client.ratePerSecond()).append("/s")
          .append(client.flagsText()).append('\n');
    }
    return text.append("[schedule]\n").append(input.schedule().toText()).toString();
  }

  /**
   * Parses what {@link #format} prints, the {@code [input]} header included.
   *
   * @throws io.detsim.properties.scenario.BadTextException naming {@code sourceName}, the line and column of the first problem
   */
  public static ScenarioInput parse(String text, String sourceName) {
    TextLines lines = new TextLines(text, sourceName);
    int first = 0;
    while (first < lines.size() && lines.isBlankOrComment(first)) {
      first++;
    }
    if (first == lines.size()) {
      throw lines.errorAtEnd("missing section [input]");
    }
    if (!lines.isSection(first, "input")) {
      throw lines.error(first, 1, "expected section [input], found '" + lines.line(first).strip() + "'");
    }
    return parse(lines, first + 1);
  }

  /** Parses the {@code [input]} section from the line at {@code from} (after its header) to the end of the file. */
  static ScenarioInput parse(TextLines lines, int from) {
    Map<String, TextLines.Field> fields = new LinkedHashMap<>();
    List<ClientSpec> clients = new ArrayList<>();
    Map<String, Integer> clientLines = new LinkedHashMap<>();
    int index = from;
    for (; index < lines.size() && !lines.isSection(index, "schedule"); index++) {
      if (lines.isBlankOrComment(index)) {
        continue;
      }
      TextLines.Field field = lines.field(index);
      Matcher clientName = CLIENT_NAME.matcher(field.name());
      if (clientName.matches()) {
        String name = clientName.group(1);
        Integer earlier = clientLines.putIfAbsent(name, index);
        if (earlier != null) {
          throw lines.error(index, 1, "client " + name + " given twice (first on line " + (earlier + 1) + ")");
        }
        clients.add(client(lines, field, name));
      } else if (REQUIRED.contains(field.name())) {
        TextLines.Field earlier = fields.putIfAbsent(field.name(), field);
        if (earlier != null) {
          throw lines.error(index, 1,
              "field '" + field.name() + "' given twice (first on line " + (earlier.index() + 1) + ")");
        }
      } else {
        throw lines.error(index, 1, "unknown field '" + field.name() + "' in [input]; known: "
            + String.join(", ", REQUIRED) + ", client NAME");
      }
    }
    if (index == lines.size()) {
      throw lines.errorAtEnd("missing section [schedule] (is the file cut short?)");
    }
    for (String name : REQUIRED) {
      if (!fields.containsKey(name)) {
        throw lines.error(index, 0, "missing field '" + name + "' in [input]");
      }
    }
    Swarm swarm = new Swarm(kinds(lines, fields.get("swarm")), lines.ratio(fields.get("loss")),
        lines.ratio(fields.get("duplicate")), lines.ratio(fields.get("reorder")),
        lines.ratio(fields.get("torn writes")));
    EngineShape engine = engine(lines, fields.get("engine"));
    FaultSchedule schedule = schedule(lines, index);
    checkEntries(lines, index, engine, clients);
    return new ScenarioInput(lines.hex(fields.get("simulation seed")), engine, swarm, clients, schedule);
  }

  private static EngineShape engine(TextLines lines, TextLines.Field field) {
    Matcher matcher = ENGINE.matcher(field.value());
    if (!matcher.matches()) {
      throw lines.error(field, "expected like '2 workers, queue default' or '1 worker, queue 400, dimension 32,"
          + " compaction every 500 records', found '" + field.value() + "'");
    }
    int workers = lines.count(field, matcher.group(1), matcher.start(1), 1);
    if (workers > MAX_WORKERS) {
      throw lines.error(field.index(), field.valueColumn() + matcher.start(1), "expected 1 to " + MAX_WORKERS
          + " workers (the engine's bound), found " + matcher.group(1));
    }
    int queue = matcher.group(2).equals("default") ? 0 : lines.count(field, matcher.group(2), matcher.start(2), 1);
    int dimension = EngineShape.SIMPLEST_DIMENSION;
    if (matcher.group(3) != null) {
      dimension = lines.count(field, matcher.group(3), matcher.start(3), 1);
      if (dimension > MAX_DIMENSION) {
        throw lines.error(field.index(), field.valueColumn() + matcher.start(3), "expected a dimension from 1 to "
            + MAX_DIMENSION + ", found " + matcher.group(3));
      }
    }
    long compaction = matcher.group(4) == null ? 0 : lines.count(field, matcher.group(4), matcher.start(4), 1);
    return new EngineShape(workers, queue, dimension, compaction);
  }

  private static EnumSet<FaultKind> kinds(TextLines lines, TextLines.Field field) {
    EnumSet<FaultKind> kinds = EnumSet.noneOf(FaultKind.class);
    if (field.value().equals("none")) {
      return kinds;
    }
    int offset = 0;
    for (String part : field.value().split(",", -1)) {
      String name = part.strip();
      int column = field.valueColumn() + offset + part.indexOf(name.isEmpty() ? part : name);
      try {
        kinds.add(FaultKind.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_')));
      } catch (IllegalArgumentException unknown) {
        throw lines.error(field.index(), column, "unknown fault kind '" + name + "'; known: "
            + String.join(", ", Arrays.stream(FaultKind.values()).map(Enum::name).toList()) + " (or none)");
      }
      offset += part.length() + 1;
    }
    return kinds;
  }

  private static ClientSpec client(TextLines lines, TextLines.Field field, String name) {
    Matcher matcher = CLIENT.matcher(field.value());
    if (!matcher.matches()) {
      throw lines.error(field, "expected like '120 observations into space-0 at 900/s, mixed priorities, recall probe'"
          + ", found '" + field.value() + "'");
    }
    int observations = lines.count(field, matcher.group(1), matcher.start(1), 1);
    int rate = lines.count(field, matcher.group(3), matcher.start(3), 1);
    String flags = matcher.group(4);
    return new ClientSpec(name, matcher.group(2), observations, rate, flags.contains(ClientSpec.MIXED_PRIORITIES),
        flags.contains(ClientSpec.RECALL_PROBE), flags.contains(ClientSpec.CLOSES_AFTER_LAST_SEND));
  }

  /**
   * What the schedule's own parser cannot know: every entry's time within the bound, and every node
   * it names one this input has ({@code server}, {@code server/worker-N} below its workers, a listed
   * client, or a {@code burst-N} node). A misspelled name is the file's error at its line, not a
   * crash of the engine minutes into the run.
   */
  private static void checkEntries(TextLines lines, int sectionIndex, EngineShape engine, List<ClientSpec> clients) {
    List<String> nodes = new ArrayList<>(List.of(InputGenerator.SERVER.name()));
    clients.forEach(client -> nodes.add(client.name()));
    for (int index = sectionIndex + 1; index < lines.size(); index++) {
      String line = lines.line(index);
      int hash = line.indexOf('#');
      String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (entry.isEmpty()) {
        continue;
      }
      int column = line.indexOf(entry) + 1;
      String[] words = entry.replace("->", " ").split("[\\s,|]+");
      // an aimed entry (compaction-start@2+5ms, already checked by the schedule's parser): its offset
      String time = words[0].contains("@") ? words[0].substring(words[0].indexOf('+') + 1) : words[0];
      long atNanos = io.detsim.sim.fault.Durations.parse(time);
      if (atNanos > lines.maxSimulatedNanos()) {
        throw lines.error(index, column, "fault at " + words[0] + " is past the simulated-time bound of "
            + io.detsim.sim.fault.Durations.format(lines.maxSimulatedNanos())
            + " (a typo? raise the bound with --max-simulated-time)");
      }
      for (int word = 2; word < words.length && NAMES_NODES.contains(words[1]); word++) {
        String name = words[word];
        if (ARGUMENT_WORDS.contains(name) || !name.matches("[A-Za-z][A-Za-z0-9._/-]*")) {
          break;
        }
        checkNode(lines, index, line.indexOf(name, column - 1) + 1, name, nodes, engine);
      }
    }
  }

  /** The words after a fault's node names that start its other arguments ({@code for 1s}, {@code last 64B}). */
  private static final List<String> ARGUMENT_WORDS = List.of("for", "last");

  /** The fault words whose arguments after the time and word are node names, up to a duration or ratio. */
  private static final List<String> NAMES_NODES = List.of("crash", "restart", "pause", "kill", "partition",
      "clog", "unclog", "clock-offset", "clock-jump", "clock-drift", "corrupt-disk");

  private static void checkNode(TextLines lines, int index, int column, String name, List<String> nodes,
      EngineShape engine) {
    int slash = name.indexOf('/');
    String node = slash < 0 ? name : name.substring(0, slash);
    if (!nodes.contains(node) && !node.matches("burst-[0-9]+")) {
      throw lines.error(index, column, "unknown node '" + node + "'; this input has: " + String.join(", ", nodes)
          + " (and burst-N nodes a burst adds)");
    }
    if (slash >= 0 && node.equals(InputGenerator.SERVER.name())) {
      String actor = name.substring(slash + 1);
      Matcher worker = Pattern.compile("worker-([0-9]{1,9})").matcher(actor);
      if (!worker.matches() || Integer.parseInt(worker.group(1)) >= engine.workers()) {
        throw lines.error(index, column, "unknown actor '" + name + "'; the server has worker-0 to worker-"
            + (engine.workers() - 1) + " (engine: " + engine.workers() + " workers)");
      }
    }
  }

  /** The schedule runs from after the {@code [schedule]} line to the end; its errors are mapped to file lines. */
  private static FaultSchedule schedule(TextLines lines, int sectionIndex) {
    int first = sectionIndex + 1;
    while (first < lines.size() && lines.line(first).isBlank()) {
      first++;
    }
    if (first == lines.size() || !lines.line(first).strip().startsWith(SCHEDULE_HEADER)) {
      // Every written schedule starts with its header: without it the file was cut short.
      throw first == lines.size()
          ? lines.errorAtEnd("expected '" + SCHEDULE_HEADER + " v1' after [schedule]: the file is cut short")
          : lines.error(first, 1, "expected '" + SCHEDULE_HEADER + " v1' as the first line of [schedule], found '"
              + lines.line(first).strip() + "'");
    }
    try {
      return FaultSchedule.parse(lines.rest(sectionIndex + 1));
    } catch (ScheduleParseException bad) {
      throw lines.error(sectionIndex + bad.line(), bad.column(), bad.reason());
    }
  }
}
