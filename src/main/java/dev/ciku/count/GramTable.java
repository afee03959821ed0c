package dev.ciku.count;

import java.util.Arrays;

/**
 * An open-addressing hash table from packed grams ({@code hi, lo}) to long counts, with linear
 * probing and a fixed capacity chosen at construction (it never rehashes: {@link #isFull} tells
 * the caller when to drain it). Key, and count of a slot sit side by side in one array (24 bytes
 * a slot), so an update touches one cache line. Key {@code (0, 0)} marks a free slot and is never
 * a gram.
 *
 * <p>Not thread-safe: each counting thread owns one.
 */
public final class GramTable {
  private final long[] slots;
  private final int mask;
  private final int limit;
  private int size;
  /** Scratch of {@link #drainWithPrefixes}, kept between drains. */
  private long[] sorted;
  private int[] histogram;

  /**
   * @param capacity slots, rounded up to a power of two
   * @param maxLoad fill ratio at which {@link #isFull} becomes true, in (0, 1)
   */
  public GramTable(int capacity, double maxLoad) {
    if (maxLoad <= 0 || maxLoad >= 1) {
      throw new IllegalArgumentException("maxLoad must be in (0, 1), got " + maxLoad);
    }
    int cap = Integer.highestOneBit(Math.max(16, capacity - 1)) << 1;
    if (cap <= 0 || cap > (1 << 29)) {
      throw new IllegalArgumentException("capacity too large: " + capacity);
    }
    slots = new long[cap * 3];
    mask = cap - 1;
    limit = (int) (cap * maxLoad);
  }

