package dev.ciku.score;

import static dev.ciku.count.HanGrams.put;
import static dev.ciku.count.HanGrams.units;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.UnitTable;
import dev.ciku.count.CountOptions;
import dev.ciku.count.GramIndex;
import dev.ciku.count.Naive;
import dev.ciku.count.NgramCounter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CohesionTest {
  private static final Path LAWS = Path.of("corpora-samples/laws-zh.txt");
  private static final double LN_N = Math.log(100);

  /** 甲 10, 乙 20, 丙 4, 甲乙 5, 乙丙 3, 甲乙丙 2 of N = 100 positions. */
  private static GramIndex small() {
    GramIndex index = new GramIndex(16);
    put(index, "甲", 10);
    put(index, "乙", 20);
    put(index, "丙", 4);
    put(index, "甲乙", 5);
    put(index, "乙丙", 3);
    put(index, "甲乙丙", 2);
    return index;
  }

  @Test
  void minSplitPmi_goldenTable_weakestSplit() {
    GramIndex index = small();
    // 甲乙: ln(100·5 / (10·20)); 甲乙丙: the weaker of 甲|乙丙, ln(100·2 / (10·3)), and 甲乙|丙,
    // ln(100·2 / (5·4)); 乙丙: ln(100·3 / (20·4)).
    assertEquals(Math.log(500.0 / 200), Cohesion.minSplitPmi(units("甲乙"), 0, 2, 5, index, LN_N),
        1e-12);
    assertEquals(Math.log(200.0 / 30), Cohesion.minSplitPmi(units("甲乙丙"), 0, 3, 2, index,
        LN_N), 1e-12);
    assertEquals(Math.log(300.0 / 80), Cohesion.minSplitPmi(units("甲乙丙"), 1, 2, 3, index,
        LN_N), 1e-12);
  }

  @Test
  void minSplitPmi_missingPartOrSingleUnit_negativeInfinityOrNaN() {
    GramIndex index = small();
    assertEquals(Double.NEGATIVE_INFINITY,
        Cohesion.minSplitPmi(units("甲丁"), 0, 2, 1, index, LN_N));
    assertTrue(Double.isNaN(Cohesion.minSplitPmi(units("甲"), 0, 1, 10, index, LN_N)));
    assertTrue(Double.isNaN(Cohesion.ofWord(units("甲"), index, LN_N, 3)));
  }

  @Test
  void ofWord_longerThanOrder_weakestWindow() {
    GramIndex index = small();
    double whole = Cohesion.ofWord(units("甲乙丙"), index, LN_N, 3);
    double windows = Cohesion.ofWord(units("甲乙丙"), index, LN_N, 2);
    // Within the order: its own weakest split, 甲|乙丙 (ln(100·2 / (10·3))).
    assertEquals(Math.log(200.0 / 30), whole, 1e-12);
    assertEquals(Math.min(Math.log(500.0 / 200), Math.log(300.0 / 80)), windows, 1e-12);
  }

  @Test
  void ofWord_seededRandomStringsOfTheLawsSample_matchNaiveCounts(@TempDir Path tmp)
      throws IOException {
    int order = 4;
    Naive naive = Naive.of(LAWS, order);
    GramIndex index = new GramIndex(16);
    new NgramCounter(new CountOptions(order, 1, 2, 64L << 20, tmp), ReaderOptions.DEFAULT)
        .count(List.of(CorpusInput.file(LAWS)), new UnitTable(true), new ByteCounter(), m -> { },
            index);
    double lnN = Math.log(naive.clauses.stream().mapToLong(c -> c.length).sum());
    Random r = new Random(5);
    int finite = 0;
    for (int k = 0; k < 300; k++) {
      int[] clause = naive.clauses.get(r.nextInt(naive.clauses.size()));
      int n = 2 + r.nextInt(5);
      if (clause.length < n) {
        continue;
      }
      int from = r.nextInt(clause.length - n + 1);
      int[] w = Arrays.copyOfRange(clause, from, from + n);
      double expected = Double.POSITIVE_INFINITY;
      for (int i = 0; i + Math.min(n, order) <= n; i++) {
        expected = Math.min(expected, naivePmi(naive, w, i, Math.min(n, order), lnN));
      }
      assertEquals(expected, Cohesion.ofWord(w, index, lnN, order), 1e-9, Arrays.toString(w));
      finite += Double.isFinite(expected) ? 1 : 0;
    }
    assertTrue(finite > 100, "strings with every part counted: " + finite);
  }

  /** The weakest split of {@code w[from..from+n)}, from the naive counts by text. */
  private static double naivePmi(Naive naive, int[] w, int from, int n, double lnN) {
    double best = Double.POSITIVE_INFINITY;
    long c = naive.counts.get(text(naive, w, from, n));
    for (int k = 1; k < n; k++) {
      long a = naive.counts.get(text(naive, w, from, k));
      long b = naive.counts.get(text(naive, w, from + k, n - k));
      best = Math.min(best, lnN + Math.log(c) - Math.log(a) - Math.log(b));
    }
    return best;
  }

  private static String text(Naive naive, int[] w, int from, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < from + n; i++) {
      naive.units.append(sb, w[i]);
    }
    return sb.toString();
  }
}
