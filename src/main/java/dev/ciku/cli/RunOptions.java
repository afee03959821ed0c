package dev.ciku.cli;

import picocli.CommandLine.Option;

/** Options every command has: help, threads, verbosity, progress. */
public final class RunOptions {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = {"-t", "--threads"}, paramLabel = "N",
      description = "Worker threads (default: all cores). Output does not depend on it.")
  Integer threads;

  @Option(names = {"-q", "--quiet"}, description = "Only errors and warnings on standard error.")
  boolean quiet;

  @Option(names = "--no-progress", description = "No progress bar (it is only drawn on a terminal).")
  boolean noProgress;

  /** Number of worker threads to use, at least 1. */
  public int threads() {
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new CikuException(CikuException.USAGE, "--threads must be 1 or more");
    }
    return n;
  }

  /** A logger honouring {@code --quiet}. */
  public Log log() {
    return new Log(System.err, quiet);
  }

  /** Whether to draw a progress bar. */
  public boolean progress() {
    return !quiet && !noProgress && Progress.stderrIsTerminal();
  }
}
