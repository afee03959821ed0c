package dev.ciku.discover;

import dev.ciku.corpus.UnitTable;
import dev.ciku.count.GramIndex;
import dev.ciku.score.Cohesion;

/**
 * The backtracking test of the cut-and-backtrack method (articles 4256/6920): a fragment that the
 * cut pass isolated is a candidate only if every window of G's length inside it is in G, the set
 * of cohesive grams (a fragment isolated often enough may instead have windows cohesive enough
 * on their own: {@link #relaxedBar}), and if it holds at most one Latin/digit unit (two make an
 * expression, not a word: 2018年5月24日, 3.5G版本; one is fine: 2000年, iPhone7手机).
 *
 * <p>Stateless; thread-safe (G and the index are only read).
 */
final class Backtrack {
  private Backtrack() {}

  /**
   * The cohesion a window of a fragment isolated {@code c} times must reach when it is not in G:
   * {@code --min-pmi} if the fragment was isolated {@link DiscoverOptions#isolated} times the min
   * count or more, else NaN (the window must be in G).
   */
  static double relaxedBar(DiscoverOptions options, long c, long minCount) {
    int k = options.isolated();
    return k > 0 && c >= k * minCount ? options.pmiBase() : Double.NaN;
  }

  /**
   * Whether the fragment {@code u[0..n)} survives backtracking: at most one Latin/digit unit, and
   * 2 units or no {@link #failingWindow}. Cost: that of {@link #failingWindow}.
   */
  static boolean passes(int[] u, int n, GramIndex g, int gMax, double relaxedBar, GramIndex index,
      double lnN) {
    int latin = 0;
    for (int i = 0; i < n; i++) {
      if (UnitTable.isLatinId(u[i])) {
        latin++;
      }
    }
    if (latin > 1) {
      return false;
    }
    return n <= 2 || failingWindow(u, n, g, gMax, relaxedBar, index, lnN) < 0;
  }

  /**
   * Backtracking of a fragment {@code u[0..n)} of 3+ units: the start of its first window (its
   * {@code min(n, gMax)}-unit substrings) that is not in G and, if {@code relaxedBar} is a number,
   * whose cohesion is also below it; -1 if every window passes. Cost: one look-up in G a window,
   * a cohesion for a window not in G when relaxed.
   */
  static int failingWindow(int[] u, int n, GramIndex g, int gMax, double relaxedBar,
      GramIndex index, double lnN) {
    int w = Math.min(n, gMax);
    for (int i = 0; i + w <= n; i++) {
      if (g.get(u, i, w) != 0) {
        continue;
      }
      if (Double.isNaN(relaxedBar)) {
        return i;
      }
      long c = index.get(u, i, w);
      if (!(c > 0 && Cohesion.minSplitPmi(u, i, w, c, index, lnN) >= relaxedBar)) {
        return i;
      }
    }
    return -1;
  }
}
