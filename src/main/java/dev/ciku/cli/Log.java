package dev.ciku.cli;

import java.io.PrintStream;

/**
 * Messages on standard error, prefixed with {@code ciku:}. Info is silenced by {@code --quiet};
 * warnings and errors are not. A progress bar on the line is erased first ({@link Progress}).
 * Control characters in a message (from a file name, say) are escaped ({@link #printable}), so
 * a message is one line and cannot drive the terminal. Thread-safe.
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
      Progress.println(err, "ciku: " + printable(message));
    }
  }

  /** Something the user should know about the data. */
  public void warn(String message) {
    Progress.println(err, "ciku: warning: " + printable(message));
  }

  /**
   * Warns, if {@code units} is 0, that the corpus held nothing to count, so that an empty result
   * is not taken for one of the work: {@code result} says what is empty ("no grams").
   */
  public void warnIfNoUnits(long units, String result) {
    if (units == 0) {
      warn(noUnits(result));
    }
  }

  /**
   * The warning of {@link #warnIfNoUnits} for an empty {@code result}; the Spark jobs say it
   * too.
   */
  public static String noUnits(String result) {
    return "the corpus holds no characters to count (punctuation, symbols, blanks or nothing; a"
        + " unit is a Han character or a Latin/digit run): " + result;
  }

  /**
   * {@code message} with its control characters written as escapes: a line feed as
   * {@code \n}, a carriage return as {@code \r}, a tab as {@code \t}, any other (ESC, NUL, DEL,
   * C1) as {@code \xNN}. The message itself when it has none (no copy).
   */
  public static String printable(String message) {
    int i = 0;
    while (i < message.length() && !isControl(message.charAt(i))) {
      i++;
    }
    if (i == message.length()) {
      return message;
    }
    StringBuilder sb = new StringBuilder(message.length() + 8).append(message, 0, i);
    for (; i < message.length(); i++) {
      char c = message.charAt(i);
      if (!isControl(c)) {
        sb.append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else {
        sb.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
      }
    }
    return sb.toString();
  }

  private static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
  }
}
