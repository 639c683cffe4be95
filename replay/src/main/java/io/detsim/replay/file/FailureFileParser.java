package io.detsim.replay.file;

import io.detsim.properties.core.ChoiceSequence;
import io.detsim.properties.scenario.InputText;
import io.detsim.properties.scenario.PlantedBug;
import io.detsim.properties.scenario.Scenario;
import io.detsim.properties.scenario.ScenarioCatalogue;
import io.detsim.properties.scenario.TextLines;
import io.detsim.sim.fault.Durations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the header fields of a failure file, then hands {@code [input]} and what follows to the
 * scenario's {@link InputText}.
 * The format version is checked before anything else, so that a file from a newer detsim is
 * reported as such rather than as a list of unknown fields.
 */
final class FailureFileParser {
  private static final List<String> FIELDS =
      List.of("format", "detsim", "scenario", "seed", "mutants", "violation", "digest", "size", "choices");
  private static final Pattern VIOLATION = Pattern.compile("([A-Za-z_]+) at (\\S+?):[ \\t]?(.*)");
  private static final Pattern SIZE = Pattern.compile("original ([0-9]+), shrunk ([0-9]+)");

  private FailureFileParser() {}

  static FailureFile parse(TextLines lines, ScenarioCatalogue catalogue) {
    int inputIndex = 0;
    while (inputIndex < lines.size() && !lines.isSection(inputIndex, "input")) {
      inputIndex++;
    }
    Map<String, TextLines.Field> fields = headerFields(lines, inputIndex);
    int format = format(lines, fields.get("format"));
    checkFields(lines, fields, inputIndex);
    Scenario<?> scenario = fields.containsKey("scenario") ? scenario(lines, fields.get("scenario"), catalogue) : null;
    if (inputIndex == lines.size() && (scenario == null || scenario.text().isPresent())) {
      throw lines.errorAtEnd("missing section [input] (is the file cut short?)");
    }
    for (String name : FIELDS) {
      if (!fields.containsKey(name)) {
        throw lines.error(inputIndex, 0, "missing field '" + name + "'");
      }
    }
    TextLines.Field size = fields.get("size");
    Matcher sizes = SIZE.matcher(size.value());
    if (!sizes.matches()) {
      throw lines.error(size, "expected like 'original 14, shrunk 3', found '" + size.value() + "'");
    }
    Optional<Object> input = Optional.empty();
    if (scenario.text().isPresent()) {
      input = Optional.of(scenario.text().get().parse(lines, inputIndex));
    } else if (inputIndex < lines.size()) {
      throw lines.error(inputIndex, 1, "scenario '" + scenario.name() + "' has no text form for its input;"
          + " its failure files end after the header and replay their choices");
    }
    return new FailureFile(format, fields.get("detsim").value(), scenario.name(),
        lines.hex(fields.get("seed")), choices(lines, fields.get("choices")),
        input, plantedBugs(lines, fields.get("mutants"), scenario),
        violation(lines, fields.get("violation")), lines.hex(fields.get("digest")),
        lines.count(size, sizes.group(1), sizes.start(1), 0), lines.count(size, sizes.group(2), sizes.start(2), 0));
  }

  /** The fields before {@code [input]}; syntax only, so that the format version is found first. */
  private static Map<String, TextLines.Field> headerFields(TextLines lines, int end) {
    Map<String, TextLines.Field> fields = new LinkedHashMap<>();
    TextLines.Field format = null;
    for (int index = 0; index < end; index++) {
      if (!lines.isBlankOrComment(index)) {
        TextLines.Field field = lines.field(index);
        if (field.name().equals("format") && format == null) {
          format = field;
        }
        fields.putIfAbsent(field.name(), field);
      }
    }
    if (format == null) {
      throw lines.errorAtEnd("missing field 'format': not a detsim failure file, or cut short");
    }
    return fields;
  }

