package dev.ciku.segment;

import java.util.Arrays;

/**
 * Counts of long keys (pairs of adjacent words), collected as occurrences in batches: each batch
 * is sorted, run-length counted and merged into the totals, which stay sorted by key. Memory is
 * the distinct keys plus one batch, whatever the number of batches; faster than a hash map when
 * the occurrences come by the tens of millions, since sorting reads memory in order.
 *
 * <p>Not thread-safe. A batch is sorted on the JVM's common pool when more than one thread is
 * allowed, else on the calling thread alone.
 */
final class PairCounts {
  private final boolean parallel;
  private long[] keys = new long[0];
  private int[] counts = new int[0];
  private int size;

  /** @param threads threads the caller's run may use (1: sort on the calling thread only) */
  PairCounts(int threads) {
    this.parallel = threads > 1;
  }

  /**
   * Adds the occurrences {@code batch[0..n)}; the array is sorted in place (its order is lost).
   */
  void addOccurrences(long[] batch, int n) {
    if (n == 0) {
      return;
    }
    if (parallel) {
      Arrays.parallelSort(batch, 0, n);
    } else {
      Arrays.sort(batch, 0, n);
    }
    // Run-length count the batch in place: distinct keys to the front of batch, counts apart.
    int[] batchCounts = new int[n];
    int d = 0;
    for (int i = 0; i < n; ) {
      int j = i + 1;
      while (j < n && batch[j] == batch[i]) {
        j++;
      }
      batch[d] = batch[i];
      batchCounts[d++] = j - i;
      i = j;
    }
    long[] mk = new long[size + d];
    int[] mc = new int[size + d];
    int a = 0;
    int b = 0;
    int m = 0;
    while (a < size || b < d) {
      if (b == d || (a < size && keys[a] < batch[b])) {
        mk[m] = keys[a];
        mc[m++] = counts[a++];
      } else if (a == size || batch[b] < keys[a]) {
        mk[m] = batch[b];
        mc[m++] = batchCounts[b++];
      } else {
        mk[m] = keys[a];
        mc[m++] = counts[a++] + batchCounts[b++];
      }
    }
    keys = mk;
    counts = mc;
    size = m;
  }

  /** Number of distinct keys. */
  int size() {
    return size;
  }

  /** The {@code i}-th distinct key in ascending order. */
  long key(int i) {
    return keys[i];
  }

  /** The count of {@link #key key(i)}. */
  int count(int i) {
    return counts[i];
  }
}
