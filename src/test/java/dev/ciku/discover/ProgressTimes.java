package dev.ciku.discover;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the times of progress lines ("... (3600.0 s)") made with a clock that steps an hour a
 * reading ({@code withClock}), for tests of the injected clock.
 */
public final class ProgressTimes {
  /** One clock step, in nanoseconds. */
  public static final long HOUR = 3_600_000_000_000L;
  private static final Pattern TIME = Pattern.compile("\\((\\d+)\\.(\\d) s\\)$");

  private ProgressTimes() {}

  /**
   * The lines of {@code lines} that end in a time, each checked to be a whole number of hours, at
   * least one (a real clock gives a second or less on the test corpora).
   */
  public static List<String> hourSteps(List<String> lines) {
    List<String> timed = new ArrayList<>();
    for (String line : lines) {
      Matcher m = TIME.matcher(line);
      if (m.find()) {
        long s = Long.parseLong(m.group(1));
        assertTrue(m.group(2).equals("0") && s >= 3600 && s % 3600 == 0, line);
        timed.add(line);
      }
    }
    return timed;
  }

  /** The time a line of {@link #hourSteps} ends in, in seconds. */
  public static long seconds(String timedLine) {
    Matcher m = TIME.matcher(timedLine);
    assertTrue(m.find(), timedLine);
    return Long.parseLong(m.group(1));
  }
}
