package dev.ciku.count;

import java.util.Arrays;

/**
 * An open-addressing hash table from packed grams ({@code hi, lo}) to long counts, with linear
 * probing and a fixed capacity chosen at construction (it never rehashes: {@link #isFull} tells
 * the caller when to drain it). Key, and count of a slot sit side by side in one array (24 bytes
 * a slot), so an update touches one cache line. Key {@code (0, 0)} marks a free slot and is never
 * a gram.
 *
 * <p>Used where grams arrive one by one and are looked up afterwards ({@link GramIndex}, store
 * merging); counting uses {@link CountingTable}. Not thread-safe.
 */
public final class GramTable {
  private final long[] slots;
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

  /** Empties the table. */
  public void clear() {
    Arrays.fill(slots, 0);
    size = 0;
  }

  /** Calls {@code visitor} for every entry, in table order. */
  public void forEach(GramSink visitor) {
    forEach(0, 1, visitor);
  }

  /**
   * Calls {@code visitor} for the entries of part {@code part} of {@code parts} equal slices of
   * the table, in table order: the parts in order visit what {@link #forEach(GramSink)} visits.
   * Distinct parts may be visited by different threads at once (reads only).
   */
  public void forEach(int part, int parts, GramSink visitor) {
    if (part < 0 || part >= parts) {
      throw new IndexOutOfBoundsException("part " + part + " of " + parts);
    }
    long capacity = slots.length / 3;
    forEachSlot(capacity * part / parts, capacity * (part + 1) / parts, visitor);
  }

  /** Calls {@code visitor} for the entries in slots {@code from} (inclusive) to {@code to}. */
  void forEachSlot(long from, long to, GramSink visitor) {
    long[] s = slots;
    for (int p = (int) from * 3; p < (int) to * 3; p += 3) {
      if (s[p] != 0 || s[p + 1] != 0) {
        visitor.accept(s[p], s[p + 1], s[p + 2]);
      }
    }
  }
}
