package dev.ciku.segment;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Counts of non-negative long keys (pairs of adjacent words, {@code prevNode << 32 | node}),
 * collected as occurrences in batches within a memory budget: each batch is sorted, run-length
 * counted and merged into the totals, which stay sorted by key; faster than a hash map when the
 * occurrences come by the tens of millions, since sorting reads memory in order. When the totals
 * would outgrow the budget they are written to a temporary file as a sorted run
 * ({@link KeyRuns}, a key as the two ints of its halves) and counting starts again from none.
 * {@link #finish} merges the runs and keeps only the keys seen at least a minimum count, in key
 * order: what {@link WordSelection#mergePairs} reads, the same whether the counts spilled or not.
 *
 * <p>Memory, by its own accounting, never above the budget: 12 bytes a distinct key of the
 * totals, counted twice while a batch is merged (the old arrays and the new), plus the buffer of a
 * run being written; a batch too large for the budget by itself is written as a run of its own.
 * The batch and its counts (4 bytes an occurrence) are the caller's block, not counted here. After
 * {@link #finish}: 12 bytes a key kept. Cost: a sort of each batch, a merge of the totals with it,
 * and for each spill a run written and read back once by the merge.
 *
 * <p>Not thread-safe. A batch is sorted on the JVM's common pool when more than one thread is
 * allowed, else on the calling thread alone.
 */
final class PairCounts implements AutoCloseable {
  /** Bytes a distinct key takes: the key and its count. */
  static final int ENTRY_BYTES = 8 + 4;

  private final boolean parallel;
  private final long budget;
  private final KeyRuns runs;
  private final int[] pair = new int[2];
  private long[] keys = new long[0];
  private int[] counts = new int[0];
  private int size;
  private boolean finished;

  /**
   * @param threads threads the caller's run may use (1: sort on the calling thread only)
   * @param budget bytes the totals and the runs' buffers may take
   * @param tempDir where runs spill
   */
  PairCounts(int threads, long budget, Path tempDir) {
    this.parallel = threads > 1;
    this.runs = new KeyRuns(tempDir, "ciku-pairs-", budget);
    this.budget = budget - runs.bufferBytes();
  }

  /**
   * Adds the occurrences {@code batch[0..n)}, non-negative keys; the array is sorted in place (its
   * order is lost). May spill the totals, which a failing write reports as an
   * {@link java.io.UncheckedIOException}.
   *
   * @throws IllegalArgumentException if a key is negative
   * @throws IllegalStateException after {@link #finish}
   */
  void addOccurrences(long[] batch, int n) {
    if (finished) {
      throw new IllegalStateException("addOccurrences after finish");
    }
    if (n == 0) {
      return;
    }
    if (parallel) {
      Arrays.parallelSort(batch, 0, n);
    } else {
      Arrays.sort(batch, 0, n);
    }
    if (batch[0] < 0) {
      throw new IllegalArgumentException("negative pair key " + batch[0]);
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
    if (size > 0 && (long) ENTRY_BYTES * (2L * size + d) > budget) {
      spill(keys, counts, size);
      keys = new long[0];
      counts = new int[0];
      size = 0;
    }
    if (size == 0 && (long) ENTRY_BYTES * d > budget) {
      spill(batch, batchCounts, d);
      return;
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

  /** Writes {@code k[0..n)} with their counts as a sorted run. */
  private void spill(long[] k, int[] c, int n) {
    KeyRuns.Writer w = runs.writer();
    for (int i = 0; i < n; i++) {
      pair[0] = (int) (k[i] >>> 32);
      pair[1] = (int) k[i];
      w.accept(pair, 0, 2, c[i]);
    }
    w.finish();
  }

  /**
   * Ends the counting: keeps only the keys seen at least {@code minCount} times, in key order.
   * Totals that spilled are written as one more run, let go, and the runs merged (their files
   * deleted). Once only; after it, {@link #size}, {@link #key} and {@link #count} read what was
   * kept.
   */
  void finish(long minCount) {
    if (finished) {
      throw new IllegalStateException("finish called twice");
    }
    finished = true;
    if (runs.runs() == 0) {
      int m = 0;
      for (int i = 0; i < size; i++) {
        if (counts[i] >= minCount) {
          keys[m] = keys[i];
          counts[m++] = counts[i];
        }
      }
      size = m;
      return;
    }
    if (size > 0) {
      spill(keys, counts, size);
    }
    keys = new long[16];
    counts = new int[16];
    size = 0;
    runs.merge((key, from, length, c) -> {
      if (c >= minCount) {
        if (size == keys.length) {
          keys = Arrays.copyOf(keys, size * 2);
          counts = Arrays.copyOf(counts, size * 2);
        }
        keys[size] = (long) key[from] << 32 | (key[from + 1] & 0xFFFFFFFFL);
        counts[size++] = (int) Math.min(Integer.MAX_VALUE, c);
      }
    });
  }

  /** Runs written to disk (0: the totals never spilled). */
  int runs() {
    return runs.runs();
  }

  /** Where the runs went. */
  Path tempDir() {
    return runs.dir();
  }

  /** Number of distinct keys (after {@link #finish}: of those kept). */
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

  /** Deletes the run files left (all of them after an error). */
  @Override
  public void close() {
    runs.close();
  }
}
