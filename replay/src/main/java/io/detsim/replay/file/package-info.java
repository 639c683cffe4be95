/**
 * Failure files: a failing run saved as text a person can read, edit and replay exactly.
 *
 * <p><b>Format 1.</b> UTF-8 text, one item a line. Blank lines and lines that start with {@code #}
 * are ignored outside {@code [schedule]}. First the header fields, {@code name: value}, in any order,
 * each once; then the {@code [input]} section (fields, see a scenario's {@link io.detsim.properties.scenario.InputText}; the engine's is {@code ScenarioInputText});
 * then the {@code [schedule]} section, which runs to the end of the file and is
 * {@link io.detsim.sim.fault.FaultSchedule}'s own text form.
 *
 * <p>A real file (the {@code ACK_BEFORE_SYNC} mutant, found by fuzzing from seed 0; the detail is cut short here):
 *
 * <pre>
 * # detsim failure file: edit [input] and [schedule] below; `./detsim replay FILE` runs them as written
 * format: 1
 * detsim: 0.1.0-SNAPSHOT
 * scenario: swarm
 * seed: 0x0e49d524d3a854e5
 * mutants: ack-before-sync
 * violation: SILENT_DROP at 32s: 47 observations neither ACCEPTED nor REJECTED 30 s after faults healed: ...
 * digest: 0x61e086cc04301834
 * size: original 64, shrunk 26
 * choices: v1 0 1 0 0 0 0 0 1 0 0 0 0 0 0 0 0 1 0 50 500 0 0 0 1 0 12
 * [input]
 * simulation seed: 0x0
 * engine: 1 worker, queue default
 * swarm: CRASH, LOSS
 * loss: 1/500
 * duplicate: 0/1
 * reorder: 0/1
 * torn writes: 0/1
 * client client-0: 50 observations into space-0 at 500/s
 * [schedule]
 * # detsim fault schedule v1
 * 12ms crash server
 * 13ms restart server
 * </pre>
 *
 * <p>Header fields, all required:
 * <ul>
 *   <li>{@code format}: the format version, {@code 1}. Checked first: a file from a newer detsim is
 *       refused as such, not misread.
 *   <li>{@code detsim}: the version that wrote the file, or {@code dev} for a build's class folders.
 *   <li>{@code scenario}: a scenario on the class path ({@code ScenarioProvider}); for the engine, its model sets the fault window and
 *       the heal time of the replay.
 *   <li>{@code seed}: the seed of the try that first failed, {@code 0x} and 16 hex digits.
 *   <li>{@code mutants}: the scenario's planted bugs switched on, comma-separated, or {@code none}.
 *   <li>{@code violation}: {@code KIND at TIME: detail}, the time as {@code Durations} writes it, the
 *       detail on one line (line breaks of the message become {@code " | "}).
 *   <li>{@code digest}: the trace digest of the failing run, {@code 0x} and 16 hex digits.
 *   <li>{@code size}: {@code original N, shrunk M}, in choices.
 *   <li>{@code choices}: the shrunk choice sequence, {@code v1 ...}; it regenerates the input unless
 *       the input was edited.
 * </ul>
 *
 * <p>Replay runs {@code [input]} and {@code [schedule]} as written, not the choices, so an edit (a
 * deleted fault line, a changed time) is what runs. Any problem is a
 * {@link io.detsim.properties.scenario.BadTextException} with the message
 * {@code <file>:<line>[:<column>]: <problem>}.
 */
package io.detsim.replay.file;
