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
}
