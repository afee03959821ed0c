package dev.ciku.store;

import dev.ciku.count.CountSummary;
import dev.ciku.count.GramSink;
import dev.ciku.count.GramTable;
import dev.ciku.count.Grams;
import dev.ciku.count.RunMerger;
import dev.ciku.count.SortedRun;
import dev.ciku.corpus.UnitTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges stores counted apart (shards of one corpus, or later data) into one: counts of equal
 * grams are summed, totals added. Latin units are re-numbered into one unit table (the first
 * store's ids are kept); grams whose ids change are re-sorted in memory, all others stream
 * straight from the mapped files.
 *
 * <p>Exact when every shard was counted with {@code --min-count 1}; with a higher min-count a
 * gram's merged count misses its occurrences in shards where it fell below that shard's cut.
 */
public final class StoreMerger {
  private StoreMerger() {}

  /**
   * Merges {@code stores} into {@code sink}; returns the merged header data.
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
    long[] positions = new long[Grams.MAX_ORDER + 1];
    List<SortedRun.Cursor> cursors = new ArrayList<>();
    for (NgramStore s : stores) {
      order = Math.min(order, s.order());
      storeMin = Math.max(storeMin, s.minCount());
      clauses += s.summary().clauses();
      chars += s.summary().chars();
      for (int n = 1; n <= Grams.MAX_ORDER; n++) {
        positions[n] += s.positions(n);
      }
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
      if (identity) {
        cursors.add(new StoreCursor(s, order, null, null));
      } else {
        List<long[]> moved = new ArrayList<>();
        cursors.add(new StoreCursor(s, order, map, moved));
        cursors.add(new MovedCursor(s, order, map));
      }
    }
    for (int n = order + 1; n <= Grams.MAX_ORDER; n++) {
      positions[n] = 0;
    }
    long[] distinct = {0};
    long cut = Math.max(minCount, storeMin);
    RunMerger.mergeCursors(cursors, cut, (hi, lo, c) -> {
      distinct[0]++;
      sink.accept(hi, lo, c);
    });
    return new CountSummary(order, cut, units, positions, clauses, chars, distinct[0], 0);
  }

  /** Remaps the Latin ids of a gram; returns false if nothing changed. */
  static boolean remap(long hi, long lo, int[] map, long[] out) {
    int n = Grams.length(hi, lo);
    boolean changed = false;
    for (int i = 0; i < n; i++) {
      int id = Grams.unit(hi, lo, i);
      if (UnitTable.isLatinId(id) && map[id - UnitTable.LATIN_BASE] != id) {
        changed = true;
        break;
      }
    }
    if (!changed) {
      out[0] = hi;
      out[1] = lo;
      return false;
    }
    int[] u = new int[Grams.MAX_ORDER];
    for (int i = 0; i < n; i++) {
      int id = Grams.unit(hi, lo, i);
      if (UnitTable.isLatinId(id)) {
        int m = map[id - UnitTable.LATIN_BASE];
        changed |= m != id;
        id = m;
      }
      u[i] = id;
    }
    out[0] = Grams.hi(u, 0, n);
    out[1] = Grams.lo(u, 0, n);
    return changed;
  }

  /** The entries of a store whose ids do not change, up to {@code order}. */
  private static final class StoreCursor extends SortedRun.Cursor {
    private final NgramStore store;
    private final int order;
    private final int[] map;
    private final long[] tmp = new long[2];
    private long i = -1;

    StoreCursor(NgramStore store, int order, int[] map, List<long[]> unused) {
      this.store = store;
      this.order = order;
      this.map = map;
    }

    @Override
    public boolean next() {
      while (++i < store.size()) {
        long h = store.hi(i);
        long l = store.lo(i);
        if (Grams.length(h, l) > order) {
          continue;
        }
        if (map != null && remap(h, l, map, tmp)) {
          continue;
        }
        hi = h;
        lo = l;
        count = store.count(i);
        return true;
      }
      return false;
    }
  }

  /** The entries of a store whose Latin ids change, re-sorted under their new ids. */
  private static final class MovedCursor extends SortedRun.Cursor {
    private final SortedRun.Cursor inner;

    MovedCursor(NgramStore store, int order, int[] map) throws IOException {
      GramTable t = null;
      long[] tmp = new long[2];
      int moved = 0;
      for (long i = 0; i < store.size(); i++) {
        long h = store.hi(i);
        long l = store.lo(i);
        if (Grams.length(h, l) <= order && remap(h, l, map, tmp)) {
          moved++;
        }
      }
      t = new GramTable(Math.max(16, (int) Math.min(1 << 30, moved * 2L)), 0.75);
      for (long i = 0; i < store.size(); i++) {
        long h = store.hi(i);
        long l = store.lo(i);
        if (Grams.length(h, l) <= order && remap(h, l, map, tmp)) {
          t.add(tmp[0], tmp[1], store.count(i));
        }
      }
      inner = t.drainSorted().cursor();
    }

    @Override
    public boolean next() throws IOException {
      if (!inner.next()) {
        return false;
      }
      hi = inner.hi();
      lo = inner.lo();
      count = inner.count();
      return true;
    }
  }
}
