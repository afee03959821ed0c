package dev.ciku.count;

/**
 * Sorts entries of three longs {@code (hi, lo, count)} stored side by side in one array by gram,
 * in place: quicksort with median-of-three pivots, recursion on the smaller side only, insertion
 * sort for short ranges. Keys are assumed distinct (they come from a hash table). Stateless and
 * thread-safe.
 */
final class GramSort {
  private GramSort() {}

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
