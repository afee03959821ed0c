package dev.ciku.count;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

/**
 * A set of grams of at most 3 units, for membership tests in hot loops (the cut pass asks one or
 * two a unit of the corpus). Such a gram is its packed {@code hi} long alone ({@code lo} is 0),
 * a long in a hash set instead of a {@link GramIndex}'s 24-byte slots, with a {@link GramFilter}
 * in front that answers most absent grams from the cache.
 *
 * <p>Cost: 16 to 32 bytes a gram for the set (at load 0.5), 1 to 2 for the filter. Immutable once
 * built; safe for concurrent {@link #contains} calls.
 */
public final class ShortGramSet {
  private final LongOpenHashSet set;
  private final GramFilter filter;

  private ShortGramSet(LongOpenHashSet set, GramFilter filter) {
    this.set = set;
    this.filter = filter;
  }

  /**
   * The grams of {@code grams} (counts ignored).
   *
   * @throws IllegalArgumentException if a gram has more than 3 units
   */
  public static ShortGramSet of(GramIndex grams) {
    LongOpenHashSet set = new LongOpenHashSet(grams.size(), 0.5f);
    GramFilter filter = GramFilter.sized(grams.size());
    grams.forEach((hi, lo, c) -> {
      if (lo != 0) {
        throw new IllegalArgumentException("a gram of " + Grams.length(hi, lo)
            + " units in a set of grams of at most 3 units");
      }
      set.add(hi);
      filter.add(hi, 0);
    });
    return new ShortGramSet(set, filter);
  }

  /** Whether the gram whose packed {@code hi} is given (its {@code lo} being 0) is in the set. */
  public boolean contains(long hi) {
    return filter.mightContain(hi, 0) && set.contains(hi);
  }

  /** Number of grams. */
  public int size() {
    return set.size();
  }
}
