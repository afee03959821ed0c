package dev.ciku.discover;

import dev.ciku.corpus.Chunks;
import dev.ciku.count.GramIndex;
import dev.ciku.count.Grams;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The word candidates of a cut pass: the fragments seen the min count that survive backtracking
 * ({@link Backtrack}), then the word-like Latin units. Stateless; thread-safe.
 */
final class Candidates {
  /** Slices of the short fragments tested at once (any thread count gives the same list). */
  private static final int SLICES = 16;

  private Candidates() {}

  /**
   * The candidates, unmeasured ({@link WordTable#unmeasured}), in a fixed order: the short
   * fragments in their table's order, the long ones in theirs, then the Latin units. Cost: a
   * backtracking test a fragment seen the min count, the short ones in slices on
   * {@code threads} threads; the units of each candidate are copied.
   *
   * @param g the cohesive set, of grams of up to {@code gMax} units
   * @param latin word-like Latin units as {@code id, count} pairs ({@link CohesiveScan})
   * @param index the counted grams that the backtracking bars look up
   * @param lnN the natural log of the unit positions counted
   */
  static WordTable of(CutFragments f, GramIndex g, int gMax, long minCount, LongArrayList latin,
      GramIndex index, double lnN, DiscoverOptions options, int threads) {
    @SuppressWarnings("unchecked")
    List<int[]>[] shortOnes = new List[SLICES];
    LongArrayList[] shortCounts = new LongArrayList[SLICES];
    Chunks.run(SLICES, threads, slice -> {
      List<int[]> found = new ArrayList<>();
      LongArrayList counts = new LongArrayList();
      int[] u = new int[Grams.MAX_ORDER];
      f.shortFragments().forEach(slice, SLICES, (hi, lo, c) -> {
        if (c < minCount) {
          return;
        }
        int n = Grams.units(hi, lo, u);
        if (Backtrack.passes(u, n, g, gMax, Backtrack.relaxedBar(options, c, minCount), index,
            lnN)) {
          found.add(Arrays.copyOf(u, n));
          counts.add(c);
        }
      });
      shortOnes[slice] = found;
      shortCounts[slice] = counts;
    });
    List<int[]> words = new ArrayList<>();
    LongArrayList counts = new LongArrayList();
    for (int s = 0; s < SLICES; s++) {
      words.addAll(shortOnes[s]);
      counts.addAll(shortCounts[s]);
    }
    f.longFragments().forEach((units, from, n, c) -> {
      if (c < minCount) {
        return;
      }
      int[] w = Arrays.copyOfRange(units, from, from + n);
      if (Backtrack.passes(w, n, g, gMax, Backtrack.relaxedBar(options, c, minCount), index,
          lnN)) {
        words.add(w);
        counts.add(c);
      }
    });
    for (int i = 0; i < latin.size(); i += 2) {
      words.add(new int[] {(int) latin.getLong(i)});
      counts.add(latin.getLong(i + 1));
    }
    return WordTable.unmeasured(words.toArray(new int[0][]), counts.toLongArray());
  }
}
