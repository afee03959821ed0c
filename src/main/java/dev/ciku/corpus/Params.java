package dev.ciku.corpus;

import java.util.Locale;

/**
 * Precondition checks of numeric settings whose messages name the setting as the user types it
 * ({@code --min-pmi must be a finite number, not NaN}), so that the command line can show them
 * as they are. Each throws {@link IllegalArgumentException}; stateless and thread-safe.
 */
public final class Params {
  private Params() {}

  /** {@code value}, if it is a finite number (thresholds in nats may be negative). */
  public static double finite(String option, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(option + " must be a finite number, not " + value);
    }
    return value;
  }

  /** {@code value}, if it is a finite number, 0 or more (an entropy, a gain). */
  public static double nonNegative(String option, double value) {
    finite(option, value);
    if (value < 0) {
      throw new IllegalArgumentException(option + " must be 0 or more, not " + value);
    }
    return value;
  }

  /** {@code value}, if it is a share: between 0 and 1 (NaN is none). */
  public static double share(String option, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(option + " must be between 0 and 1, got " + value);
    }
    return value;
  }

  /** {@code value}, if it is {@code min} or more. */
  public static long atLeast(String option, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s must be %d or more, not %d", option, min, value));
    }
    return value;
  }

  /** {@code value}, if it is in {@code min..max}. */
  public static int between(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s must be %d..%d, not %d", option, min, max, value));
    }
    return value;
  }
}
