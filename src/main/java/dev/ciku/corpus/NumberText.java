package dev.ciku.corpus;

/**
 * Numbers written as text, read the one way ciku reads them on the command line and in data
 * files (vocabulary counts, sizes such as {@code --memory 512m}): plain decimals only, never
 * Java's own forms. Stateless and thread-safe.
 */
public final class NumberText {
  private NumberText() {}

  private static final java.util.regex.Pattern UNSIGNED_DECIMAL =
      java.util.regex.Pattern.compile("(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

  /**
   * Whether {@code s} is a number written in decimal without a sign: digits with an optional
   * fraction and exponent ({@code 3}, {@code 2.5}, {@code .5}, {@code 1e6}). Java's own forms
   * ({@code 0x1p3}, {@code 2f}, {@code 2d}), {@code NaN}, {@code Infinity} and grouped digits
   * ({@code 1,000}) are not. The one reading of numbers of the command line and of data files.
   */
  public static boolean isUnsignedDecimal(CharSequence s) {
    return UNSIGNED_DECIMAL.matcher(s).matches();
  }

  /**
   * Parses sizes such as {@code 512m}, {@code 2g}, {@code 1.5g}, {@code 1048576} into bytes.
   *
   * @throws IllegalArgumentException if {@code text} is no such size (Java's own number forms
   *     such as {@code 0x1p25} or {@code 2f} are not), is 0, or is 2^63 bytes or more
   */
  public static long parseSize(String text) {
    String s = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (s.endsWith("b")) {
      s = s.substring(0, s.length() - 1);
    }
    long mult = 1;
    if (!s.isEmpty()) {
      switch (s.charAt(s.length() - 1)) {
        case 'k' -> mult = 1L << 10;
        case 'm' -> mult = 1L << 20;
        case 'g' -> mult = 1L << 30;
        case 't' -> mult = 1L << 40;
        default -> mult = 1;
      }
      if (mult > 1) {
        s = s.substring(0, s.length() - 1);
      }
    }
    if (!isUnsignedDecimal(s)) {
      // Java's own forms (0x1p25, 2f, 2d), a sign, NaN and Infinity are no sizes.
      throw new IllegalArgumentException("not a size: '" + text + "' (use e.g. 512m or 2g)");
    }
    try {
      double v = Double.parseDouble(s);
      if (v <= 0) {
        throw new IllegalArgumentException("size must be positive: '" + text + "'");
      }
      if (v * mult >= 0x1p63) {
        throw new IllegalArgumentException("size too large: '" + text + "'");
      }
      return (long) (v * mult);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a size: '" + text + "' (use e.g. 512m or 2g)");
    }
  }
}
