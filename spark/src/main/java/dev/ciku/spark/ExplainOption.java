package dev.ciku.spark;

import dev.ciku.cli.ExplainArguments;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --explain WORD[,WORD...]} of the {@code discover} and {@code domain} jobs, split and
 * checked as the CLI's ({@link ExplainArguments}). Each job says in its help what it explains
 * ({@link JobHelp}).
 *
 * <p>A picocli mixin: picocli fills the fields while parsing. Not thread-safe; one instance per
 * job run, used on the driver's thread.
 */
final class ExplainOption {
  // Split by ExplainArguments, not by picocli.
  @Option(names = "--explain", paramLabel = "WORD[,WORD...]",
      description = "Instead of the list, say for each WORD whether the list has it or which"
          + " stage dropped it, on what figures, as the CLI's --explain. Repeatable, or"
          + " comma-separated (, or \uFF0C).")
  List<String> args = new ArrayList<>();

  @Spec(Spec.Target.MIXEE) CommandSpec job;

  /** The words to explain, in order; none without {@code --explain}; a blank one is a usage error. */
  List<String> words() {
    return ExplainArguments.words(args, job);
  }
}
