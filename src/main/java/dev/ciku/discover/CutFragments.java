package dev.ciku.discover;

import dev.ciku.count.GramIndex;
import dev.ciku.count.SequenceTable;

/**
 * The fragments of a cut pass, counted: fragments of 2..6 units packed as grams
 * ({@link #shortFragments}), longer ones up to the longest word keyed by their unit ids
 * ({@link #longFragments}), fragments longer than any word, which re-estimation segments but
 * which are no candidates ({@link #segmentOnly}), and runs of adjacent single-unit fragments
 * ({@link #singleRuns}); with the number of fragments of any length ({@link #count}).
 *
 * <p>Nothing is allocated per fragment. Memory: the index's 40-80 bytes a distinct short fragment,
 * a {@link SequenceTable}'s 4 bytes a unit and 24 bytes an entry for a long one. Not thread-safe:
 * each cutter fills its own, and they are summed with {@link #addAll}. {@link #key} and
 * {@link #units} turn units into a string key and back, for tables of distinct words.
 */
public final class CutFragments {
  private final GramIndex shortFragments = new GramIndex(1 << 16);
  private final SequenceTable longFragments = new SequenceTable();
  private final SequenceTable segmentOnly = new SequenceTable();
  private final GramIndex singleRuns = new GramIndex(1 << 16);
  private long count;

  /** Counts of the fragments of 2..6 units. */
  public GramIndex shortFragments() {
    return shortFragments;
  }

  /** Counts of the fragments of 7 units up to the longest word. */
  public SequenceTable longFragments() {
    return longFragments;
  }

  /**
   * Counts of the stretches that are segmented in re-estimation but are never candidates:
   * fragments longer than the longest word, and runs of more than 6 single-unit fragments. The
   * words inside them are counted that way.
   */
  public SequenceTable segmentOnly() {
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
   * Adds every count of {@code other} to this one. Tables are sized first: filling a small
   * open-addressing table in a larger one's table order piles entries into long probe runs
   * (0.3 s of a 3.3 s news run). Cost: O(size of {@code other}).
   */
  public void addAll(CutFragments other) {
    count += other.count;
    shortFragments.addAll(other.shortFragments);
    singleRuns.addAll(other.singleRuns);
    longFragments.addAll(other.longFragments);
    segmentOnly.addAll(other.segmentOnly);
  }

  /** Appends the key of {@code u[from..to)}: its unit ids, two chars each. */
  private static void appendKey(StringBuilder sb, int[] u, int from, int to) {
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
