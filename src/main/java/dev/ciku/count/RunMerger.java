package dev.ciku.count;

import java.io.IOException;
import java.util.List;

/**
 * Merges sorted runs into one stream in gram order, summing the counts of equal grams: a binary
 * heap over the run cursors, O(log k) per entry for k runs. Not thread-safe.
 */
public final class RunMerger {
  private RunMerger() {}

  /**
   * Streams the merged entries whose summed count is at least {@code minCount} to {@code sink},
   * in gram order. Closes the cursors.
   */
  public static void merge(List<SortedRun> runs, long minCount, GramSink sink) throws IOException {
    List<SortedRun.Cursor> cursors = new java.util.ArrayList<>();
    for (SortedRun r : runs) {
      cursors.add(r.cursor());
    }
    mergeCursors(cursors, minCount, sink);
  }

  /** As {@link #merge}, over cursors of any origin (each in gram order, without repeats). */
  public static void mergeCursors(List<SortedRun.Cursor> cursors, long minCount, GramSink sink)
      throws IOException {
    int k = cursors.size();
    SortedRun.Cursor[] heap = new SortedRun.Cursor[k];
    int n = 0;
    try {
      for (SortedRun.Cursor c : cursors) {
        if (c.next()) {
          heap[n++] = c;
        } else {
          c.close();
        }
      }
      for (int i = n / 2 - 1; i >= 0; i--) {
        down(heap, n, i);
      }
      while (n > 0) {
        SortedRun.Cursor top = heap[0];
        long hi = top.hi;
        long lo = top.lo;
        long sum = 0;
        while (n > 0 && heap[0].hi == hi && heap[0].lo == lo) {
          SortedRun.Cursor c = heap[0];
          sum += c.count;
          if (c.next()) {
            down(heap, n, 0);
          } else {
            c.close();
            heap[0] = heap[--n];
            heap[n] = null;
            if (n > 0) {
              down(heap, n, 0);
            }
          }
        }
        if (sum >= minCount) {
          sink.accept(hi, lo, sum);
        }
      }
    } finally {
      for (int i = 0; i < n; i++) {
        heap[i].close();
      }
    }
  }

  private static void down(SortedRun.Cursor[] heap, int n, int i) {
    SortedRun.Cursor x = heap[i];
    while (true) {
      int child = 2 * i + 1;
      if (child >= n) {
        break;
      }
      if (child + 1 < n && less(heap[child + 1], heap[child])) {
        child++;
      }
      if (!less(heap[child], x)) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = x;
  }

  private static boolean less(SortedRun.Cursor a, SortedRun.Cursor b) {
    return a.hi < b.hi || (a.hi == b.hi && a.lo < b.lo);
  }
}
