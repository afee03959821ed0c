package dev.ciku.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ThresholdsTest {

  /** Golden table: unit positions, minimum count (the steps the Javadoc and README quote). */
  private static final long[][] MIN_COUNT = {
      {-1, 2}, {0, 2}, {1, 2}, {1_000_000, 2}, {9_094_656, 2}, // the news corpus
      {14_062_499, 2}, {14_062_500, 3}, {17_424_369, 3}, // the legal corpus
      {27_562_499, 3}, {27_562_500, 4}, {35_000_000, 4}, // bench-mixed
      {1_000_000_000, 21}, {Long.MAX_VALUE, 2_024_667},
  };

  @Test
  void minCount_corpusSizesFromNoneToLongMax_stepsAsTabled() {
    for (long[] row : MIN_COUNT) {
      assertEquals(row[1], Thresholds.minCount(row[0]), "positions " + row[0]);
    }
  }

  @Test
  void minCount_seededRandomPairsOfSizes_neverDecreasesWithCorpusSize() {
    java.util.Random random = new java.util.Random(20261126L);
    for (int i = 0; i < 1000; i++) {
      long a = random.nextLong() >>> (1 + random.nextInt(62));
      long b = a + (random.nextLong() >>> (2 + random.nextInt(61)));
      assertEquals(true, Thresholds.minCount(a) <= Thresholds.minCount(b), a + " vs " + b);
    }
  }
}
