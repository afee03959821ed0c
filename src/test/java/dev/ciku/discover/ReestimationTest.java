package dev.ciku.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ciku.corpus.FunctionWords;
import dev.ciku.count.GramIndex;
import dev.ciku.count.Grams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReestimationTest {
  /** The words and their counts, as text sorted by word. */
  private static String render(List<Reestimation.Word> words) {
    TreeMap<String, Long> m = new TreeMap<>();
    for (Reestimation.Word w : words) {
      StringBuilder sb = new StringBuilder();
      for (int u : w.units()) {
        sb.appendCodePoint(u);
      }
      m.merge(sb.toString(), w.count(), Long::sum);
    }
    return m.toString();
  }

  /**
   * Small alphabets make the same string mergeable from two pairs in one round (丄 + 丄丄 and
   * 丄丄 + 丄), which slices then see in an order that depends on their number: the result must
   * not. (With the made words' counts taken from whichever pair came last, seeds 1130, 1776 and
   * 2514 gave other counts at two threads than at one.)
   */
  @Test
  void run_seededRandomTables_sameWordsAtAnyThreadCount() {
    int[] seeds = new int[203];
    for (int i = 0; i < 200; i++) {
      seeds[i] = i;
    }
    seeds[200] = 1130;
    seeds[201] = 1776;
    seeds[202] = 2514;
    for (int seed : seeds) {
      Random r = new Random(seed);
      int alphabet = 3 + r.nextInt(4);
      CutFragments f = new CutFragments();
      GramIndex index = new GramIndex(16);
      int fragments = 5 + r.nextInt(60);
      for (int i = 0; i < fragments; i++) {
        int n = 2 + r.nextInt(5);
        int[] u = new int[n];
        for (int j = 0; j < n; j++) {
          u[j] = 0x4E00 + r.nextInt(alphabet);
        }
        long c = 1 + r.nextInt(20);
        f.shortFragments().accept(Grams.hi(u, 0, n), Grams.lo(u, 0, n), c);
        for (int j = 0; j < n; j++) {
          index.accept(Grams.hi(u, j, 1), 0, c);
        }
      }
      for (int a = 0; a < alphabet; a++) {
        index.accept(Grams.hi(new int[] {0x4E00 + a}, 0, 1), 0, 1);
      }
      List<int[]> words = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      int wanted = 2 + r.nextInt(8);
      for (int i = 0; i < wanted; i++) {
        int[] u = new int[2 + r.nextInt(2)];
        for (int j = 0; j < u.length; j++) {
          u[j] = 0x4E00 + r.nextInt(alphabet);
        }
        if (seen.add(Arrays.toString(u))) {
          words.add(u);
        }
      }
      int[][] w = words.toArray(new int[0][]);
      long[] counts = new long[w.length];
      boolean[] alive = new boolean[w.length];
      for (int i = 0; i < w.length; i++) {
        counts[i] = 1 + r.nextInt(30);
        alive[i] = true;
      }
      // Without the gain test, and with one (its words tested in slices on the threads), whose
      // glue bar has the alphabet's first character as a function word.
      GainBar[] bars = {new GainBar(0, 0, 0, FunctionWords.of("")),
          new GainBar(0.5, 0.25, 0.5, FunctionWords.of("\u4E00"))};
      for (GainBar bar : bars) {
        String one = null;
        for (int threads = 1; threads <= 4; threads++) {
          Reestimation re = new Reestimation(4, -2.0, 0.0, 1, 8, bar, threads);
          String out =
              render(re.run(w, counts.clone(), alive.clone(), f, new GramIndex(16), index));
          if (one == null) {
            one = out;
          }
          assertEquals(one, out, "seed " + seed + ", " + threads + " threads, gain bar "
              + bar.enabled());
        }
      }
    }
  }
}
