package dev.ciku.count;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The table of the counting kernel: exact counts of the longest gram at each position of a
 * worker's clauses ({@link #addClause}), turned into a sorted run of every gram of every order
 * when full ({@link #drainWithPrefixes}).
 *
 * <p>A gram's hash picks one of many regions of the table (192 KB each at most, a fraction of
 * a core's L2 cache) and its slot inside that region (open addressing, linear probing within the
 * region, 24 bytes a slot). Grams are not added one by one: each region has a small buffer of
 * pending grams, and a full buffer is added in one go, after a sequential read of its region has
 * brought the region into the cache. So the random accesses of hashing hit the cache instead of
 * main memory, which is what bounds a plain hash table's counting speed once the table is larger
 * than the cache. Key {@code (0, 0)} marks a free slot and is never a gram.
 *
 * <p>Not thread-safe: each counting thread owns one.
 */
public final class CountingTable {
  /** Slots of the largest region: 8192 × 24 bytes = 192 KB. */
  private static final int MAX_REGION_BITS = 13;

  private final long[] slots;
  private final int regionBits;
  private final int regionMask;
  private final int partBits;
  private final int regionLimit;
  private final int bufferSize;
  private final long[] pending;
  private final int[] pendingFill;
  private final int[] regionSize;
  private int stored;
  private int buffered;
  /** Sink for the loads that bring a region into the cache, so that the compiler keeps them. */
  private long touched;
  /** Scratch of {@link #drainWithPrefixes}, kept between drains. */
  private long[] sorted;
  private int[] histogram;

  /**
   * @param capacity slots, rounded up to a power of two (at least 1024)
   * @param maxLoad fill ratio of a region at which the table is full, in (0, 0.85]
   */
  public CountingTable(int capacity, double maxLoad) {
    if (maxLoad <= 0 || maxLoad > 0.85) {
      throw new IllegalArgumentException("maxLoad must be in (0, 0.85], got " + maxLoad);
    }
    int cap = Integer.highestOneBit(Math.max(1 << 10, capacity - 1)) << 1;
    if (cap <= 0 || cap > (1 << 29)) {
      throw new IllegalArgumentException("capacity too large: " + capacity);
    }
    int capBits = Integer.numberOfTrailingZeros(cap);
    regionBits = Math.min(MAX_REGION_BITS, capBits);
    partBits = capBits - regionBits;
    regionMask = (1 << regionBits) - 1;
    regionLimit = (int) ((1 << regionBits) * maxLoad);
    // A region at its limit still takes a whole buffer and keeps free slots: limit + buffer
    // stays below 85% + 1/8 of the region.
    bufferSize = Math.max(1, (1 << regionBits) / 8);
    slots = new long[3 * cap];
    pending = new long[2 * bufferSize << partBits];
    pendingFill = new int[1 << partBits];
    regionSize = new int[1 << partBits];
  }

  /** What to do when {@link #addClause} fills the table (typically: drain it into a run). */
  @FunctionalInterface
  public interface OnFull {
    void full(CountingTable table) throws IOException;
  }

  /**
   * The counting kernel: for every position in {@code [from, owned)}, adds one to the longest
   * gram starting there that has at most {@code order} units and ends by {@code end}; calls
   * {@code onFull} whenever a region fills. Shorter grams are not counted here: every n-gram
   * occurrence is the prefix of exactly one longest gram, so {@link #drainWithPrefixes} recovers
   * their exact counts by summing over prefixes. Adds the number of positions of each length to
   * {@code positions[n]}.
   *
   * <p>Cost: one buffered, cache-resident hash update a position (instead of {@code order}
   * updates that each miss the cache).
   */
  public void addClause(int[] u, int from, int end, int owned, int order, long[] positions,
      OnFull onFull) throws IOException {
    for (int n = 1; n <= order; n++) {
      positions[n] += Math.max(0, Math.min(owned, end - n + 1) - from);
    }
    int shift = 64 - partBits;
    for (int i = from; i < owned; i++) {
      int max = Math.min(order, end - i);
      if (max <= 0) {
        break;
      }
      long hi = 0;
      long lo = 0;
      for (int n = 0; n < max; n++) {
        if (n < 3) {
          hi |= (long) u[i + n] << (Grams.BITS * (2 - n));
        } else {
          lo |= (long) u[i + n] << (Grams.BITS * (5 - n));
        }
      }
      int part = partBits == 0 ? 0 : (int) (Grams.hash(hi, lo) >>> shift);
      int f = pendingFill[part]++;
      int b = 2 * (part * bufferSize + f);
      pending[b] = hi;
      pending[b + 1] = lo;
      buffered++;
      if (f + 1 == bufferSize) {
        flush(part, true);
        if (regionSize[part] >= regionLimit) {
          onFull.full(this);
        }
      }
    }
  }

  /** Adds the pending grams of region {@code part} to it. */
  private void flush(int part, boolean warm) {
    int n = pendingFill[part];
    if (n == 0) {
      return;
    }
    long[] s = slots;
    int base = part << regionBits;
    if (warm) {
      // One load a cache line, in address order: the prefetcher streams the region in.
      long t = 0;
      for (int q = 3 * base, e = 3 * (base + regionMask + 1); q < e; q += 8) {
        t += s[q];
      }
      touched += t;
    }
    int b = 2 * part * bufferSize;
    int added = 0;
    for (int k = 0; k < n; k++) {
      long hi = pending[b + 2 * k];
      long lo = pending[b + 2 * k + 1];
      int i = (int) Grams.hash(hi, lo) & regionMask;
      while (true) {
        int p = 3 * (base + i);
        long h = s[p];
        long l = s[p + 1];
        if (h == hi && l == lo) {
          s[p + 2]++;
          break;
        }
        if (h == 0 && l == 0) {
          s[p] = hi;
          s[p + 1] = lo;
          s[p + 2] = 1;
          added++;
          break;
        }
        i = (i + 1) & regionMask;
      }
    }
    regionSize[part] += added;
    stored += added;
    buffered -= n;
    pendingFill[part] = 0;
  }

  /** Grams held, counting those still pending in region buffers (a repeated one more than once). */
  public int size() {
    return stored + buffered;
  }

  /** Slots in the table. */
  public int capacity() {
    return slots.length / 3;
  }

  /**
   * Moves every gram into a new run, sorted by gram, together with every proper prefix of every
   * gram, each carrying the sum of the counts of the grams it is a prefix of (its own count
   * included), and empties the table. This turns counts of longest grams into exact counts of
   * every gram of every order.
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
  public SortedRun drainWithPrefixes(IntFunction<long[]> arrays) {
    for (int part = 0; part < pendingFill.length; part++) {
      flush(part, false);
    }
    int limit = regionLimit << partBits;
    if (sorted == null || sorted.length < 3 * stored) {
      sorted = new long[3 * Math.max(stored, limit)];
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

  /**
   * Moves the grams counted (each position's longest gram) into a new run sorted by gram, without
   * their prefixes, and empties the table: the run of a {@link PrefixExpander prefix-expanding}
   * merge, about a third the size of {@link #drainWithPrefixes}'s.
   *
   * <p>Cost: a bucket sort of the entries straight into the run's array (24 bytes an entry),
   * taken from {@code arrays} as in {@link #drainWithPrefixes(IntFunction)}.
   */
  public SortedRun drainLongest(IntFunction<long[]> arrays) {
    for (int part = 0; part < pendingFill.length; part++) {
      flush(part, false);
    }
    if (histogram == null) {
      histogram = new int[GramSort.BUCKETS + 1];
    }
    long[] out = arrays.apply(3 * stored);
    int m = GramSort.bucketSort(slots, out, histogram);
    clear();
    return SortedRun.inMemory(out, m);
  }

  /** Empties the table, pending grams included. */
  public void clear() {
    Arrays.fill(slots, 0);
    Arrays.fill(regionSize, 0);
    Arrays.fill(pendingFill, 0);
    stored = 0;
    buffered = 0;
  }
}