  /** Adds {@code delta} to the count of the gram. */
  public void add(long hi, long lo, long delta) {
    long[] s = slots;
    int i = (int) Grams.hash(hi, lo) & mask;
    while (true) {
      int p = i * 3;
      long h = s[p];
      long l = s[p + 1];
      if (h == hi && l == lo) {
        s[p + 2] += delta;
        return;
      }
      if (h == 0 && l == 0) {
        s[p] = hi;
        s[p + 1] = lo;
        s[p + 2] = delta;
        size++;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** The count of the gram, or 0. */
  public long get(long hi, long lo) {
    long[] s = slots;
    int i = (int) Grams.hash(hi, lo) & mask;
    while (true) {
      int p = i * 3;
      long h = s[p];
      long l = s[p + 1];
      if (h == hi && l == lo) {
        return s[p + 2];
      }
      if (h == 0 && l == 0) {
        return 0;
      }
      i = (i + 1) & mask;
    }
  }

  /** What to do when {@link #addClause} fills the table (typically: drain it into a run). */
  @FunctionalInterface
  public interface OnFull {
    void full(GramTable table) throws java.io.IOException;
  }

  /**
   * The counting kernel: for every position in {@code [from, owned)}, adds one to the longest
   * gram starting there that has at most {@code order} units and ends by {@code end}; calls
   * {@code onFull} whenever the table fills. Shorter grams are not counted here: every n-gram
   * occurrence is the prefix of exactly one longest gram, so {@link #drainWithPrefixes} recovers
   * their exact counts by summing over prefixes. Adds the number of positions of each length to
   * {@code positions[n]}.
   *
   * <p>Cost: one hash update a position (instead of {@code order}), which is what makes counting
   * all orders about as fast as counting the top order alone.
   */
  public void addClause(int[] u, int from, int end, int owned, int order, long[] positions,
      OnFull onFull) throws java.io.IOException {
    for (int n = 1; n <= order; n++) {
      positions[n] += Math.max(0, Math.min(owned, end - n + 1) - from);
    }
    for (int i = from; i < owned; i++) {
      int max = Math.min(order, end - i);
      long hi = 0;
      long lo = 0;
      for (int n = 0; n < max; n++) {
        if (n < 3) {
          hi |= (long) u[i + n] << (Grams.BITS * (2 - n));
        } else {
          lo |= (long) u[i + n] << (Grams.BITS * (5 - n));
        }
      }
      if (max > 0) {
        add(hi, lo, 1);
        if (size >= limit) {
          onFull.full(this);
        }
      }
    }
  }

  /** Number of grams held. */
  public int size() {
    return size;
  }

  /** True once the fill ratio passed the limit given at construction. */
  public boolean isFull() {
    return size >= limit;
  }

  /** Slots in the table. */
  public int capacity() {
    return mask + 1;
  }

  /** Moves every entry into a new run, sorted by gram, and empties the table. */
  public SortedRun drainSorted() {
    long[] out = new long[size * 3];
    int k = 0;
    long[] s = slots;
    for (int p = 0; p < s.length; p += 3) {
      if (s[p] != 0 || s[p + 1] != 0) {
        out[k] = s[p];
        out[k + 1] = s[p + 1];
        out[k + 2] = s[p + 2];
        k += 3;
      }
    }
    int n = size;
    clear();
    GramSort.sort(out, 0, n);
    return SortedRun.inMemory(out, n);
  }

  /**
   * Moves every entry into a new run, sorted by gram, together with every proper prefix of every
   * entry, each carrying the sum of the counts of the entries it is a prefix of (its own count
   * included), and empties the table. Fed by {@link #addClause}, this turns counts of longest
   * grams into exact counts of every gram of every order.
   *
   * <p>Cost: a bucket sort of the entries into a scratch array kept for the next drain (24 bytes
   * an entry, allocated on the first drain), then one sequential pass; the run holds each
   * distinct prefix once.
   */
  public SortedRun drainWithPrefixes() {
    return drainWithPrefixes(long[]::new);
  }

  /**
   * As {@link #drainWithPrefixes()}, taking the run's array from {@code arrays}, which is given
   * the number of longs needed and may return a longer array (a recycled one).
   */
  public SortedRun drainWithPrefixes(java.util.function.IntFunction<long[]> arrays) {
    if (sorted == null || sorted.length < 3 * size) {
      sorted = new long[3 * Math.max(size, limit)];
      histogram = new int[GramSort.BUCKETS + 1];
    }
    long[] s = sorted;
    int m = GramSort.bucketSort(slots, s, histogram);
    long total = 0;
    long prevHi = 0;
    long prevLo = 0;
    for (int i = 0; i < m; i++) {
      long hi = s[3 * i];
      long lo = s[3 * i + 1];
      total += Grams.length(hi, lo) - Grams.commonPrefix(prevHi, prevLo, hi, lo);
      prevHi = hi;
      prevLo = lo;
    }
    if (3 * total > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("run too large: " + total + " grams");
    }
    long[] out = arrays.apply((int) (3 * total));
    int[] open = new int[Grams.MAX_ORDER + 1];
    int next = 0;
    prevHi = 0;
    prevLo = 0;
    for (int i = 0; i < m; i++) {
      long hi = s[3 * i];
      long lo = s[3 * i + 1];
      long c = s[3 * i + 2];
      int len = Grams.length(hi, lo);
      for (int k = Grams.commonPrefix(prevHi, prevLo, hi, lo) + 1; k <= len; k++) {
        int q = 3 * next;
        out[q] = Grams.prefixHi(hi, k);
        out[q + 1] = Grams.prefixLo(lo, k);
        out[q + 2] = 0;
        open[k] = q + 2;
        next++;
      }
      for (int k = 1; k <= len; k++) {
        out[open[k]] += c;
      }
      prevHi = hi;
      prevLo = lo;
    }
    clear();
    return SortedRun.inMemory(out, next);
  }

  /** Empties the table. */
  public void clear() {
    Arrays.fill(slots, 0);
    size = 0;
  }

  /** Calls {@code visitor} for every entry, in table order. */
  public void forEach(GramSink visitor) {
    long[] s = slots;
    for (int p = 0; p < s.length; p += 3) {
      if (s[p] != 0 || s[p + 1] != 0) {
        visitor.accept(s[p], s[p + 1], s[p + 2]);
      }
    }
  }
}
