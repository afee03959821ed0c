package dev.ciku.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.corpus.ClauseScanner;
import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.UnitTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClauseCounterTest {
  @TempDir Path tmp;

  /** Feeds the sample line by line, as a Spark partition does, into a ClauseCounter. */
  private List<long[]> countLines(Path file, int order, long minCount, int capacity, long budget,
      UnitTable units, long[][] positions, int[] spilled) throws IOException {
    ClauseCounter counter = new ClauseCounter(order, capacity, budget, tmp);
    ClauseScanner scanner = new ClauseScanner(units, LatinCase.FOLD, false, counter);
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        scanner.text(line);
        scanner.endLine();
      }
    }
    scanner.finish();
    List<long[]> out = new ArrayList<>();
    spilled[0] = counter.spilledRuns();
    counter.finish(minCount, (hi, lo, c) -> out.add(new long[] {hi, lo, c}));
    positions[0] = counter.positions();
    return out;
  }

  @Test
  void lineByLineCounting_equalsNgramCounter_evenWithManySpilledRuns() throws IOException {
    NgramCounterTest.Result ref =
        NgramCounterTest.count(NgramCounterTest.LAWS, 6, 2, 2, 64L << 20, tmp);
    for (int capacity : new int[] {1 << 22, 1 << 14}) {
      UnitTable units = new UnitTable(true);
      long[][] positions = new long[1][];
      int[] spilled = new int[1];
      List<long[]> got = countLines(NgramCounterTest.LAWS, 6, 2, capacity, 1 << 16, units,
          positions, spilled);
      assertEquals(ref.stream.size(), got.size(), "distinct grams");
      for (int i = 0; i < got.size(); i++) {
        assertArrayEquals(ref.stream.get(i), got.get(i), "entry " + i);
      }
      assertArrayEquals(ref.summary.positions(), positions[0]);
      if (capacity == 1 << 14) {
        assertTrue(spilled[0] > 0, "small table and budget must spill runs");
      }
    }
  }
}
