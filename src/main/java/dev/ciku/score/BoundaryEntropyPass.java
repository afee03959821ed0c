package dev.ciku.score;

import dev.ciku.corpus.Chunks;
import dev.ciku.count.GramFilter;
import dev.ciku.count.GramIndex;
import dev.ciku.count.GramSource;
import dev.ciku.count.Grams;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.function.IntPredicate;

/**
 * Left and right {@link BoundaryEntropy boundary entropies} of many words in one pass over every
 * gram counted. A word's right neighbours are read off the one-unit extensions of its last
 * {@code min(len, order − 1)} units and its left neighbours off those of its first (a longer
 * word has no counted extensions of its own): each gram of 2+ units seen twice or more adds its
 * {@code c ln c} to the sums of its prefix and of its suffix, when they are such an end string.
 * The sums are fixed-point integers, so the threads may split the grams as they like: the same
 * entropies, to the last bit, at any thread count.
 *
 * <p>Cost: one pass over {@code all} on the given threads, a look-up of each gram's prefix and
 * suffix in a table of the words' end strings behind a bit filter (most are no end string and
 * are answered from the cache); memory: the table and two longs an end string a thread.
 * Immutable; each call runs its own threads and writes only the arrays it is given.
 */
public final class BoundaryEntropyPass {
  /**
   * Fixed-point scale of the {@code c ln c} sums: integer sums are the same in any order (2^20:
   * the rounding error of a sum stays below 10^-6 nats a neighbour, far under the printed
   * precision).
   */
  private static final double TERM_SCALE = 1 << 20;
  /** {@link #term} of the counts below 4096 (most grams'), computed once. */
  private static final long[] TERMS = new long[4096];

  static {
    for (int c = 0; c < TERMS.length; c++) {
      TERMS[c] = term(c);
    }
  }

  private final GramIndex index;
  private final GramSource all;
  private final int order;
  private final int threads;

  /**
   * A pass over {@code all}, every gram counted (at least those seen twice), whose strings of up
   * to {@code order - 1} units have their counts in {@code index}.
   *
   * @param order the n-gram order counted (2 or more)
   * @param threads threads of a pass (1 or more; the result does not depend on it)
   * @throws IllegalArgumentException if {@code order} or {@code threads} is out of range
   */
  public BoundaryEntropyPass(GramIndex index, GramSource all, int order, int threads) {
    if (order < 2 || order > Grams.MAX_ORDER) {
      throw new IllegalArgumentException("order must be in 2.." + Grams.MAX_ORDER + ", got "
          + order);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be 1 or more, got " + threads);
    }
    this.index = index;
    this.all = all;
    this.order = order;
    this.threads = threads;
  }

  /** The fixed-point {@code c ln c} of a neighbour seen {@code c} times. */
  private static long term(long c) {
    return Math.round(BoundaryEntropy.term(c) * TERM_SCALE);
  }

  /**
   * Writes the left and right entropy of each word {@code words[i]} (its units) to
   * {@code left[i]} and {@code right[i]}.
   */
  public void of(int[][] words, double[] left, double[] right) {
    of(words, left, right, null, null);
  }

  /**
   * As {@link #of(int[][], double[], double[])}, and, if {@code afterNumber} is not null, the
   * share of each word's occurrences right after a unit that {@code endsNumber} accepts: of its
   * first {@code min(len, order − 1)} units, as counted by the one-unit extensions seen twice or
   * more (a lower bound).
   */
  public void of(int[][] words, double[] left, double[] right, double[] afterNumber,
      IntPredicate endsNumber) {
    GramIndex targets = new GramIndex(words.length * 2 + 16);
    // The n-gram count of each end string, by its number in targets (value: number + 1).
    LongArrayList counts = new LongArrayList();
    int[] leftTarget = new int[words.length];
    int[] rightTarget = new int[words.length];
    for (int i = 0; i < words.length; i++) {
      int n = words[i].length;
      int wl = Math.min(n, order - 1);
      leftTarget[i] = target(targets, counts, words[i], 0, wl);
      rightTarget[i] = target(targets, counts, words[i], n - wl, wl);
    }
    // Most grams' prefixes and suffixes are no target: the filter answers them from the cache.
    GramFilter isTarget = GramFilter.of(targets);
    long[][] leftSums = new long[threads][counts.size()];
    long[][] rightSums = new long[threads][counts.size()];
    boolean numbers = afterNumber != null;
    long[][] numbered = new long[threads][numbers ? counts.size() : 0];
    Chunks.run(threads, threads, part -> {
      long[] l = leftSums[part];
      long[] r = rightSums[part];
      long[] nb = numbered[part];
      all.forEach(part, threads, (hi, lo, c) -> {
        int n = Grams.length(hi, lo);
        if (n < 2 || c < 2) {
          return;
        }
        long t = c < TERMS.length ? TERMS[(int) c] : term(c);
        long ph = Grams.prefixHi(hi, n - 1);
        long pl = Grams.prefixLo(lo, n - 1);
        if (isTarget.mightContain(ph, pl)) {
          long p = targets.get(ph, pl);
          if (p > 0) {
            r[(int) p - 1] += t;
          }
        }
        long sh = Grams.tailHi(hi, lo);
        long sl = Grams.tailLo(lo);
        if (isTarget.mightContain(sh, sl)) {
          long s = targets.get(sh, sl);
          if (s > 0) {
            l[(int) s - 1] += t;
            if (numbers && endsNumber.test(Grams.unit(hi, lo, 0))) {
              nb[(int) s - 1] += c;
            }
          }
        }
      });
    });
    for (int part = 1; part < threads; part++) {
      for (int k = 0; k < counts.size(); k++) {
        leftSums[0][k] += leftSums[part][k];
        rightSums[0][k] += rightSums[part][k];
      }
      for (int k = 0; k < numbered[part].length; k++) {
        numbered[0][k] += numbered[part][k];
      }
    }
    for (int i = 0; i < words.length; i++) {
      left[i] = BoundaryEntropy.of(counts.getLong(leftTarget[i]),
          leftSums[0][leftTarget[i]] / TERM_SCALE);
      right[i] = BoundaryEntropy.of(counts.getLong(rightTarget[i]),
          rightSums[0][rightTarget[i]] / TERM_SCALE);
      if (numbers) {
        long c = counts.getLong(leftTarget[i]);
        afterNumber[i] = c > 0 ? numbered[0][leftTarget[i]] / (double) c : 0;
      }
    }
  }

  /** The number of the end string {@code u[from..from+n)} in {@code targets}, added if new. */
  private int target(GramIndex targets, LongArrayList counts, int[] u, int from, int n) {
    long hi = Grams.hi(u, from, n);
    long lo = Grams.lo(u, from, n);
    long t = targets.get(hi, lo);
    if (t > 0) {
      return (int) t - 1;
    }
    counts.add(index.get(hi, lo));
    targets.accept(hi, lo, counts.size());
    return counts.size() - 1;
  }
}
