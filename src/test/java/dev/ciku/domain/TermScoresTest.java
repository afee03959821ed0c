package dev.ciku.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TermScoresTest {
  private static final double EPS = 1e-9;

  @Test
  void g2_domainHeavyReferenceHeavyAndEvenTables_matchesHandComputedValues() {
    // d=10, r=0, D=R=100: E1 = E2 = 5; G2 = 2 (10 ln 2 + 0) = 20 ln 2.
    assertEquals(20 * Math.log(2), TermScores.g2(10, 0, 100, 100), EPS);
    // Mirror image: more frequent in the reference, so negative.
    assertEquals(-20 * Math.log(2), TermScores.g2(0, 10, 100, 100), EPS);
    // Same relative frequency: no keyness.
    assertEquals(0, TermScores.g2(5, 5, 100, 100), EPS);
    // d=20, r=10, D=1000, R=2000: E1 = 10, E2 = 20; G2 = 2 (20 ln 2 + 10 ln 0.5) = 20 ln 2.
    assertEquals(20 * Math.log(2), TermScores.g2(20, 10, 1000, 2000), EPS);
  }

  @Test
  void weirdness_referenceCountZeroOrTwo_halfAddedToTheReferenceCount() {
    // (10/100) / ((0 + 0.5)/200) = 0.1 / 0.0025 = 40
    assertEquals(40, TermScores.weirdness(10, 0, 100, 200), EPS);
    // (10/100) / ((2 + 0.5)/250) = 0.1 / 0.01 = 10
    assertEquals(10, TermScores.weirdness(10, 2, 100, 250), EPS);
  }

  @Test
  void share_absentPresentAndRescaledReference_handComputedAndAbsentIsMaximal() {
    long[] d = {10, 0};
    long[] r = {0, 10};
    double alpha = TermScores.shareAlpha(d, r, 1.0);
    double m = TermScores.shareMean(d, r, 1.0);
    assertEquals(0.5, alpha, EPS);
    assertEquals(10, m, EPS);
    // (10 + 0.5*10) / (10 + 0 + 10) = 0.75
    assertEquals(0.75, TermScores.share(10, 0, 1.0, alpha, m), EPS);
    // (10 + 5) / (10 + 10 + 10) = 0.5
    assertEquals(0.5, TermScores.share(10, 10, 1.0, alpha, m), EPS);
    // rescaling: r = 20 at scale 0.5 counts like r = 10
    assertEquals(0.5, TermScores.share(10, 20, 0.5, alpha, m), EPS);
    for (long rr = 1; rr < 100; rr++) {
      assertTrue(TermScores.share(10, 0, 1.0, alpha, m) > TermScores.share(10, rr, 1.0, alpha, m));
    }
  }

  @Test
  void cValue_nestedOrNot_matchesHandComputedValues() {
    // not nested: log2(2) * 10
    assertEquals(10, TermScores.cValue(2, 10, 0, 0), EPS);
    // nested in 3 longer terms of total frequency 12: log2(4) * (10 - 4) = 12
    assertEquals(12, TermScores.cValue(4, 10, 12, 3), EPS);
    // log2(3) * 9
    assertEquals(9 * Math.log(3) / Math.log(2), TermScores.cValue(3, 9, 0, 0), EPS);
  }

  @Test
  void residualIdf_clusteredSpreadAndDegenerateCounts_handComputedOrZero() {
    // f = 10 in df = 2 of N = 100 lines: expected df 100 (1 - e^-0.1) = 9.516; log2(9.516/2).
    double expected = 100 * (1 - Math.exp(-0.1));
    assertEquals(Math.log(expected / 2) / Math.log(2), TermScores.residualIdf(10, 2, 100), EPS);
    // Spread like chance (one occurrence per line): about 0, slightly negative.
    double spread = TermScores.residualIdf(10, 10, 100);
    assertTrue(spread < 0 && spread > -0.1, "spread " + spread);
    assertEquals(0, TermScores.residualIdf(5, 0, 100), EPS);
    assertEquals(0, TermScores.residualIdf(5, 3, 0), EPS);
  }

  @Test
  void charSpecificity_ratiosOfTwoCharactersOrNone_geometricMeanOrOne() {
    // Ratios 8 and 1/2: geometric mean 2.
    double[] logs = {Math.log(8), Math.log(0.5), 99};
    assertEquals(2, TermScores.charSpecificity(logs, 2), EPS);
    assertEquals(1, TermScores.charSpecificity(logs, 0), EPS);
    // (9.5/100) / (0.5/200) = 38
    assertEquals(Math.log(38), TermScores.logCharRatio(9, 0, 100, 200), EPS);
  }
}
