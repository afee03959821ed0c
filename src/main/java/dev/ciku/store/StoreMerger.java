package dev.ciku.store;

import dev.ciku.count.CountSummary;
import dev.ciku.count.GramSink;
import dev.ciku.count.GramTable;
import dev.ciku.count.Grams;
import dev.ciku.count.RunMerger;
import dev.ciku.count.SortedRun;
import dev.ciku.corpus.UnitTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges stores counted apart (shards of one corpus, or later data) into one: counts of equal
 * grams are summed, totals added. Latin units are re-numbered into one unit table (the first
 * store's ids are kept); the counts of their forms are summed too, so a unit of stores that fold
 * case is written in its most frequent form over all of them.
 *
 * <p>Stores iterate in hash order, so the merge sums grams into an on-heap hash table of at most
 * the memory budget; a full table is sorted into a run and spilled to the temporary directory,
 * and the runs are merged at the end (as the counter does), so the merged grams reach the sink in
 * gram order and memory stays within the budget whatever the stores' sizes. Not thread-safe.
 *
 * <p>Exact when every shard was counted with {@code --min-count 1}; with a higher min-count a
 * gram's merged count misses its occurrences in shards where it fell below that shard's cut.
 */
public final class StoreMerger {
  private StoreMerger() {}

  /**
   * Merges {@code stores} into {@code sink} (in gram order); returns the merged header data.
   *
   * @param units an empty table, folding case as the stores do; receives the merged Latin units,
   *     which decode the grams passed to {@code sink}
   */
  public static CountSummary merge(List<NgramStore> stores, long minCount, UnitTable units,
      GramSink sink) throws IOException {
    return merge(stores, minCount, units, sink, 256L << 20, 1,
        Path.of(System.getProperty("java.io.tmpdir")));
  }

  /**
   * As {@link #merge(List, long, UnitTable, GramSink)}, within {@code memoryBytes} of hash table
   * (24 bytes a slot; the sorted copy of a full table as much again), spilling sorted runs to
   * {@code tempDir}, and merging them on {@code threads} threads.
   */
  public static CountSummary merge(List<NgramStore> stores, long minCount, UnitTable units,
      GramSink sink, long memoryBytes, int threads, Path tempDir) throws IOException {
    return merge(stores, minCount, units, sink, memoryBytes, threads, tempDir, m -> { });
  }

  /**
   * As {@link #merge(List, long, UnitTable, GramSink, long, int, Path)}. Past the table's limit
   * of {@link UnitTable#MAX_LATIN} distinct Latin units (in the stores' order), a later unit is
   * left out, and so is every gram holding it, as a corpus read whole would read that run as a
   * boundary; {@code warnings} then gets one line saying how many (the totals of positions and
   * clauses, summed from the stores, still count them).
   */
  public static CountSummary merge(List<NgramStore> stores, long minCount, UnitTable units,
      GramSink sink, long memoryBytes, int threads, Path tempDir,
      java.util.function.Consumer<String> warnings) throws IOException {
    if (stores.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge");
    }
    int order = Grams.MAX_ORDER;
    long storeMin = 1;
    long clauses = 0;
    long chars = 0;
    long total = 0;
    NgramStore highest = null;
    long[] positions = new long[Grams.MAX_ORDER + 1];
    for (NgramStore s : stores) {
      order = Math.min(order, s.order());
      // A store of an empty corpus pruned nothing, whatever min count it records.
      if (s.positions(1) > 0 && s.minCount() > storeMin) {
        storeMin = s.minCount();
        highest = s;
      }
      clauses += s.summary().clauses();
      chars += s.summary().chars();
      total += s.size();
      for (int n = 1; n <= Grams.MAX_ORDER; n++) {
        positions[n] += s.positions(n);
      }
    }
    for (int n = order + 1; n <= Grams.MAX_ORDER; n++) {
      positions[n] = 0;
    }
    long slots = Math.max(1 << 16, Math.min(1L << 28, memoryBytes / 48));
    GramTable table = new GramTable((int) Math.min(slots, Math.max(16, total * 2)), 0.7);
    List<SortedRun> runs = new ArrayList<>();
    long cut = Math.max(minCount, storeMin);
    if (minCount < storeMin) {
      warnings.accept("--min-count " + minCount + " is below the --min-count " + storeMin + " "
          + highest.path() + " was counted with: the merged store keeps the grams seen "
          + storeMin + " times or more");
    }
    long[] distinct = {0};
    long beyond = 0;
    long[] droppedGrams = {0};
    try {
      int ord = order;
      long[] tmp = new long[2];
      int[] scratch = new int[Grams.MAX_ORDER];
      for (NgramStore s : stores) {
        if (s.units().foldsCase() != units.foldsCase()) {
          throw new IllegalArgumentException("a unit table that " + (units.foldsCase()
              ? "folds" : "keeps") + " case cannot decode " + s.path() + ", counted "
              + s.normalization().describe());
        }
        // The store's forms with their counts, in its order: the merged table writes each unit
        // in the form most frequent over all the stores.
        units.addAll(s.units().forms());
        List<String> latin = s.units().latinKeys();
        int[] map = new int[latin.size()];
        boolean identity = true;
        for (int i = 0; i < map.length; i++) {
          map[i] = units.existingLatinId(latin.get(i));
          if (map[i] < 0) {
            beyond++; // the table is full: this unit is left out, and its grams below
          }
          identity &= map[i] == UnitTable.LATIN_BASE + i;
        }
        boolean remapping = !identity;
        IOException[] failure = {null};
        s.forEach((hi, lo, c) -> {
          if (Grams.length(hi, lo) > ord || failure[0] != null) {
            return;
          }
          if (remapping) {
            if (!remap(hi, lo, map, tmp, scratch) && tmp[0] < 0) {
              droppedGrams[0]++;
              return;
            }
            table.add(tmp[0], tmp[1], c);
          } else {
            table.add(hi, lo, c);
          }
          if (table.isFull()) {
            try {
              spillTable(table, runs, tempDir);
            } catch (IOException e) {
              failure[0] = e;
            }
          }
        });
        if (failure[0] != null) {
          throw failure[0];
        }
      }
      if (table.size() > 0) {
        runs.add(table.drainSorted());
      }
      RunMerger.merge(runs, cut, (hi, lo, c) -> {
        distinct[0]++;
        sink.accept(hi, lo, c);
      }, threads, tempDir, memoryBytes / 4);
    } finally {
      for (SortedRun r : runs) {
        r.delete();
      }
    }
    if (beyond > 0) {
      warnings.accept(String.format(java.util.Locale.ROOT, "%,d Latin/digit runs of the stores"
          + " came after the first %,d and are left out, with the %,d grams holding them, as"
          + " counting the corpus whole would read them as boundaries (the totals of positions"
          + " and clauses still count them)", beyond, UnitTable.MAX_LATIN, droppedGrams[0]));
    }
    long distinctGrams = distinct[0];
    return new CountSummary(order, cut, units, positions, clauses, chars, distinctGrams, 0);
  }

  /** Sorts the full table into a run on disk and empties it. */
  private static void spillTable(GramTable table, List<SortedRun> runs, Path tempDir)
      throws IOException {
    SortedRun run = table.drainSorted();
    runs.add(run);
    run.spill(tempDir);
  }

  /**
   * Remaps the Latin ids of a gram into {@code out}, using {@code u} (6 ints) as scratch; returns
   * false if nothing changed. A unit mapped to -1 (left out) makes {@code out[0]} -1 and the
   * result false.
   */
  static boolean remap(long hi, long lo, int[] map, long[] out, int[] u) {
    int n = Grams.length(hi, lo);
    boolean changed = false;
    for (int i = 0; i < n; i++) {
      int id = Grams.unit(hi, lo, i);
      if (UnitTable.isLatinId(id)) {
        int m = map[id - UnitTable.LATIN_BASE];
        if (m < 0) {
          out[0] = -1;
          return false;
        }
        changed |= m != id;
        id = m;
      }
      u[i] = id;
    }
    out[0] = changed ? Grams.hi(u, 0, n) : hi;
    out[1] = changed ? Grams.lo(u, 0, n) : lo;
    return changed;
  }
}
