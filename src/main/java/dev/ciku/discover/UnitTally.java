package dev.ciku.discover;

import dev.ciku.corpus.ParallelClauses;
import dev.ciku.corpus.UnitTable;
import dev.ciku.count.GramIndex;
import dev.ciku.count.Grams;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A worker that hands each clause on to another and counts its units, so that a corpus read
 * with a store's counts ({@code discover --counts STORE INPUT}) can be checked against the
 * store's single-unit counts: the same corpus gives every unit the same count, whatever its
 * files are called or how it is split; an edited one (应当 replaced by 应该 throughout, the same
 * number of units) does not.
 *
 * <p>Cost: one array increment a unit; memory 8 bytes a unit id up to the largest seen (2 MB
 * for Han text, more with many Latin units). Not thread-safe: one per worker thread.
 */
final class UnitTally implements ParallelClauses.Worker {
  private final ParallelClauses.Worker inner;
  private long[] counts = new long[0];

  UnitTally(ParallelClauses.Worker inner) {
    this.inner = inner;
  }

  @Override
  public void start() throws IOException {
    counts = new long[UnitTable.LATIN_BASE];
    inner.start();
  }

  @Override
  public void clause(int[] units, int from, int end, int ownedEnd, boolean clauseEnd)
      throws IOException {
    // Positions from..ownedEnd are this chunk's own (the rest start the next chunk again).
    int to = clauseEnd ? end : ownedEnd;
    for (int i = from; i < to; i++) {
      int u = units[i];
      if (u >= counts.length) {
        counts = Arrays.copyOf(counts, Math.max(u + 1, counts.length + (counts.length >> 1)));
      }
      counts[u]++;
    }
    inner.clause(units, from, end, ownedEnd, clauseEnd);
  }

  @Override
  public void finish() throws IOException {
    inner.finish();
  }

  /**
   * The first unit, by id, whose count in {@code tallies} (summed) differs from its count in
   * {@code index}, described as "当 seen 2,600 times there, 1,288 here"; null if none does. A
   * unit seen fewer than {@code storeMinCount} times here must be absent there (the store kept
   * the units seen that often only).
   */
  static String mismatch(List<UnitTally> tallies, GramIndex index, long storeMinCount,
      UnitTable units) {
    int size = tallies.stream().mapToInt(t -> t.counts.length).max().orElse(0);
    long[] here = new long[size];
    for (UnitTally t : tallies) {
      for (int u = 0; u < t.counts.length; u++) {
        here[u] += t.counts[u];
      }
    }
    return mismatch(here, index, storeMinCount, units);
  }

  /**
   * As {@link #mismatch(List, GramIndex, long, UnitTable)} for the summed counts {@code here}
   * (index: unit id; ids past the end: 0), e.g. those of a {@link CutPass} run elsewhere.
   */
  static String mismatch(long[] here, GramIndex index, long storeMinCount, UnitTable units) {
    int size = here.length;
    int[] one = new int[1];
    long[] first = {Long.MAX_VALUE, 0};
    // A unit of the store that this corpus lacks, or has another number of times.
    index.forEachUnit((hi, lo, c) -> {
      int u = Grams.unit(hi, lo, 0);
      if ((u >= size ? 0 : here[u]) != c && u < first[0]) {
        first[0] = u;
        first[1] = c;
      }
    });
    // A unit seen here often enough to be kept there, which the store lacks.
    for (int u = 0; u < size && u < first[0]; u++) {
      if (here[u] >= storeMinCount) {
        one[0] = u;
        long there = index.get(Grams.hi(one, 0, 1), Grams.lo(one, 0, 1));
        if (there != here[u]) {
          first[0] = u;
          first[1] = there;
        }
      }
    }
    if (first[0] == Long.MAX_VALUE) {
      return null;
    }
    int u = (int) first[0];
    return units.text(u) + " seen " + String.format(Locale.ROOT, "%,d", first[1])
        + " times there, " + String.format(Locale.ROOT, "%,d", u >= size ? 0 : here[u]) + " here";
  }
}
