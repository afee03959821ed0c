package dev.ciku.count;

/**
 * Sorts entries of three longs {@code (hi, lo, count)} stored side by side in one array by gram
 * ({@code hi}, then {@code lo}, as signed longs; packed grams never set the sign bit), in place.
 * A long range is sorted by an in-place most-significant-digit radix sort (American flag sort)
 * whose digit is the 8 bits (fewer in a range of fewer than 256 entries) below the highest bit
 * in which the range's keys differ, so that code points, which share their top bits, still
 * spread over the buckets; a range of {@value #RADIX_MIN} entries or fewer by quicksort
 * (median-of-three pivots, recursion on the smaller side only) and insertion sort. Keys are
 * assumed distinct (they come from a hash table). Stateless and thread-safe.
 */
final class GramSort {
  private GramSort() {}

  /** Buckets of {@link #bucketSort}: the first unit's top 18 bits. */
  static final int BUCKETS = 1 << 18;
  private static final int BUCKET_SHIFT = 63 - 18;

  /**
   * Copies the non-empty entries of {@code slots} (a hash table's array: entries of three longs,
   * {@code (0, 0)} keys empty) into {@code dst}, sorted by gram: a counting pass over the
   * first unit's top bits, one scatter, then {@link #sort} within each bucket, where the entries
   * fit in the cache. Returns the number of entries.
   *
   * @param hist scratch of at least {@code BUCKETS + 1} ints
   */
  static int bucketSort(long[] slots, long[] dst, int[] hist) {
    java.util.Arrays.fill(hist, 0, BUCKETS + 1, 0);
    for (int p = 0; p < slots.length; p += 3) {
      long hi = slots[p];
      if (hi != 0 || slots[p + 1] != 0) {
        hist[(int) (hi >>> BUCKET_SHIFT) + 1]++;
      }
    }
    for (int b = 0; b < BUCKETS; b++) {
      hist[b + 1] += hist[b];
    }
    int m = hist[BUCKETS];
    for (int p = 0; p < slots.length; p += 3) {
      long hi = slots[p];
      if (hi != 0 || slots[p + 1] != 0) {
        int q = 3 * hist[(int) (hi >>> BUCKET_SHIFT)]++;
        dst[q] = hi;
        dst[q + 1] = slots[p + 1];
        dst[q + 2] = slots[p + 2];
      }
    }
    // hist[b] is now the end of bucket b, the start of bucket b + 1.
    int[][] levels = new int[LEVELS][];
    int start = 0;
    for (int b = 0; b < BUCKETS; b++) {
      int end = hist[b];
      if (end - start > 1) {
        sort(dst, start, end, levels, 0);
      }
      start = end;
    }
    return m;
  }

  /** Ranges longer than this are radix sorted. */
  static final int RADIX_MIN = 64;
  /** Most bits of a radix digit (fewer for a short range: about one bucket an entry). */
  private static final int DIGIT_BITS = 8;
  /** Where a level's scratch keeps the buckets' next free places: after 2^8 + 1 starts. */
  private static final int NEXT = (1 << DIGIT_BITS) + 1;

  /**
   * Most radix levels one sort can nest: each takes 6 bits or more of the 128 (a range of more
   * than {@link #RADIX_MIN} entries has a digit of 6 bits or more).
   */
  private static final int LEVELS = 128 / 6 + 1;

  /**
   * Sorts entries {@code from..to} (entry indices, not array indices). Cost: O(n) a radix level
   * (two passes and at most one swap an entry), about two levels below the digits the keys
   * share; one int array of 514 entries a level of nesting, reused by every range at that level.
   */
  static void sort(long[] a, int from, int to) {
    sort(a, from, to, new int[LEVELS][], 0);
  }

  /** {@link #sort(long[], int, int)} at nesting {@code level}, with the levels' scratch. */
  private static void sort(long[] a, int from, int to, int[][] levels, int level) {
    if (to - from > RADIX_MIN) {
      radix(a, from, to, levels, level);
    } else {
      quicksort(a, from, to);
    }
  }

