package dev.ciku.cli;

import picocli.CommandLine.Option;

/**
 * What a command says on standard error besides its errors and warnings: {@code -q} and
 * {@code --no-progress}, which every command takes (in {@link RunOptions}, or alone where there
 * are no threads to set, as in {@code eval}, and in the Spark jobs, which draw no bar).
 */
public final class VerbosityOptions {
  @Option(names = {"-q", "--quiet"}, description = "Only errors and warnings on standard error.")
  boolean quiet;

  @Option(names = "--no-progress", description = "No progress bar (it is only drawn on a terminal).")
  boolean noProgress;

  /** Whether {@code -q} was given: only errors and warnings. */
  public boolean quiet() {
    return quiet;
  }
}
