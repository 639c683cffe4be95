package io.detsim.cli;

import io.detsim.properties.scenario.ScenarioCatalogue;
import java.util.ServiceLoader;
import io.detsim.properties.scenario.BadTextException;
import io.detsim.replay.file.DetsimVersion;
import io.detsim.sim.trace.TraceFormatException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code detsim} command line: fuzz a scenario over many seeds, run one seed, replay, shrink
 * and diff failures, check determinism, benchmark. Each command is its own class.
 *
 * <p>Exit codes: 0 success (nothing failed), 1 something failed (a run, a replay, a determinism
 * check), 2 bad usage (an unknown flag, a bad value, an unreadable file), 3 an internal error. Usage
 * errors are one line on stderr, never a usage dump: scripts and people both read the first line.
 */
@Command(name = "detsim", mixinStandardHelpOptions = true, versionProvider = Detsim.Version.class,
    description = {"Deterministic simulation testing: fuzz, run, replay, shrink and diff simulated runs.",
        "The scenarios are those on the class path (ScenarioProvider); --class-path PATH, before the command,"
            + " adds a project's own (its classes and dependencies, separated as java -cp takes them)."},
    subcommands = {ScenariosCommand.class, MutantsCommand.class, RunCommand.class, FuzzCommand.class,
        ReplayCommand.class, ShrinkCommand.class, DiffCommand.class, CheckDeterminismCommand.class,
        BenchCommand.class})
public final class Detsim implements Callable<Integer> {
  static final int EXIT_OK = 0;
  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;
  static final int EXIT_INTERNAL = 3;

  @Spec
  private CommandSpec spec;

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int exit = execute(out, err, args);
    out.flush();
    err.flush();
    System.exit(exit);
  }

  /** Runs the command line with the given streams and returns its exit code: the whole CLI, testable in-process. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    ClassPathArguments classPath;
    ClassLoader loader;
    try {
      classPath = ClassPathArguments.split(args);
      loader = classPath.loader(Detsim.class.getClassLoader());
    } catch (IllegalArgumentException | UsageException bad) {
      err.println("detsim: " + bad.getMessage());
      return EXIT_USAGE;
    }
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try {
      Thread.currentThread().setContextClassLoader(loader);
      ScenarioCatalogue catalogue;
      try {
        catalogue = ScenarioCatalogue.load(loader);
      } catch (IllegalArgumentException | java.util.ServiceConfigurationError broken) {
        err.println("detsim: cannot load the scenarios on the class path: " + oneLine(broken.getMessage()));
        return EXIT_USAGE;
      }
      return execute(out, err, new CommandContext(catalogue, classPath.classPath()), loader, classPath.rest());
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  private static int execute(PrintWriter out, PrintWriter err, CommandContext context, ClassLoader loader,
      String... args) {
    CommandLine commandLine = new CommandLine(new Detsim(), new ContextFactory(context));
    for (CommandExtension extension : ServiceLoader.load(CommandExtension.class, loader)) {
      if (extension.parent().isEmpty()) { // a command of its own: detsim server
        commandLine.addSubcommand(new CommandLine(extension.command(), new ContextFactory(context)));
        continue;
      }
      CommandLine parent = commandLine.getSubcommands().get(extension.parent());
      if (parent != null) {
        parent.addSubcommand(new CommandLine(extension.command(), new ContextFactory(context)));
      }
    }
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler((problem, arguments) -> {
      problem.getCommandLine().getErr().println("detsim: " + usageProblem(problem));
      return EXIT_USAGE;
    });
    commandLine.setExecutionExceptionHandler((thrown, command, parseResult) -> {
      PrintWriter errors = command.getErr();
      if (thrown instanceof UsageException || thrown instanceof BadTextException
          || thrown instanceof TraceFormatException || thrown instanceof UncheckedIOException
          || thrown instanceof io.detsim.properties.scenario.RunStoppedException) {
        errors.println("detsim: " + oneLine(thrown.getMessage()));
        return EXIT_USAGE;
      }
      errors.println("detsim: internal error: " + oneLine(String.valueOf(thrown)));
      thrown.printStackTrace(errors);
      return EXIT_INTERNAL;
    });
    int exit = commandLine.execute(args);
    out.flush();
    err.flush();
    return exit;
  }

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("detsim: name a command: "
        + String.join(", ", spec.subcommands().keySet()) + " (detsim --help)");
    return EXIT_USAGE;
  }

  /** picocli's message on one line; an unknown command is named as such, with the commands there are. */
  private static String usageProblem(CommandLine.ParameterException problem) {
    CommandLine where = problem.getCommandLine();
    if (problem instanceof CommandLine.UnmatchedArgumentException && where.getParent() == null) {
      List<String> unmatched = ((CommandLine.UnmatchedArgumentException) problem).getUnmatched();
      if (!unmatched.isEmpty() && !unmatched.get(0).startsWith("-")) {
        return "unknown command '" + unmatched.get(0) + "'; commands: "
            + String.join(", ", where.getSubcommands().keySet());
      }
    }
    return oneLine(problem.getMessage());
  }

  /** Rows of a name and what it is, the names padded to one column: what scenarios and mutants print. */
  static void printNamed(PrintWriter out, java.util.Map<String, String> described) {
    int width = described.keySet().stream().mapToInt(String::length).max().orElse(0);
    described.forEach((name, description) -> out.println(String.format(java.util.Locale.ROOT,
        "%-" + width + "s  %s", name, description)));
  }

  static String oneLine(String text) {
    return text == null ? "" : String.join(" | ", text.strip().lines().map(String::strip).toList());
  }

  /**
   * Makes commands and converters, giving those that take one the {@link CommandContext} or its
   * {@link ScenarioCatalogue} through their constructor; the rest as picocli would.
   */
  private static final class ContextFactory implements CommandLine.IFactory {
    private final CommandContext context;

    ContextFactory(CommandContext context) {
      this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      for (java.lang.reflect.Constructor<?> constructor : type.getDeclaredConstructors()) {
        Class<?>[] parameters = constructor.getParameterTypes();
        if (parameters.length == 1 && (parameters[0] == CommandContext.class
            || parameters[0] == ScenarioCatalogue.class)) {
          constructor.setAccessible(true);
          Object argument = parameters[0] == CommandContext.class ? context : context.catalogue();
          return type.cast(constructor.newInstance(argument));
        }
      }
      return CommandLine.defaultFactory().create(type);
    }
  }

  /** {@code --version}: the running detsim, as failure files record it. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"detsim " + DetsimVersion.current()};
    }
  }
}
