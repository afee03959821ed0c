package dev.ciku.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundaryEntropyPassTest {
  private static final Path LAWS = Path.of("corpora-samples/laws-zh.txt");
  private static final int ORDER = 4;
  /** Han numerals, as a left neighbour that ends a number. */
  private static final IntPredicate NUMERAL = id -> "零一二三四五六七八九十百千".indexOf(id) >= 0;

  private static Naive naive;
  /** The grams seen twice or more, as discovery keeps them. */
  private static GramIndex index;
  /** Words of 1..7 units at seeded random places of the sample's clauses. */
  private static int[][] words;

  @BeforeAll
  static void count(@TempDir Path tmp) throws IOException {
    naive = Naive.of(LAWS, 1);
    index = new GramIndex(16);
    new NgramCounter(new CountOptions(ORDER, 2, 2, 64L << 20, tmp), ReaderOptions.DEFAULT)
        .count(List.of(CorpusInput.file(LAWS)), new UnitTable(true), new ByteCounter(), m -> { },
            index);
    Random r = new Random(11);
    List<int[]> picked = new ArrayList<>();
    while (picked.size() < 300) {
      int[] clause = naive.clauses.get(r.nextInt(naive.clauses.size()));
      int n = 1 + r.nextInt(7);
      if (clause.length >= n) {
        int from = r.nextInt(clause.length - n + 1);
        picked.add(Arrays.copyOfRange(clause, from, from + n));
      }
    }
    words = picked.toArray(new int[0][]);
  }

  @Test
  void of_lawsSample_matchesNeighboursCountedInTheClauses() {
    double[] left = new double[words.length];
    double[] right = new double[words.length];
    double[] afterNumber = new double[words.length];
    new BoundaryEntropyPass(index, index, ORDER, 2).of(words, left, right, afterNumber, NUMERAL);
    Neighbours expected = new Neighbours(words);
    int positive = 0;
    for (int i = 0; i < words.length; i++) {
      int[] w = words[i];
      int wl = Math.min(w.length, ORDER - 1);
      String first = Neighbours.key(w, 0, wl);
      String last = Neighbours.key(w, w.length - wl, wl);
      String what = "word " + Arrays.toString(w);
      assertEquals(expected.entropy(first, expected.left), left[i], 1e-6, what);
      assertEquals(expected.entropy(last, expected.right), right[i], 1e-6, what);
      assertEquals(expected.afterNumber(first), afterNumber[i], 1e-12, what);
      positive += left[i] > 0 && right[i] > 0 ? 1 : 0;
    }
    assertTrue(positive > words.length / 4, "most sampled strings have neighbours: " + positive);
  }

  @Test
  void of_oneOrThreeThreads_sameBits() {
    double[][] byThreads = new double[4][];
    for (int threads : new int[] {1, 3}) {
      double[] left = new double[words.length];
      double[] right = new double[words.length];
      new BoundaryEntropyPass(index, index, ORDER, threads).of(words, left, right);
      byThreads[threads] = concat(left, right);
    }
    assertArrayEquals(byThreads[1], byThreads[3], 0.0);
  }

  @Test
  void new_orderOrThreadsOutOfRange_throws() {
    assertThrows(IllegalArgumentException.class, () -> new BoundaryEntropyPass(index, index, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new BoundaryEntropyPass(index, index, 7, 1));
    assertThrows(IllegalArgumentException.class, () -> new BoundaryEntropyPass(index, index, 4, 0));
  }

  private static double[] concat(double[] a, double[] b) {
    double[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /**
   * The neighbours of the words' end strings, counted occurrence by occurrence in the naive
   * reader's whole clauses (a clause boundary is no neighbour unit: it adds to the count only).
   */
  private static final class Neighbours {
    final Map<String, Long> count = new HashMap<>();
    final Map<String, Map<Integer, Long>> left = new HashMap<>();
    final Map<String, Map<Integer, Long>> right = new HashMap<>();

    Neighbours(int[][] words) {
      for (int[] w : words) {
        int wl = Math.min(w.length, ORDER - 1);
        for (String k : new String[] {key(w, 0, wl), key(w, w.length - wl, wl)}) {
          count.put(k, 0L);
          left.put(k, new HashMap<>());
          right.put(k, new HashMap<>());
        }
      }
      for (int[] c : naive.clauses) {
        for (int i = 0; i < c.length; i++) {
          for (int n = 1; n < ORDER && i + n <= c.length; n++) {
            String k = key(c, i, n);
            if (count.containsKey(k)) {
              count.merge(k, 1L, Long::sum);
              if (i > 0) {
                left.get(k).merge(c[i - 1], 1L, Long::sum);
              }
              if (i + n < c.length) {
                right.get(k).merge(c[i + n], 1L, Long::sum);
              }
            }
          }
        }
      }
    }

    static String key(int[] u, int from, int n) {
      return Arrays.toString(Arrays.copyOfRange(u, from, from + n));
    }

    /** ln c − Σ c_u ln c_u / c over the neighbour units; 0 for a string seen once (pruned). */
    double entropy(String k, Map<String, Map<Integer, Long>> side) {
      long c = count.get(k);
      if (c < 2) {
        return 0;
      }
      double sum = 0;
      for (long n : side.get(k).values()) {
        sum += n * Math.log(n);
      }
      return Math.max(0, Math.log(c) - sum / c);
    }

    /** Occurrences after a numeral, through left neighbours seen twice or more, over c. */
    double afterNumber(String k) {
      long c = count.get(k);
      if (c < 2) {
        return 0;
      }
      long after = 0;
      for (Map.Entry<Integer, Long> e : left.get(k).entrySet()) {
        if (e.getValue() >= 2 && NUMERAL.test(e.getKey())) {
          after += e.getValue();
        }
      }
      return after / (double) c;
    }
  }
}
