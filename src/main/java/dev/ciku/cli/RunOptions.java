package dev.ciku.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every command has: help, threads, verbosity, progress. */
public final class RunOptions {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = {"-t", "--threads"}, paramLabel = "N",
      description = "Worker threads (default: all cores; at most 4 per core, since each has its"
          + " own tables). Output does not depend on it.")
  Integer threads;

  @Mixin VerbosityOptions verbosity = new VerbosityOptions();

  /** Threads per core beyond which {@code --threads} is lowered. */
  static final int MAX_THREADS_PER_CORE = 4;

  private boolean warned;

  /**
   * Number of worker threads to use: {@code --threads}, or the cores available; at least 1 and at
   * most {@link #MAX_THREADS_PER_CORE} per core (each worker holds tables of its own, so a
   * thousand workers would exhaust any heap while adding no speed). Lowering it is reported once
   * on standard error; output does not depend on it.
   */
  public int threads() {
    int cores = Runtime.getRuntime().availableProcessors();
    int n = threads == null ? cores : threads;
    if (n < 1) {
      throw new CikuException(CikuException.USAGE, "--threads must be 1 or more");
    }
    int max = MAX_THREADS_PER_CORE * cores;
    if (n > max) {
      if (!warned) {
        warned = true;
        log().warn("--threads " + n + " lowered to " + max + " (" + MAX_THREADS_PER_CORE
            + " per core; this machine has " + cores + ")");
      }
      return max;
    }
    return n;
  }

  /** A logger honouring {@code --quiet}. */
  public Log log() {
    return new Log(System.err, verbosity.quiet);
  }

  /** Whether to draw a progress bar. */
  public boolean progress() {
    return !verbosity.quiet && !verbosity.noProgress && Progress.stderrIsTerminal();
  }

  /**
   * Whether to draw a progress bar in a command that writes rows while it reads: not when they
   * go to standard output and that is a terminal ({@code toStdout}: no {@code -o} file).
   */
  public boolean progress(boolean toStdout) {
    return progress() && !(toStdout && Progress.stdoutIsTerminal());
  }
}
