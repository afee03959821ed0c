package dev.ciku.segment;

import it.unimi.dsi.fastutil.ints.IntArrays;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Counts fragments within a memory budget: the symbols of each distinct fragment are copied once
 * into a pool, and a fragment is keyed by its place there (position, length) and compared symbol
 * by symbol. Open addressing, linear probing. When the table would outgrow its budget, its
 * fragments are written to a temporary file as a sorted run ({@link KeyRuns}) and it starts
 * empty; {@link #forEachSorted} merges the runs, summing the counts of equal fragments.
 *
 * <p>Fragments come out in one canonical order, shorter first, then symbol by symbol
 * ({@link KeyRuns#compare}), whether the table spilled or not: what is built from them (the
 * candidates' trie, whose node ids break ties later) does not depend on the budget.
 *
 * <p>Memory, by its own accounting, never above the budget: 4 bytes a pool symbol and 19 bytes a
 * slot (17 in the slot arrays, 2 for the index that sorts a run: 4 bytes an entry, the table at
 * most half full), counted with the old arrays while they grow, plus the buffer of a run being
 * written; the merge reads the runs through buffers within the same budget, after the table is
 * released. Cost: a run sorted and written for each spill, every run read once by the merge (in
 * passes when there are very many). Not thread-safe.
 */
final class FragmentTable implements AutoCloseable {
  /** Bytes a slot takes: position, length, count, hash, and half an index entry. */
  static final int SLOT_BYTES = 4 + 1 + 8 + 4 + 2;

  private final long budget;
  private final KeyRuns runs;
  private int[] pool;
  private int poolSize;
  private int[] pos;
  private byte[] len;
  private long[] count;
  private int[] hashes;
  private int mask;
  private int size;
  private boolean done;

  /**
   * @param budget bytes the table and its runs' buffers may take
   * @param tempDir where runs spill
   */
  FragmentTable(long budget, Path tempDir) {
    this.runs = new KeyRuns(tempDir, "ciku-fragments-", budget);
    this.budget = budget - runs.bufferBytes();
    int slots = (int) Math.max(16, Math.min(1 << 16, Long.highestOneBit(Math.max(1, budget / 64))));
    pool = new int[Math.max(2 * KeyRuns.MAX_LENGTH, slots)];
    pos = new int[slots];
    len = new byte[slots];
    count = new long[slots];
    hashes = new int[slots];
    mask = slots - 1;
  }

  /**
   * Counts one occurrence of {@code block[from..from + length)} (1..127 symbols). May spill the
   * table first, which a failing write reports as an {@link java.io.UncheckedIOException}.
   */
  void add(int[] block, int from, int length) {
    if (done) {
      throw new IllegalStateException("add after forEachSorted");
    }
    int h = hash(block, from, length);
    int i = slot(h, block, from, length);
    if (len[i] != 0) {
      count[i]++;
      return;
    }
    boolean growSlots = (size + 1) * 2 > pos.length;
    boolean growPool = poolSize + length > pool.length;
    if (growSlots || growPool) {
      int newPool = growPool ? (int) Math.min(Integer.MAX_VALUE - 8,
          Math.max(poolSize + (long) length, pool.length + (long) (pool.length >> 1))) : 0;
      int newSlots = growSlots ? 2 * pos.length : 0;
      long need = 4L * pool.length + (long) SLOT_BYTES * pos.length + 4L * newPool
          + (long) SLOT_BYTES * newSlots;
      if (need > budget && size > 0) {
        spill();
      } else {
        if (growPool) {
          pool = Arrays.copyOf(pool, newPool);
        }
        if (growSlots) {
          grow();
        }
      }
      i = slot(h, block, from, length);
    }
    pos[i] = poolSize;
    System.arraycopy(block, from, pool, poolSize, length);
    poolSize += length;
    len[i] = (byte) length;
    count[i] = 1;
    hashes[i] = h;
    size++;
  }

  /** The slot of the fragment, or the empty slot where it would go. */
  private int slot(int h, int[] block, int from, int length) {
    int i = h & mask;
    while (len[i] != 0) {
      if (hashes[i] == h && len[i] == length && same(pos[i], block, from, length)) {
        return i;
      }
      i = (i + 1) & mask;
    }
    return i;
  }

  private boolean same(int a, int[] block, int b, int length) {
    int[] p = pool;
    for (int k = 0; k < length; k++) {
      if (p[a + k] != block[b + k]) {
        return false;
      }
    }
    return true;
  }

  private static int hash(int[] block, int from, int length) {
    long h = length;
    for (int k = 0; k < length; k++) {
      h = h * 0x100000001B3L + block[from + k];
    }
    h *= 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  private void grow() {
    int[] op = pos;
    byte[] ol = len;
    long[] oc = count;
    int[] oh = hashes;
    int n = op.length * 2;
    pos = new int[n];
    len = new byte[n];
    count = new long[n];
    hashes = new int[n];
    mask = n - 1;
    for (int j = 0; j < op.length; j++) {
      if (ol[j] != 0) {
        int i = oh[j] & mask;
        while (len[i] != 0) {
          i = (i + 1) & mask;
        }
        pos[i] = op[j];
        len[i] = ol[j];
        count[i] = oc[j];
        hashes[i] = oh[j];
      }
    }
  }

  /** The occupied slots in canonical order: an index of {@code size} ints. */
  private int[] sortedSlots() {
    int[] order = new int[size];
    int n = 0;
    for (int i = 0; i < len.length; i++) {
      if (len[i] != 0) {
        order[n++] = i;
      }
    }
    int[] p = pool;
    IntArrays.quickSort(order, 0, n,
        (x, y) -> KeyRuns.compare(p, pos[x], len[x], p, pos[y], len[y]));
    return order;
  }

  /** Writes the fragments as a sorted run and empties the table (its arrays stay). */
  private void spill() {
    int[] order = sortedSlots();
    KeyRuns.Writer w = runs.writer();
    for (int s : order) {
      w.accept(pool, pos[s], len[s], count[s]);
    }
    w.finish();
    Arrays.fill(len, (byte) 0);
    poolSize = 0;
    size = 0;
  }

  /**
   * Hands every distinct fragment with its count to {@code sink}, in canonical order (shorter
   * first, then symbol by symbol), and ends the counting: the table takes no more fragments. A
   * table that spilled writes what it holds as one more run, lets its arrays go and merges the
   * runs; one that did not gives its fragments from memory. Once only.
   *
   * @return the number of distinct fragments
   */
  long forEachSorted(KeyRuns.Sink sink) {
    if (done) {
      throw new IllegalStateException("forEachSorted called twice");
    }
    done = true;
    if (runs.runs() == 0) {
      for (int s : sortedSlots()) {
        sink.accept(pool, pos[s], len[s], count[s]);
      }
      return size;
    }
    if (size > 0) {
      spill();
    }
    pool = null;
    pos = null;
    len = null;
    count = null;
    hashes = null;
    return runs.merge(sink);
  }

  /** Runs written to disk (0: the table never spilled). */
  int runs() {
    return runs.runs();
  }

  /** Where the runs went. */
  Path tempDir() {
    return runs.dir();
  }

  /** Bytes the table's arrays take now, by its own accounting (slots with their sort index). */
  long bytes() {
    return pos == null ? 0 : 4L * pool.length + (long) SLOT_BYTES * pos.length;
  }

  /** Deletes the run files left (all of them after an error). */
  @Override
  public void close() {
    runs.close();
  }
}