  private static int format(TextLines lines, TextLines.Field field) {
    if (!field.value().matches("[0-9]{1,9}")) {
      throw lines.error(field,
          "expected a format version like " + FailureFiles.FORMAT + ", found '" + field.value() + "'");
    }
    int format = Integer.parseInt(field.value());
    if (format > FailureFiles.FORMAT) {
      throw lines.error(field, "format " + format + " is from a newer detsim; this one (" + DetsimVersion.current()
          + ") reads format " + FailureFiles.FORMAT);
    }
    if (format != FailureFiles.FORMAT) {
      throw lines.error(field,
          "format " + format + " is not supported; this detsim reads format " + FailureFiles.FORMAT);
    }
    return format;
  }

  /** Every header line is a known field, given once. */
  private static void checkFields(TextLines lines, Map<String, TextLines.Field> first, int end) {
    for (int index = 0; index < end; index++) {
      if (lines.isBlankOrComment(index)) {
        continue;
      }
      TextLines.Field field = lines.field(index);
      if (!FIELDS.contains(field.name())) {
        throw lines.error(index, 1, "unknown field '" + field.name() + "' (from a newer detsim? this one reads format "
            + FailureFiles.FORMAT + " with fields " + String.join(", ", FIELDS) + ")");
      }
      if (first.get(field.name()).index() != index) {
        throw lines.error(index, 1, "field '" + field.name() + "' given twice (first on line "
            + (first.get(field.name()).index() + 1) + ")");
      }
    }
  }

  private static Scenario<?> scenario(TextLines lines, TextLines.Field field, ScenarioCatalogue catalogue) {
    return catalogue.named(field.value()).orElseThrow(() -> lines.error(field, "unknown scenario '" + field.value()
        + "'; known: " + (catalogue.isEmpty() ? "none (no scenario provider on the class path)"
            : String.join(", ", catalogue.names()))));
  }

  private static ChoiceSequence choices(TextLines lines, TextLines.Field field) {
    try {
      return ChoiceSequence.parse(field.value());
    } catch (IllegalArgumentException bad) {
      throw lines.error(field, "bad choice sequence: " + bad.getMessage());
    }
  }

  /** Planted bugs by name; the enum spelling of older files ({@code ACK_BEFORE_SYNC}) reads too. */
  private static Set<String> plantedBugs(TextLines lines, TextLines.Field field, Scenario<?> scenario) {
    Set<String> bugs = new TreeSet<>();
    if (field.value().equals("none")) {
      return bugs;
    }
    List<String> known = scenario.plantedBugs().stream().map(PlantedBug::name).toList();
    int offset = 0;
    for (String part : field.value().split(",", -1)) {
      String name = part.strip();
      int column = field.valueColumn() + offset + (name.isEmpty() ? 0 : part.indexOf(name));
      String normal = name.toLowerCase(Locale.ROOT).replace('_', '-');
      if (!known.contains(normal)) {
        throw lines.error(field.index(), column, "unknown mutant '" + name + "' of scenario '" + scenario.name()
            + "'; known: " + (known.isEmpty() ? "none" : String.join(", ", known)) + " (or none)");
      }
      bugs.add(normal);
      offset += part.length() + 1;
    }
    return bugs;
  }

  private static FailureFile.RecordedViolation violation(TextLines lines, TextLines.Field field) {
    Matcher matcher = VIOLATION.matcher(field.value());
    if (!matcher.matches()) {
      throw lines.error(field, "expected like 'SILENT_DROP at 2.345s: what happened', found '" + field.value() + "'");
    }
    String kind = matcher.group(1);
    long atNanos;
    try {
      atNanos = Durations.parse(matcher.group(2));
    } catch (IllegalArgumentException bad) {
      throw lines.error(field.index(), field.valueColumn() + matcher.start(2),
          "bad violation time: " + bad.getMessage());
    }
    return new FailureFile.RecordedViolation(kind, atNanos, matcher.group(3));
  }
}
