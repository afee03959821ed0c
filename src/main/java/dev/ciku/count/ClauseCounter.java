package dev.ciku.count;

import dev.ciku.corpus.ClauseSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Single-threaded exact n-gram counting of the clauses a {@link dev.ciku.corpus.ClauseScanner}
 * hands over, for callers that bring their own parallelism (one instance per Spark partition, for
 * example). Grams go into one {@link GramTable}; a full table becomes a {@link SortedRun}; runs
 * beyond the memory budget spill to {@code tempDir}; {@link #finish} merges the runs into one
 * stream in gram order. Counts, positions and order of the result are those {@link NgramCounter}
 * gives for the same clauses.
 *
 * <p>Not thread-safe.
 */
public final class ClauseCounter implements ClauseSink {
  private final int order;
  private final GramTable table;
  private final long runBudget;
  private final Path tempDir;
  private final long[] positions;
  private final List<SortedRun> runs = new ArrayList<>();
  private long inMemory;
  private int spilled;

  /**
   * @param order longest n-gram, 1..{@link Grams#MAX_ORDER}
   * @param tableCapacity slots of the hash table (24 bytes each)
   * @param runBudget heap bytes of sorted runs kept in memory; larger runs spill
   * @param tempDir where runs spill
   */
  public ClauseCounter(int order, int tableCapacity, long runBudget, Path tempDir) {
    if (order < 1 || order > Grams.MAX_ORDER) {
      throw new IllegalArgumentException(
          "order must be between 1 and " + Grams.MAX_ORDER + ", got " + order);
    }
    this.order = order;
    this.table = new GramTable(tableCapacity, 0.7);
    this.runBudget = runBudget;
    this.tempDir = tempDir;
    this.positions = new long[order + 1];
  }

  @Override
  public void clause(int[] u, int length, int owned, boolean clauseStart, boolean clauseEnd) {
    for (int n = 1; n <= order; n++) {
      positions[n] += Math.max(0, Math.min(owned, length - n + 1));
    }
    for (int i = 0; i < owned; i++) {
      int max = Math.min(order, length - i);
      long hi = 0;
      long lo = 0;
      for (int n = 0; n < max; n++) {
        if (n < 3) {
          hi |= (long) u[i + n] << (Grams.BITS * (2 - n));
        } else {
          lo |= (long) u[i + n] << (Grams.BITS * (5 - n));
        }
        table.add(hi, lo, 1);
      }
      if (table.isFull()) {
        addRun(table.drainSorted());
      }
    }
  }

  private void addRun(SortedRun run) {
    runs.add(run);
    inMemory += run.heapBytes();
    if (inMemory <= runBudget) {
      return;
    }
    List<SortedRun> byFootprint = new ArrayList<>(runs);
    byFootprint.sort(Comparator.comparingLong(SortedRun::heapBytes).reversed());
    for (SortedRun r : byFootprint) {
      if (inMemory <= runBudget) {
        break;
      }
      if (!r.spilled()) {
        long b = r.heapBytes();
        try {
          r.spill(tempDir);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        inMemory -= b;
        spilled++;
      }
    }
  }

  /** {@code positions()[n]} = n-gram positions of length n counted so far; index 0 unused. */
  public long[] positions() {
    return positions.clone();
  }

  /** Runs that went to disk so far. */
  public int spilledRuns() {
    return spilled;
  }

  /**
   * Streams every gram counted at least {@code minCount} times to {@code sink} in gram order,
   * then deletes the runs. The counter is empty afterwards (positions are kept).
   */
  public void finish(long minCount, GramSink sink) throws IOException {
    if (table.size() > 0) {
      addRun(table.drainSorted());
    }
    try {
      RunMerger.merge(runs, minCount, sink);
    } finally {
      for (SortedRun r : runs) {
        try {
          r.delete();
        } catch (java.io.UncheckedIOException e) {
          // best effort: temporary files
        }
      }
      runs.clear();
      inMemory = 0;
    }
  }
}
