package dev.ciku.output;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Locale-independent number formatting. Stateless and thread-safe. */
public final class Numbers {
  private Numbers() {}

  /**
   * Writes {@code v} rounded to {@code decimals} digits ({@link #format}). Infinities and NaN are
   * written as {@code inf}, {@code -inf}, {@code nan} (or JSON {@code null} when {@code json}).
   */
  public static void appendFixed(Appendable out, double v, int decimals, boolean json)
      throws IOException {
    if (json && (Double.isNaN(v) || Double.isInfinite(v))) {
      out.append("null");
      return;
    }
    out.append(format(v, decimals));
  }

  /**
   * {@code v} rounded to {@code decimals} digits, e.g. {@code 3.1416}: its exact binary value
   * rounded half-even, as C's {@code printf} and Python's {@code '%.4f'} round (so 3 / 20000,
   * just below 0.00015 in binary, is {@code 0.0001}, as the scoring scripts print it), and never
   * {@code -0.0000}; NaN and the infinities as {@code nan}, {@code inf} and {@code -inf}, as TSV
   * cells write them.
   */
  public static String format(double v, int decimals) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    String fast = fast(v, decimals);
    if (fast != null) {
      return fast;
    }
    String s = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    return s.startsWith("-") && isZero(s) ? s.substring(1) : s;
  }

  private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

  /**
   * The same string as the {@link BigDecimal} path (which rounds {@code v}'s exact value),
   * without it, for the common case: a small value whose scaled fraction is not within 1e-6 of
   * one half, so that the rounding error of scaling cannot move it across the half-way point.
   * Null otherwise. About ten times faster; numbers are the bulk of a word list's bytes.
   */
  private static String fast(double v, int decimals) {
    if (decimals < 1 || decimals >= POW10.length) {
      return null;
    }
    long scale = POW10[decimals];
    double x = Math.abs(v) * scale;
    if (!(x < 1e9)) {
      return null; // beyond, the scaled value's own rounding error nears the margin below
    }
    double floor = Math.floor(x);
    double frac = x - floor;
    if (Math.abs(frac - 0.5) < 1e-6) {
      return null;
    }
    long n = (long) floor + (frac > 0.5 ? 1 : 0);
    StringBuilder sb = new StringBuilder(24);
    if (v < 0 && n != 0) {
      sb.append('-');
    }
    sb.append(n / scale).append('.');
    String f = Long.toString(n % scale);
    for (int i = f.length(); i < decimals; i++) {
      sb.append('0');
    }
    return sb.append(f).toString();
  }

  private static boolean isZero(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '1' && c <= '9') {
        return false;
      }
    }
    return true;
  }
}
