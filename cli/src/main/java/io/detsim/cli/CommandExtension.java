package io.detsim.cli;

/**
 * A command that a module on the class path adds under one of detsim's own, found through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.detsim.cli.CommandExtension}): how
 * {@code detsim bench real}, the real engine's benchmark, joins a command line that knows no engine.
 */
public interface CommandExtension {

  /** The command it goes under, as typed ({@code bench}); empty for a command of its own ({@code server}). */
  String parent();

  /** A picocli command object, annotated with {@code @Command}; its name is what follows the parent. */
  Object command();
}
