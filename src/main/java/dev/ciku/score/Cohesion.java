package dev.ciku.score;

import dev.ciku.count.GramIndex;
import dev.ciku.count.Grams;

/**
 * Cohesion (凝固度) of a string: the minimum over its binary splits {@code w = a·b} of the
 * pointwise mutual information {@code ln(N·c(w) / (c(a)·c(b)))}, in nats, with one normaliser
 * {@code N} (the number of unit positions) for every length. A string is only as solid as its
 * weakest cut. Stateless and thread-safe; allocation-free.
 */
public final class Cohesion {
  private Cohesion() {}

  /**
   * Cohesion of {@code units[from..from+n)} given its count {@code c}, or
   * {@link Double#NEGATIVE_INFINITY} if a part is missing from the index (it was pruned, so the
   * string cannot be reliable), or {@link Double#NaN} for a single unit.
   *
   * @param lnN natural log of the number of unit positions
   */
  public static double minSplitPmi(int[] units, int from, int n, long c, GramIndex index,
      double lnN) {
    if (n < 2) {
      return Double.NaN;
    }
    double best = Double.POSITIVE_INFINITY;
    double lnC = Math.log(c);
    for (int k = 1; k < n; k++) {
      long a = index.get(Grams.hi(units, from, k), Grams.lo(units, from, k));
      long b = index.get(Grams.hi(units, from + k, n - k), Grams.lo(units, from + k, n - k));
      if (a == 0 || b == 0) {
        return Double.NEGATIVE_INFINITY;
      }
      double pmi = lnN + lnC - Math.log(a) - Math.log(b);
      if (pmi < best) {
        best = pmi;
      }
    }
    return best;
  }

  /**
   * Cohesion of the word {@code units} (all of it), given n-grams counted up to {@code order}
   * units: its {@link #minSplitPmi} when it has at most {@code order} units, else the lowest
   * {@link #minSplitPmi} of its windows of {@code order} units (a longer string has no n-gram
   * count of its own); NaN for a single unit. Cost: one look-up a window and two a split.
   *
   * @param lnN natural log of the number of unit positions
   */
  public static double ofWord(int[] units, GramIndex index, double lnN, int order) {
    int n = units.length;
    if (n < 2) {
      return Double.NaN;
    }
    if (n <= order) {
      return minSplitPmi(units, 0, n, index.get(units, 0, n), index, lnN);
    }
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i + order <= n; i++) {
      best = Math.min(best, minSplitPmi(units, i, order, index.get(units, i, order), index, lnN));
    }
    return best;
  }
}
