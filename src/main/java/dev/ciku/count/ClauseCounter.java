package dev.ciku.count;

import dev.ciku.corpus.ClauseSink;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Single-threaded exact n-gram counting of the clauses a {@link dev.ciku.corpus.ClauseScanner}
 * hands over, for callers that bring their own parallelism (one instance per Spark partition, for
 * example). Grams go into one {@link CountingTable}; a full table becomes a {@link SortedRun}; runs
 * beyond the memory budget spill to {@code tempDir}; {@link #finish} merges the runs into one
 * stream in gram order. Counts, positions and order of the result are those {@link NgramCounter}
 * gives for the same clauses.
 *
 * <p>Not thread-safe.
 */
public final class ClauseCounter implements ClauseSink {
  private final int order;
  private final CountingTable table;
  private final long[] positions;
  private final RunSet runs;
  private final CountingTable.OnFull onFull;
  private final long runBudget;
  private final Path tempDir;

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
    this.table = new CountingTable(tableCapacity, 0.7);
    this.positions = new long[order + 1];
    this.runs = new RunSet(runBudget, tempDir);
    this.runBudget = runBudget;
    this.tempDir = tempDir;
    this.onFull = t -> runs.add(t.drainWithPrefixes());
  }

  @Override
  public void clause(int[] u, int length, int owned, boolean clauseStart, boolean clauseEnd) {
    try {
      table.addClause(u, 0, length, owned, order, positions, onFull);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** {@code positions()[n]} = n-gram positions of length n counted so far; index 0 unused. */
  public long[] positions() {
    return positions.clone();
  }

  /** Runs that went to disk so far. */
  public int spilledRuns() {
    return runs.spilled();
  }

  /**
   * Streams every gram counted at least {@code minCount} times to {@code sink} in gram order,
   * then deletes the runs. The counter is empty afterwards (positions are kept). The spilled
   * runs' read buffers share a quarter of the run budget (many runs are merged down first, as
   * {@link RunMerger#merge(java.util.List, long, GramSink, int, Path, long)} does).
   */
  public void finish(long minCount, GramSink sink) throws IOException {
    if (table.size() > 0) {
      runs.add(table.drainWithPrefixes());
    }
    try {
      RunMerger.merge(runs.all(), minCount, sink, 1, tempDir, runBudget / 4);
    } finally {
      runs.deleteAll();
    }
  }
}
