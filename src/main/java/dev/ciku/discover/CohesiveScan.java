package dev.ciku.discover;

import dev.ciku.corpus.Chunks;
import dev.ciku.corpus.UnitTable;
import dev.ciku.count.GramIndex;
import dev.ciku.count.Grams;
import dev.ciku.score.Cohesion;
import it.unimi.dsi.fastutil.longs.LongArrayList;

/**
 * What one pass over the counted grams finds before the cut: the cohesive set G (grams of
 * 2..{@code gMax} units seen the min count whose {@link Cohesion#minSplitPmi minimum-split PMI}
 * reaches the threshold of their length), the pairs that {@code --pair-pmi} may admit without
 * protecting a gap, and the word-like Latin units seen the min count.
 *
 * <p>Cost: one pass over the index in {@value #SLICES} slices on the given threads, the slices'
 * results joined in slice order, so the result is the one a single thread gives. Memory: G
 * (40-80 bytes a gram), 24 bytes an admissible pair, 16 bytes a Latin unit. Immutable once made;
 * G and the lists may be read by many threads.
 */
final class CohesiveScan {
  /** Slices of the index tested at once (any thread count gives the same result). */
  private static final int SLICES = 16;

  private final GramIndex cohesive;
  /** {@code hi, lo, count} triples in index order. */
  private final LongArrayList pairs;
  /** {@code id, count} pairs in index order. */
  private final LongArrayList latin;

  private CohesiveScan(GramIndex cohesive, LongArrayList pairs, LongArrayList latin) {
    this.cohesive = cohesive;
    this.pairs = pairs;
    this.latin = latin;
  }

  /**
   * Scans {@code index} (read only; the unit table is read on the calling thread only).
   *
   * @param gMax the longest gram of G, in units (the counting order minus one)
   * @param lnN the natural log of the unit positions counted
   */
  static CohesiveScan of(GramIndex index, UnitTable units, int gMax, long minCount, double lnN,
      DiscoverOptions options, int threads) {
    LongArrayList[] found = new LongArrayList[SLICES];
    LongArrayList[] pairs = new LongArrayList[SLICES];
    LongArrayList[] latin = new LongArrayList[SLICES];
    double pairPmi = options.pairPmi() < options.pmiThreshold(2) ? options.pairPmi()
        : Double.POSITIVE_INFINITY;
    Chunks.run(SLICES, threads, slice -> {
      LongArrayList cohesive = new LongArrayList();
      LongArrayList admissible = new LongArrayList();
      LongArrayList latinUnits = new LongArrayList();
      int[] gram = new int[Grams.MAX_ORDER];
      index.forEach(slice, SLICES, (hi, lo, c) -> {
        int n = Grams.length(hi, lo);
        if (n > gMax || c < minCount) {
          return;
        }
        if (n == 1) {
          int id = Grams.unit(hi, lo, 0);
          if (UnitTable.isLatinId(id)) {
            latinUnits.add(id);
            latinUnits.add(c);
          }
          return;
        }
        Grams.units(hi, lo, gram);
        double pmi = Cohesion.minSplitPmi(gram, 0, n, c, index, lnN);
        if (pmi >= options.pmiThreshold(n)) {
          cohesive.add(hi);
          cohesive.add(lo);
        }
        if (n == 2 && pmi >= pairPmi) {
          admissible.add(hi);
          admissible.add(lo);
          admissible.add(c);
        }
      });
      found[slice] = cohesive;
      pairs[slice] = admissible;
      latin[slice] = latinUnits;
    });
    GramIndex g = new GramIndex(1 << 16);
    for (LongArrayList part : found) {
      for (int i = 0; i < part.size(); i += 2) {
        g.accept(part.getLong(i), part.getLong(i + 1), 1);
      }
    }
    LongArrayList wordLike = new LongArrayList();
    for (LongArrayList part : latin) {
      for (int i = 0; i < part.size(); i += 2) {
        if (isWordLikeLatin(units.text((int) part.getLong(i)))) {
          wordLike.add(part.getLong(i));
          wordLike.add(part.getLong(i + 1));
        }
      }
    }
    LongArrayList allPairs = new LongArrayList();
    for (LongArrayList part : pairs) {
      allPairs.addAll(part);
    }
    return new CohesiveScan(g, allPairs, wordLike);
  }

  /** G, the cohesive grams (each with count 1). */
  GramIndex cohesive() {
    return cohesive;
  }

  /** The word-like Latin units seen the min count, as {@code id, count} pairs in index order. */
  LongArrayList wordLikeLatin() {
    return latin;
  }

  /**
   * Pairs too weakly bound to protect a gap can still be words (人们, 民主: both characters are
   * very frequent): the admissible pairs that the cut never isolated are added to
   * {@code shortFragments} with their n-gram count, and returned, to face a stricter entropy
   * test. Cost: one look-up a pair.
   */
  GramIndex admitPairs(GramIndex shortFragments) {
    GramIndex added = new GramIndex(1 << 10);
    for (int i = 0; i < pairs.size(); i += 3) {
      long hi = pairs.getLong(i);
      long lo = pairs.getLong(i + 1);
      if (shortFragments.get(hi, lo) == 0) {
        shortFragments.accept(hi, lo, pairs.getLong(i + 2));
        added.accept(hi, lo, 1);
      }
    }
    return added;
  }

  /** A Latin unit counts as a word candidate if it has a letter and two or more characters. */
  static boolean isWordLikeLatin(String s) {
    if (s.length() < 2) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
