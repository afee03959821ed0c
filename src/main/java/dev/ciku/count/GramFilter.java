package dev.ciku.count;

/**
 * A one-hash bit filter over a set of grams, to put in front of a hash table that hot loops
 * mostly ask for grams it lacks: 8 to 16 bits a gram, so that for a few hundred thousand grams
 * it stays in a core's L2 cache while the table does not, and about nine in ten absent grams are
 * answered without reading the table. {@link #mightContain} is never false for a gram of the
 * set.
 *
 * <p>Cost: 1 to 2 bytes a gram. Immutable once built; safe for concurrent reads.
 */
public final class GramFilter {
  private static final long M1 = 0x9E3779B97F4A7C15L;
  private static final long M2 = 0xC2B2AE3D27D4EB4FL;

  private final long[] bits;
  private final int shift;

  private GramFilter(int grams) {
    // 2^k >= 8 bits a gram: about one absent gram in nine passes.
    int k = Math.max(10, 64 - Long.numberOfLeadingZeros(Math.max(1L, grams * 8L - 1)));
    bits = new long[1 << (k - 6)];
    shift = 64 - k;
  }

  /** A filter of the grams of {@code grams} (counts ignored). */
  public static GramFilter of(GramIndex grams) {
    GramFilter f = new GramFilter(grams.size());
    grams.forEach((hi, lo, c) -> f.add(hi, lo));
    return f;
  }

  /** An empty filter sized for {@code grams} grams, filled by {@link #add} before reading. */
  static GramFilter sized(int grams) {
    return new GramFilter(grams);
  }

  void add(long hi, long lo) {
    long h = (hi * M1 + lo * M2) >>> shift;
    bits[(int) (h >>> 6)] |= 1L << h;
  }

  /** False if the gram is surely not in the set; true if it is, and for a few that are not. */
  public boolean mightContain(long hi, long lo) {
    long h = (hi * M1 + lo * M2) >>> shift;
    return (bits[(int) (h >>> 6)] & (1L << h)) != 0;
  }
}
