package dev.ciku.cli;

import java.io.PrintStream;

/**
 * Messages on standard error, prefixed with {@code ciku:}. Info is silenced by {@code --quiet};
 * warnings and errors are not. A progress bar on the line is erased first ({@link Progress}).
 * Thread-safe.
 */
public final class Log {
  private final PrintStream err;
  private final boolean quiet;

  public Log(PrintStream err, boolean quiet) {
    this.err = err;
    this.quiet = quiet;
  }

  /** Progress and summary information. */
  public void info(String message) {
    if (!quiet) {
      Progress.println(err, "ciku: " + message);
    }
  }

  /** Something the user should know about the data. */
  public void warn(String message) {
    Progress.println(err, "ciku: warning: " + message);
  }

  /** True when info messages are shown. */
  public boolean verbose() {
    return !quiet;
  }
}
