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
  private final long budget;
  private final Path tempDir;
  private long inMemory;
  private int spilled;

  /**
   * @param budget heap bytes of runs to keep in memory
   * @param tempDir where runs spill
   */
  RunSet(long budget, Path tempDir) {
    this.budget = Math.max(0, budget);
    this.tempDir = tempDir;
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
      r.spill(tempDir);
    }
  }

  /** The runs so far. */
  synchronized List<SortedRun> all() {
    return new ArrayList<>(runs);
  }

  /** Runs that went to disk. */
  synchronized int spilled() {
    return spilled;
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
    inMemory = 0;
  }
}