  /** One American-flag pass over the highest digit in which keys differ, then each bucket. */
  private static void radix(long[] a, int from, int to, int[][] levels, int level) {
    long h0 = a[from * 3];
    long l0 = a[from * 3 + 1];
    long dh = 0;
    long dl = 0;
    for (int p = from * 3, e = to * 3; p < e; p += 3) {
      dh |= a[p] ^ h0;
      dl |= a[p + 1] ^ l0;
    }
    int word = dh != 0 ? 0 : 1;
    long diff = dh != 0 ? dh : dl;
    if (diff == 0) {
      return; // equal keys: already in order
    }
    int top = 63 - Long.numberOfLeadingZeros(diff);
    int bits = Math.min(DIGIT_BITS, 31 - Integer.numberOfLeadingZeros(to - from));
    int shift = Math.max(0, top + 1 - bits);
    int buckets = 1 << (top + 1 - shift);
    int mask = buckets - 1;
    // One array a level: the buckets' starts at [0, buckets], their first entries not yet in
    // place at [NEXT, NEXT + buckets). The sorts of the buckets use the next level's.
    int[] start = levels[level];
    if (start == null) {
      start = levels[level] = new int[2 * NEXT];
    }
    java.util.Arrays.fill(start, 0, buckets + 1, 0);
    for (int p = from * 3 + word, e = to * 3; p < e; p += 3) {
      start[digit(a[p], shift, mask)]++;
    }
    int sum = from;
    for (int b = 0; b < buckets; b++) {
      int c = start[b];
      start[b] = sum;
      start[NEXT + b] = sum;
      sum += c;
    }
    start[buckets] = to;
    for (int b = 0; b < buckets; b++) {
      int end = start[b + 1];
      while (start[NEXT + b] < end) {
        int i = start[NEXT + b];
        int k = digit(a[i * 3 + word], shift, mask);
        while (k != b) {
          // Move entry i to the next free place of its bucket and take what was there.
          swap(a, i, start[NEXT + k]++);
          k = digit(a[i * 3 + word], shift, mask);
        }
        start[NEXT + b]++;
      }
    }
    for (int b = 0; b < buckets; b++) {
      if (start[b + 1] - start[b] > 1) {
        sort(a, start[b], start[b + 1], levels, level + 1);
      }
    }
  }

  /** The digit of {@code key} at {@code shift}, in signed order (the sign bit flipped). */
  private static int digit(long key, int shift, int mask) {
    return (int) ((key ^ Long.MIN_VALUE) >>> shift) & mask;
  }

  private static void quicksort(long[] a, int from, int to) {
    while (to - from > 24) {
      int mid = (from + to) >>> 1;
      int last = to - 1;
      if (less(a, mid, from)) {
        swap(a, from, mid);
      }
      if (less(a, last, mid)) {
        swap(a, mid, last);
        if (less(a, mid, from)) {
          swap(a, from, mid);
        }
      }
      long ph = a[mid * 3];
      long pl = a[mid * 3 + 1];
      int i = from;
      int j = last;
      while (i <= j) {
        while (cmp(a, i, ph, pl) < 0) {
          i++;
        }
        while (cmp(a, j, ph, pl) > 0) {
          j--;
        }
        if (i <= j) {
          swap(a, i, j);
          i++;
          j--;
        }
      }
      if (j - from < to - i) {
        quicksort(a, from, j + 1);
        from = i;
      } else {
        quicksort(a, i, to);
        to = j + 1;
      }
    }
    for (int i = from + 1; i < to; i++) {
      long th = a[i * 3];
      long tl = a[i * 3 + 1];
      long tc = a[i * 3 + 2];
      int j = i - 1;
      while (j >= from && cmp(a, j, th, tl) > 0) {
        a[j * 3 + 3] = a[j * 3];
        a[j * 3 + 4] = a[j * 3 + 1];
        a[j * 3 + 5] = a[j * 3 + 2];
        j--;
      }
      a[j * 3 + 3] = th;
      a[j * 3 + 4] = tl;
      a[j * 3 + 5] = tc;
    }
  }

  private static int cmp(long[] a, int i, long hi, long lo) {
    long h = a[i * 3];
    if (h != hi) {
      return h < hi ? -1 : 1;
    }
    long l = a[i * 3 + 1];
    return l < lo ? -1 : l == lo ? 0 : 1;
  }

  private static boolean less(long[] a, int x, int y) {
    return cmp(a, x, a[y * 3], a[y * 3 + 1]) < 0;
  }

  private static void swap(long[] a, int x, int y) {
    int p = x * 3;
    int q = y * 3;
    for (int k = 0; k < 3; k++) {
      long t = a[p + k];
      a[p + k] = a[q + k];
      a[q + k] = t;
    }
  }
}
