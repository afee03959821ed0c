package dev.ciku.count;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The sorted runs of one count: keeps them in memory up to a budget and spills the largest
 * in-memory runs to disk beyond it. Thread-safe: counting threads add their runs concurrently;
 * {@link #all} is called once they are done.
 */
final class RunSet {
  private final List<SortedRun> runs = new ArrayList<>();
  /** Runs some thread is spilling or has spilled: never chosen again. */
  private final java.util.Set<SortedRun> claimed =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  /** Arrays of spilled runs, for {@link #array}; at most {@code maxFree}. */
  private final List<long[]> free = new ArrayList<>();
  private final int maxFree;
  private final long budget;
  private final Path tempDir;
  private long inMemory;
  private int spilled;

  /**
   * @param budget heap bytes of runs to keep in memory
   * @param tempDir where runs spill
   */
  RunSet(long budget, Path tempDir) {
    this(budget, tempDir, 0);
  }

  /**
   * @param budget heap bytes of runs to keep in memory
   * @param tempDir where runs spill
   * @param maxFree arrays of spilled runs kept for reuse by {@link #array}
   */
  RunSet(long budget, Path tempDir, int maxFree) {
    this.budget = Math.max(0, budget);
    this.tempDir = tempDir;
    this.maxFree = maxFree;
  }

  /**
   * Adds a run, spilling runs while more than the budget is held in memory. The spilling (file
   * writing) happens outside the lock, so other threads can add runs meanwhile.
   */
  void add(SortedRun run) throws IOException {
    List<SortedRun> toSpill = new ArrayList<>();
    synchronized (this) {
      runs.add(run);
      inMemory += run.heapBytes();
      if (inMemory <= budget) {
        return;
      }
      List<SortedRun> byFootprint = new ArrayList<>(runs);
      byFootprint.removeAll(claimed);
      byFootprint.sort(Comparator.comparingLong(SortedRun::heapBytes).reversed());
      for (SortedRun r : byFootprint) {
        if (inMemory <= budget) {
          break;
        }
        if (!r.spilled()) {
          inMemory -= r.heapBytes();
          claimed.add(r);
          toSpill.add(r);
          spilled++;
        }
      }
    }
    for (SortedRun r : toSpill) {
      long[] released = r.spill(tempDir);
      if (released != null) {
        synchronized (this) {
          if (free.size() < maxFree) {
            free.add(released);
          }
        }
      }
    }
  }

  /**
   * An array of at least {@code longs} longs for a new run: one released by a spilled run if one
   * is large enough (garbage avoided: a drained table's run is tens of MB), else a new one with
   * an eighth more room, so that the next, similar run can reuse it.
   */
  long[] array(int longs) {
    synchronized (this) {
      for (int i = 0; i < free.size(); i++) {
        if (free.get(i).length >= longs) {
          return free.remove(i);
        }
      }
    }
    return new long[(int) Math.min(Integer.MAX_VALUE - 8, longs + (long) longs / 8)];
  }

  /** The runs so far. */
  synchronized List<SortedRun> all() {
    return new ArrayList<>(runs);
  }

  /** Runs that went to disk. */
  synchronized int spilled() {
    return spilled;
  }

  /** Drops the arrays kept for reuse by {@link #array}: no more runs will be made. */
  synchronized void releaseArrays() {
    free.clear();
  }

  /** Deletes every run and its spill file (best effort) and forgets them. */
  synchronized void deleteAll() {
    for (SortedRun r : runs) {
      try {
        r.delete();
      } catch (UncheckedIOException e) {
        // best effort: temporary files
      }
    }
    runs.clear();
    claimed.clear();
    free.clear();
    inMemory = 0;
  }
}
