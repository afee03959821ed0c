package dev.ciku.count;

/**
 * Sorts entries of three longs {@code (hi, lo, count)} stored side by side in one array by gram,
 * in place: quicksort with median-of-three pivots, recursion on the smaller side only, insertion
 * sort for short ranges. Keys are assumed distinct (they come from a hash table). Stateless and
 * thread-safe.
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
    int start = 0;
    for (int b = 0; b < BUCKETS; b++) {
      int end = hist[b];
      if (end - start > 1) {
        sort(dst, start, end);
      }
      start = end;
    }
    return m;
  }

  /** Sorts entries {@code from..to} (entry indices, not array indices). */
  static void sort(long[] a, int from, int to) {
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
        sort(a, from, j + 1);
        from = i;
      } else {
        sort(a, i, to);
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
