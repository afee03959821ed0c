package dev.ciku.spark;

import dev.ciku.cli.OutputOptions;
import picocli.CommandLine.Option;

/**
 * {@code --top K}: how many rows a job prints, with the CLI's one check of it ({@link
 * OutputOptions#checkTop}). Each job says in its help which rows ({@link JobHelp}).
 *
 * <p>A picocli mixin: picocli fills the field while parsing. Not thread-safe; one instance per
 * job run, used on the driver's thread.
 */
final class TopOption {
  @Option(names = "--top", paramLabel = "K", defaultValue = "0",
      description = "Print only the first K rows (0: all).")
  int top;

  /** K, or 0 for every row; a negative K is a usage error. */
  int top() {
    return OutputOptions.checkTop(top);
  }
}
