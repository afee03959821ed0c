package dev.ciku.discover;

import dev.ciku.count.GramIndex;
import dev.ciku.count.Grams;
import dev.ciku.count.SequenceTable;
import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.Arrays;

/**
 * De-redundancy (去冗) of a vocabulary, after the minimum-entropy principle (ALGORITHMS.md §7): a
 * word stays only if it is worth more than its best segmentation into the other words. Words are
 * visited longest first; for word {@code w} seen {@code c(w)} times, its best segmentation
 * {@code v1..vk} by the rest of the vocabulary (a unit outside the vocabulary costs as a word seen
 * once, as in a unigram segmenter) gives the code-length saving
 *
 * <pre>gain(w) = ln p(w) - Σ ln p(v_i)       p(v) = c(v) / T,  T = Σ c</pre>
 *
 * and {@code w} is removed when {@code gain(w) < perUnit · (len(w) - 1)} — the threshold grows
 * with length because long strings have over-estimated probabilities. When the counts are
 * counts of fragments (tokens of a cut corpus), a removed word's count goes to the words of its
 * segmentation, whose occurrences it was; n-gram counts already include those occurrences
 * (every occurrence of 中华人民 is one of 人民 too), so with them nothing is handed on.
 *
 * <p>Cost: O(V · L²) look-ups for V words of at most L units. Not thread-safe.
 */
final class Redundancy {
  private Redundancy() {}

  /**
   * Prunes in place.
   *
   * @param words unit ids of each word
   * @param counts counts of each word, updated
   * @param alive which words are still in the vocabulary, updated
   * @param perUnit threshold in nats per unit beyond the first
   * @param handOn whether a removed word's count goes to the words of its segmentation (true for
   *     fragment counts; false for n-gram counts, which already include it)
   * @return the number of words removed
   */
  static int prune(int[][] words, long[] counts, boolean[] alive, double perUnit,
      boolean handOn) {
    int v = words.length;
    GramIndex shortIds = new GramIndex(v * 2 + 16);
    // Words too long to pack, by their units (id + 1): no object per word or look-up.
    SequenceTable longIds = new SequenceTable();
    double total = 0;
    for (int i = 0; i < v; i++) {
      if (!alive[i]) {
        continue;
      }
      total += counts[i];
      int[] w = words[i];
      if (w.length <= Grams.MAX_ORDER) {
        shortIds.accept(Grams.hi(w, 0, w.length), Grams.lo(w, 0, w.length), i + 1);
      } else {
        longIds.add(w, 0, w.length, i + 1);
      }
    }
    // Only words of 3+ units are tested (most words have 2): longest first, then the rarest.
    int[] order = new int[v];
    int tested = 0;
    for (int i = 0; i < v; i++) {
      if (alive[i] && words[i].length >= 3) {
        order[tested++] = i;
      }
    }
    IntArrays.quickSort(order, 0, tested, (a, b) -> {
      int c = Integer.compare(words[b].length, words[a].length);
      if (c != 0) {
        return c;
      }
      c = Long.compare(counts[a], counts[b]);
      return c != 0 ? c : Arrays.compare(words[a], words[b]);
    });
    int removed = 0;
    int maxLen = 0;
    for (int[] w : words) {
      maxLen = Math.max(maxLen, w.length);
    }
    double[] best = new double[maxLen + 1];
    int[] back = new int[maxLen + 1];
    int[] part = new int[maxLen + 1];
    for (int k = 0; k < tested; k++) {
      int idx = order[k];
      int[] w = words[idx];
      int n = w.length;
      if (!alive[idx]) {
        continue;
      }
      double lnT = Math.log(total);
      best[0] = 0;
      for (int j = 1; j <= n; j++) {
        best[j] = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < j; i++) {
          if (best[i] == Double.NEGATIVE_INFINITY || (i == 0 && j == n)) {
            continue;
          }
          int id = lookup(w, i, j - i, shortIds, longIds);
          double s;
          if (id >= 0 && alive[id]) {
            s = Math.log(counts[id]) - lnT;
          } else if (j - i == 1) {
            s = -lnT;
            id = -1;
          } else {
            continue;
          }
          if (best[i] + s > best[j]) {
            best[j] = best[i] + s;
            back[j] = i;
            part[j] = id;
          }
        }
      }
      double gain = Math.log(counts[idx]) - lnT - best[n];
      if (gain >= perUnit * (n - 1)) {
        continue;
      }
      alive[idx] = false;
      removed++;
      long c = counts[idx];
      total -= c;
      if (!handOn) {
        continue;
      }
      for (int j = n; j > 0; j = back[j]) {
        if (part[j] >= 0) {
          counts[part[j]] += c;
          total += c;
        }
      }
    }
    return removed;
  }

  private static int lookup(int[] w, int from, int n, GramIndex shortIds,
      SequenceTable longIds) {
    if (n <= Grams.MAX_ORDER) {
      return (int) shortIds.get(Grams.hi(w, from, n), Grams.lo(w, from, n)) - 1;
    }
    return (int) longIds.get(w, from, from + n) - 1;
  }
}
