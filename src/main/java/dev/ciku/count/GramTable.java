package dev.ciku.count;

import java.util.Arrays;

/**
 * An open-addressing hash table from packed grams ({@code hi, lo}) to long counts, with linear
 * probing and a fixed capacity chosen at construction (it never rehashes: {@link #isFull} tells
 * the caller when to drain it). Memory: 24 bytes per slot. Key {@code (0, 0)} marks a free slot
 * and is never a gram.
 *
 * <p>Not thread-safe: each counting thread owns one.
 */
public final class GramTable {
  private final long[] his;
  private final long[] los;
  private final long[] counts;
  private final int mask;
  private final int limit;
  private int size;

  /**
   * @param capacity slots, rounded up to a power of two
   * @param maxLoad fill ratio at which {@link #isFull} becomes true, in (0, 1)
   */
  public GramTable(int capacity, double maxLoad) {
    if (maxLoad <= 0 || maxLoad >= 1) {
      throw new IllegalArgumentException("maxLoad must be in (0, 1), got " + maxLoad);
    }
    int cap = Integer.highestOneBit(Math.max(16, capacity - 1)) << 1;
    if (cap <= 0) {
      throw new IllegalArgumentException("capacity too large: " + capacity);
    }
    his = new long[cap];
    los = new long[cap];
    counts = new long[cap];
    mask = cap - 1;
    limit = (int) (cap * maxLoad);
  }

  /** Adds {@code delta} to the count of the gram. */
  public void add(long hi, long lo, long delta) {
    int i = (int) Grams.hash(hi, lo) & mask;
    while (true) {
      long h = his[i];
      if (h == hi && los[i] == lo) {
        counts[i] += delta;
        return;
      }
      if (h == 0 && los[i] == 0) {
        his[i] = hi;
        los[i] = lo;
        counts[i] = delta;
        size++;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** The count of the gram, or 0. */
  public long get(long hi, long lo) {
    int i = (int) Grams.hash(hi, lo) & mask;
    while (true) {
      long h = his[i];
      if (h == hi && los[i] == lo) {
        return counts[i];
      }
      if (h == 0 && los[i] == 0) {
        return 0;
      }
      i = (i + 1) & mask;
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

  /**
   * Moves every entry into {@code run} (sorted by gram) and empties the table.
   */
  public SortedRun drainSorted() {
    long[] h = new long[size];
    long[] l = new long[size];
    long[] c = new long[size];
    int k = 0;
    for (int i = 0; i <= mask; i++) {
      if (his[i] != 0 || los[i] != 0) {
        h[k] = his[i];
        l[k] = los[i];
        c[k] = counts[i];
        k++;
      }
    }
    clear();
    GramSort.sort(h, l, c, 0, k);
    return SortedRun.inMemory(h, l, c, k);
  }

  /** Empties the table. */
  public void clear() {
    Arrays.fill(his, 0);
    Arrays.fill(los, 0);
    size = 0;
  }

  /** Calls {@code visitor} for every entry, in table order. */
  public void forEach(GramSink visitor) {
    for (int i = 0; i <= mask; i++) {
      if (his[i] != 0 || los[i] != 0) {
        visitor.accept(his[i], los[i], counts[i]);
      }
    }
  }
}
