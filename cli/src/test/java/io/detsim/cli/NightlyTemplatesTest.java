package io.detsim.cli;

import static io.detsim.cli.Cli.detsim;
import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.replay.campaign.Checkpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly templates' own {@code ./detsim} command lines, read from {@code ops/nightly/}, run on
 * a fresh folder and then again on the folder they left (a restarted pod, a re-run job), with the
 * time budget cut to a fraction of a second. Both templates once failed on their first night
 * ({@code '5h30m' is not a duration}, {@code nothing to resume}); reading the files themselves
 * keeps them from rotting again.
 */
class NightlyTemplatesTest {
  private static final Path NIGHTLY = Path.of("..", "ops", "nightly");
  /** What the templates' shell variables and GitHub expressions stand for in this test. */
  private static final Map<String, String> VARIABLES = Map.of("${{ matrix.shard }}", "3", "$START", "20261127",
      "$START_SEED", "20261127", "$JOB_COMPLETION_INDEX", "5");

  @TempDir
  Path workingFolder;

  @Test
  void githubActions_commandRunsFreshThenResumes() throws IOException {
    runFreshThenResumed(NIGHTLY.resolve("github-actions.yml"));
  }

  @Test
  void kubernetesJob_commandRunsFreshThenResumes() throws IOException {
    runFreshThenResumed(NIGHTLY.resolve("k8s-indexed-job.yaml"));
  }

  @Test
  void extraction_joinsContinuationsAndFoldedLines() {
    String yaml = "jobs:\n  x:\n    run: |\n      A=1\n      ./detsim fuzz --time 8h \\\n        --resume\n      echo done\n"
        + "args:\n  - >-\n    ./detsim fuzz --corpus \"/r/shard-$I\"\n    --jobs 2\n  - other\n";
    assertThat(TemplateCommands.detsimLines(yaml))
        .containsExactly("./detsim fuzz --time 8h --resume", "./detsim fuzz --corpus \"/r/shard-$I\" --jobs 2");
    assertThat(TemplateCommands.words("./detsim fuzz --corpus \"/r/shard-$I\"", Map.of("$I", "5")))
        .containsExactly("fuzz", "--corpus", "/r/shard-5");
  }

  private void runFreshThenResumed(Path template) throws IOException {
    List<String> lines = TemplateCommands.detsimLines(Files.readString(template, StandardCharsets.UTF_8));
    assertThat(lines).as("./detsim lines in " + template).hasSize(1);
    List<String> words = TemplateCommands.words(lines.get(0), VARIABLES);
    int time = words.indexOf("--time");
    assertThat(time).as("the template's --time").isPositive();
    assertThat(new Converters.WallDuration().convert(words.get(time + 1))).as("the template's own budget")
        .isGreaterThan(3_600_000_000_000L);
    words.set(time + 1, "300ms"); // the budget cut down; everything else as written
    int corpus = words.indexOf("--corpus");
    Path folder = workingFolder.resolve(words.get(corpus + 1).replaceFirst("^/", ""));
    words.set(corpus + 1, folder.toString());

    Cli.Result fresh = detsim(words.toArray(String[]::new));
    assertThat(fresh.exit()).as(fresh.err()).isZero();
    assertThat(fresh.err()).doesNotContain("detsim:");
    assertThat(fresh.line("stopped at the deadline")).contains("--resume continues");
    long firstSeeds = checkpoint(folder).tally().seeds();

    Cli.Result resumed = detsim(words.toArray(String[]::new));
    assertThat(resumed.exit()).as(resumed.err()).isZero();
    assertThat(resumed.outLines().get(0)).contains("resuming at seed " + firstSeeds);
    assertThat(checkpoint(folder).tally().seeds()).isGreaterThanOrEqualTo(firstSeeds);
  }

  private static Checkpoint checkpoint(Path folder) throws IOException {
    return Checkpoint.parse(Files.readString(folder.resolve(Checkpoint.FILE), StandardCharsets.UTF_8));
  }

  /**
   * The {@code ./detsim} command lines of a YAML file, without a YAML parser: they sit in block
   * scalars ({@code run: |} of a workflow step, {@code - >-} of a container's args). A literal block
   * keeps its lines, joined where one ends in a backslash; a folded block joins its lines with
   * spaces. Only lines starting with {@code ./detsim} are returned; the shell around them (a
   * variable set from {@code date}) is stood in for by the test's variables.
   */
  static final class TemplateCommands {
    private TemplateCommands() {}

    static List<String> detsimLines(String yaml) {
      List<String> lines = yaml.lines().toList();
      List<String> commands = new ArrayList<>();
      for (int index = 0; index < lines.size(); index++) {
        String header = lines.get(index).replaceAll("\\s+#.*$", "").stripTrailing();
        boolean literal = header.matches(".*[:-] \\|[-+]?$");
        boolean folded = header.matches(".*[:-] >[-+]?$");
        if (!literal && !folded) {
          continue;
        }
        List<String> block = new ArrayList<>();
        int indent = -1;
        int next = index + 1;
        for (; next < lines.size(); next++) {
          String line = lines.get(next);
          int lineIndent = line.length() - line.stripLeading().length();
          if (!line.isBlank() && (lineIndent <= indentOf(header) || (indent >= 0 && lineIndent < indent))) {
            break;
          }
          if (!line.isBlank() && indent < 0) {
            indent = lineIndent;
          }
          block.add(line.strip());
        }
        index = next - 1;
        List<String> joined = new ArrayList<>();
        if (folded) {
          joined.add(String.join(" ", block.stream().filter(line -> !line.isEmpty()).toList()));
        } else {
          StringBuilder command = new StringBuilder();
          for (String line : block) {
            if (line.endsWith("\\")) {
              command.append(line, 0, line.length() - 1).append(' ');
            } else {
              joined.add(command.append(line).toString().replaceAll("\\s+", " ").strip());
              command.setLength(0);
            }
          }
        }
        joined.stream().filter(line -> line.startsWith("./detsim ")).forEach(commands::add);
      }
      return commands;
    }

    /** The words after {@code ./detsim}, with variables replaced and double quotes removed, as a shell splits them. */
    static List<String> words(String command, Map<String, String> variables) {
      String text = command;
      for (Map.Entry<String, String> variable : variables.entrySet().stream()
          .sorted((a, b) -> b.getKey().length() - a.getKey().length()).toList()) {
        text = text.replace(variable.getKey(), variable.getValue());
      }
      assertThat(text).as("a variable the test does not stand in for").doesNotContain("$");
      List<String> words = new ArrayList<>();
      StringBuilder word = new StringBuilder();
      boolean quoted = false;
      boolean inWord = false;
      for (char c : text.toCharArray()) {
        if (c == '"') {
          quoted = !quoted;
          inWord = true;
        } else if (Character.isWhitespace(c) && !quoted) {
          if (inWord) {
            words.add(word.toString());
            word.setLength(0);
            inWord = false;
          }
        } else {
          word.append(c);
          inWord = true;
        }
      }
      if (inWord) {
        words.add(word.toString());
      }
      assertThat(words.get(0)).isEqualTo("./detsim");
      return new ArrayList<>(words.subList(1, words.size()));
    }

    private static int indentOf(String line) {
      String withoutDash = line.stripLeading().startsWith("- ") ? line : line;
      return withoutDash.length() - withoutDash.stripLeading().length();
    }
  }
}
