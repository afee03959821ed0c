package dev.ciku.discover;

import dev.ciku.count.GramIndex;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;

/**
 * The fragments of a cut pass, counted: fragments of 2..6 units packed as grams
 * ({@link #shortFragments}), longer ones up to the longest word keyed by their unit ids
 * ({@link #longFragments}), fragments longer than any word, which re-estimation segments but
 * which are no candidates ({@link #segmentOnly}), and runs of adjacent single-unit fragments
 * ({@link #singleRuns}); with the number of fragments of any length ({@link #count}).
 *
 * <p>A key of the string-keyed tables is the fragment's unit ids as two chars each
 * ({@link #appendKey}, {@link #units}). Memory: the index's 40-80 bytes a distinct short
 * fragment; a string of 4 bytes a unit and a map entry for a long one. Not thread-safe: each
 * cutter fills its own, and they are summed with {@link #addAll}.
 */
public final class CutFragments {
  private final GramIndex shortFragments = new GramIndex(1 << 16);
  private final Object2LongOpenHashMap<String> longFragments = new Object2LongOpenHashMap<>();
  private final Object2LongOpenHashMap<String> segmentOnly = new Object2LongOpenHashMap<>();
  private final GramIndex singleRuns = new GramIndex(1 << 16);
  private long count;

  /** Counts of the fragments of 2..6 units. */
  public GramIndex shortFragments() {
    return shortFragments;
  }

  /** Counts of the fragments of 7 units up to the longest word, by {@link #appendKey key}. */
  public Object2LongOpenHashMap<String> longFragments() {
    return longFragments;
  }

  /**
   * Counts of the stretches that are segmented in re-estimation but are never candidates, by
   * {@link #appendKey key}: fragments longer than the longest word, and runs of more than 6
   * single-unit fragments. The words inside them are counted that way.
   */
  public Object2LongOpenHashMap<String> segmentOnly() {
    return segmentOnly;
  }

  /**
   * Counts of runs of 2..6 adjacent single-unit fragments, which re-estimation segments like
   * fragments: words such as 国有, whose characters are too frequent to protect the gap between
   * them, are only seen there.
   */
  public GramIndex singleRuns() {
    return singleRuns;
  }

  /** Fragments of any length cut. */
  public long count() {
    return count;
  }

  /** Adds {@code n} to {@link #count}. */
  public void addCount(long n) {
    count += n;
  }

  /**
   * Adds every count of {@code other} to this one. The string-keyed maps are sized first:
   * filling a small open-addressing map in a larger map's table order piles entries into long
   * probe runs (0.3 s of a 3.3 s news run). Cost: O(size of {@code other}).
   */
  public void addAll(CutFragments other) {
    count += other.count;
    shortFragments.addAll(other.shortFragments);
    singleRuns.addAll(other.singleRuns);
    addAll(longFragments, other.longFragments);
    addAll(segmentOnly, other.segmentOnly);
  }

  private static void addAll(Object2LongOpenHashMap<String> to,
      Object2LongOpenHashMap<String> from) {
    to.ensureCapacity(to.size() + from.size());
    for (var e : from.object2LongEntrySet()) {
      to.addTo(e.getKey(), e.getLongValue());
    }
  }

  /** Appends the key of {@code u[from..to)}: its unit ids, two chars each. */
  public static void appendKey(StringBuilder sb, int[] u, int from, int to) {
    for (int i = from; i < to; i++) {
      sb.append((char) (u[i] >>> 16)).append((char) u[i]);
    }
  }

  /** The key of the units {@code u}. */
  public static String key(int[] u) {
    return key(u, 0, u.length);
  }

  /** The key of the units {@code u[from..to)}. */
  public static String key(int[] u, int from, int to) {
    StringBuilder sb = new StringBuilder(2 * (to - from));
    appendKey(sb, u, from, to);
    return sb.toString();
  }

  /** The units of {@code key}. */
  public static int[] units(String key) {
    int[] u = new int[key.length() / 2];
    units(key, u);
    return u;
  }

  /** Writes the units of {@code key} into {@code out} and returns their number. */
  public static int units(String key, int[] out) {
    int n = key.length() / 2;
    for (int i = 0; i < n; i++) {
      out[i] = (key.charAt(2 * i) << 16) | key.charAt(2 * i + 1);
    }
    return n;
  }
}
