package dev.ciku.store;

import dev.ciku.count.CountSummary;
import dev.ciku.count.GramSink;
import dev.ciku.count.GramTable;
import dev.ciku.count.Grams;
import dev.ciku.count.SortedRun;
import dev.ciku.corpus.UnitTable;
import java.io.IOException;
import java.util.List;

/**
 * Merges stores counted apart (shards of one corpus, or later data) into one: counts of equal
 * grams are summed, totals added. Latin units are re-numbered into one unit table (the first
 * store's ids are kept).
 *
 * <p>Stores iterate in hash order, so the merge sums every gram into one on-heap hash table
 * presized for the sum of the store sizes, then sorts it: the merged grams reach the sink in
 * gram order, as the counter's output does. Memory: 72-120 bytes a merged gram on the heap
 * (a table of 2-4 slots a gram, plus the sorted arrays). Not thread-safe.
 *
 * <p>Exact when every shard was counted with {@code --min-count 1}; with a higher min-count a
 * gram's merged count misses its occurrences in shards where it fell below that shard's cut.
 */
public final class StoreMerger {
  private StoreMerger() {}

  /**
   * Merges {@code stores} into {@code sink} (in gram order); returns the merged header data.
   *
   * @param units an empty table; receives the merged Latin units, which decode the grams passed
   *     to {@code sink}
   */
  public static CountSummary merge(List<NgramStore> stores, long minCount, UnitTable units,
      GramSink sink) throws IOException {
    if (stores.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge");
    }
    int order = Grams.MAX_ORDER;
    long storeMin = 1;
    long clauses = 0;
    long chars = 0;
    long total = 0;
    long[] positions = new long[Grams.MAX_ORDER + 1];
    for (NgramStore s : stores) {
      order = Math.min(order, s.order());
      storeMin = Math.max(storeMin, s.minCount());
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
    if (total * 2 > 1L << 29) {
      throw new IOException("too many grams to merge in memory: " + total);
    }
    GramTable table = new GramTable((int) Math.max(16, total * 2), 0.99);
    int ord = order;
    long[] tmp = new long[2];
    for (NgramStore s : stores) {
      List<String> latin = s.units().latinUnits();
      int[] map = new int[latin.size()];
      boolean identity = true;
      for (int i = 0; i < map.length; i++) {
        map[i] = units.latinId(latin.get(i));
        if (map[i] < 0) {
          throw new IOException("too many distinct Latin units to merge");
        }
        identity &= map[i] == UnitTable.LATIN_BASE + i;
      }
      boolean remapping = !identity;
      s.forEach((hi, lo, c) -> {
        if (Grams.length(hi, lo) > ord) {
          return;
        }
        if (remapping) {
          remap(hi, lo, map, tmp);
          table.add(tmp[0], tmp[1], c);
        } else {
          table.add(hi, lo, c);
        }
      });
    }
    long cut = Math.max(minCount, storeMin);
    long distinct = 0;
    try (SortedRun.Cursor cursor = table.drainSorted().cursor()) {
      while (cursor.next()) {
        if (cursor.count() >= cut) {
          distinct++;
          sink.accept(cursor.hi(), cursor.lo(), cursor.count());
        }
      }
    }
    return new CountSummary(order, cut, units, positions, clauses, chars, distinct, 0);
  }

  /** Remaps the Latin ids of a gram into {@code out}; returns false if nothing changed. */
  static boolean remap(long hi, long lo, int[] map, long[] out) {
    int n = Grams.length(hi, lo);
    int[] u = new int[Grams.MAX_ORDER];
    boolean changed = false;
    for (int i = 0; i < n; i++) {
      int id = Grams.unit(hi, lo, i);
      if (UnitTable.isLatinId(id)) {
        int m = map[id - UnitTable.LATIN_BASE];
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
