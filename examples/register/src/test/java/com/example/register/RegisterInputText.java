package com.example.register;

import io.detsim.properties.scenario.InputText;
import io.detsim.properties.scenario.TextLines;
import io.detsim.sim.fault.FaultSchedule;
import io.detsim.sim.fault.ScheduleParseException;
import java.util.Locale;

/**
 * A register input as failure-file sections a person edits, and back:
 *
 * <pre>
 * [input]
 * simulation seed: 0x2a
 * writes: 5
 * [schedule]
 * # detsim fault schedule v1
 * 12ms partition primary | backup
 * 200ms heal
 * </pre>
 */
final class RegisterInputText implements InputText<RegisterInput> {

  @Override
  public String format(RegisterInput input) {
    return "[input]\n"
        + "simulation seed: " + String.format(Locale.ROOT, "0x%x", input.simulationSeed()) + "\n"
        + "writes: " + input.writes() + "\n"
        + "[schedule]\n" + input.schedule().toText();
  }

  @Override
  public RegisterInput parse(TextLines lines, int from) {
    TextLines.Field seed = lines.field(from + 1);
    TextLines.Field writes = lines.field(from + 2);
    if (!seed.name().equals("simulation seed") || !writes.name().equals("writes")) {
      throw lines.error(from + 1, 1, "expected 'simulation seed: 0x...' then 'writes: N'");
    }
    int schedule = from + 3;
    if (schedule >= lines.size() || !lines.isSection(schedule, "schedule")) {
      throw lines.errorAtEnd("missing section [schedule]");
    }
    try {
      return new RegisterInput(lines.hex(seed), lines.count(writes, writes.value(), 0, 1),
          FaultSchedule.parse(lines.rest(schedule + 1)));
    } catch (ScheduleParseException bad) {
      throw lines.error(schedule + bad.line(), bad.column(), bad.reason());
    }
  }
}
