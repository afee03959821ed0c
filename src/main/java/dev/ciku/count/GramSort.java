package dev.ciku.count;

/**
 * Sorts parallel arrays of packed grams and counts by gram, in place: a median-of-three
 * quicksort with insertion sort for short ranges and heap-free recursion on the smaller side.
 * Keys are assumed distinct (they come from a hash table). Stateless and thread-safe.
 */
final class GramSort {
  private GramSort() {}

  static void sort(long[] h, long[] l, long[] c, int from, int to) {
    while (to - from > 24) {
      int mid = (from + to) >>> 1;
      int a = from;
      int b = mid;
      int d = to - 1;
      // median of three into position mid
      if (less(h, l, b, a)) {
        swap(h, l, c, a, b);
      }
      if (less(h, l, d, b)) {
        swap(h, l, c, b, d);
        if (less(h, l, b, a)) {
          swap(h, l, c, a, b);
        }
      }
      long ph = h[mid];
      long pl = l[mid];
      int i = from;
      int j = to - 1;
      while (i <= j) {
        while (Grams.compare(h[i], l[i], ph, pl) < 0) {
          i++;
        }
        while (Grams.compare(h[j], l[j], ph, pl) > 0) {
          j--;
        }
        if (i <= j) {
          swap(h, l, c, i, j);
          i++;
          j--;
        }
      }
      if (j - from < to - i) {
        sort(h, l, c, from, j + 1);
        from = i;
      } else {
        sort(h, l, c, i, to);
        to = j + 1;
      }
    }
    for (int i = from + 1; i < to; i++) {
      long th = h[i];
      long tl = l[i];
      long tc = c[i];
      int j = i - 1;
      while (j >= from && Grams.compare(h[j], l[j], th, tl) > 0) {
        h[j + 1] = h[j];
        l[j + 1] = l[j];
        c[j + 1] = c[j];
        j--;
      }
      h[j + 1] = th;
      l[j + 1] = tl;
      c[j + 1] = tc;
    }
  }

  private static boolean less(long[] h, long[] l, int x, int y) {
    return Grams.compare(h[x], l[x], h[y], l[y]) < 0;
  }

  private static void swap(long[] h, long[] l, long[] c, int x, int y) {
    long t = h[x];
    h[x] = h[y];
    h[y] = t;
    t = l[x];
    l[x] = l[y];
    l[y] = t;
    t = c[x];
    c[x] = c[y];
    c[y] = t;
  }
}
