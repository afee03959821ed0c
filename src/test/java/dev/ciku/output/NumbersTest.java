package dev.ciku.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class NumbersTest {
  @Test
  void format_finite_roundedHalfEvenWithoutNegativeZero() {
    assertEquals("3.1416", Numbers.format(Math.PI, 4));
    assertEquals("0.12", Numbers.format(0.125, 2));
    assertEquals("0.0000", Numbers.format(-0.00001, 4));
    // The exact binary value is rounded, as Python's '%.4f' rounds it: 3 / 20000 and 2.675 lie
    // just below their decimal half-way points, 0.375 on it (half-even).
    assertEquals("0.0001", Numbers.format(3 / 20000.0, 4));
    assertEquals("0.0003", Numbers.format(7 / 20000.0, 4));
    assertEquals("2.67", Numbers.format(2.675, 2));
    assertEquals("0.38", Numbers.format(0.375, 2));
  }

  @Test
  void format_nanAndInfinities_writtenAsTsvCells() {
    assertEquals("nan", Numbers.format(Double.NaN, 4));
    assertEquals("inf", Numbers.format(Double.POSITIVE_INFINITY, 4));
    assertEquals("-inf", Numbers.format(Double.NEGATIVE_INFINITY, 4));
  }

  @Test
  void appendFixed_nanAndInfinities_nanInfOrJsonNull() throws IOException {
    StringBuilder tsv = new StringBuilder();
    StringBuilder json = new StringBuilder();
    for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      Numbers.appendFixed(tsv.append(' '), v, 4, false);
      Numbers.appendFixed(json.append(' '), v, 4, true);
    }
    assertEquals(" nan inf -inf", tsv.toString());
    assertEquals(" null null null", json.toString());
  }

  /** What format gives, by the definition: the exact binary value, rounded half-even. */
  private static String reference(double v, int decimals) {
    String s = new java.math.BigDecimal(v)
        .setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString();
    return s.startsWith("-") && s.chars().noneMatch(c -> c >= '1' && c <= '9') ? s.substring(1)
        : s;
  }

  /**
   * Seeded random values of every kind that matters (scores, entropies, tiny and large values,
   * negatives, values on and next to a rounding half-way point) at 1..6 decimals: the same
   * string as the definition.
   */
  @Test
  void format_seededRandomValues_sameAsBigDecimalRounding() {
    java.util.Random r = new java.util.Random(17);
    for (int i = 0; i < 400_000; i++) {
      int decimals = 1 + r.nextInt(6);
      double v = switch (i % 6) {
        case 0 -> r.nextDouble() * 40;
        case 1 -> (r.nextDouble() - 0.5) * 1e-3;
        case 2 -> (r.nextLong() % 2_000_000L + 0.5) / Math.pow(10, decimals);
        case 3 -> Math.nextUp((r.nextInt(100_000) + 0.5) / Math.pow(10, decimals));
        case 4 -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(14));
        default -> Math.round(r.nextDouble() * 1e6) / 1e6 - 0.5;
      };
      assertEquals(reference(v, decimals), Numbers.format(v, decimals), v + " at " + decimals);
    }
    assertEquals("0.13", Numbers.format(0.125000001, 2));
    assertEquals("2.5", Numbers.format(2.45000001, 1));
  }
}
