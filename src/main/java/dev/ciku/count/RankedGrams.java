package dev.ciku.count;

import java.util.Arrays;

/**
 * Collects grams and hands them back ordered by count (descending, ties in gram order), keeping
 * either all of them or only the top {@code k} (a bounded heap: memory O(k)). Grams are held in
 * parallel primitive arrays, 24 bytes each. The ranking is a total order, so the result does not
 * depend on the order grams arrive in: ranges of grams may be ranked in {@link #part parts} on
 * several threads and {@link #join joined}. Not thread-safe.
 */
public final class RankedGrams implements PartitionedSink {
  private final int top;
  private final int limit;
  private long[] his;
  private long[] los;
  private long[] counts;
  private int size;
  private final boolean bounded;

  /** @param top keep only the best {@code top} grams; 0 or less keeps all */
  public RankedGrams(int top) {
    this.top = top;
    this.bounded = top > 0;
    this.limit = bounded ? top : Integer.MAX_VALUE - 16;
    int cap = bounded ? top : 1024;
    his = new long[cap];
    los = new long[cap];
    counts = new long[cap];
  }

  @Override
  public void accept(long hi, long lo, long count) {
    if (!bounded) {
      if (size == his.length) {
        int cap = (int) Math.min(limit, his.length * 2L);
        if (cap == size) {
          throw new IllegalStateException("too many grams to rank; use --top or --sort ngram");
        }
        his = Arrays.copyOf(his, cap);
        los = Arrays.copyOf(los, cap);
        counts = Arrays.copyOf(counts, cap);
      }
      set(size++, hi, lo, count);
      return;
    }
    if (size < limit) {
      set(size, hi, lo, count);
      up(size++);
    } else if (worse(0, hi, lo, count)) {
      set(0, hi, lo, count);
      down(0);
    }
  }

  @Override
  public RankedGrams part() {
    return new RankedGrams(top);
  }

  /** Offers every gram kept by {@code part} (a {@link RankedGrams} of the same size) to this one. */
  @Override
  public void join(PartitionedSink part) {
    RankedGrams p = (RankedGrams) part;
    if (p.top != top) {
      throw new IllegalArgumentException("part keeps " + p.top + " grams, this keeps " + top);
    }
    for (int i = 0; i < p.size; i++) {
      accept(p.his[i], p.los[i], p.counts[i]);
    }
    p.size = 0;
  }

  /** Calls {@code sink} for the kept grams, best first. Empties the collection. */
  public void drain(GramSink sink) {
    int n = size;
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> {
      int c = Long.compare(counts[b], counts[a]);
      return c != 0 ? c : Grams.compare(his[a], los[a], his[b], los[b]);
    });
    for (int i = 0; i < n; i++) {
      int k = idx[i];
      sink.accept(his[k], los[k], counts[k]);
    }
    size = 0;
  }

  private void set(int i, long hi, long lo, long count) {
    his[i] = hi;
    los[i] = lo;
    counts[i] = count;
  }

  /** True if the entry at {@code i} ranks below (hi, lo, count). */
  private boolean worse(int i, long hi, long lo, long count) {
    if (counts[i] != count) {
      return counts[i] < count;
    }
    return Grams.compare(his[i], los[i], hi, lo) > 0;
  }

  private boolean worseAt(int i, int j) {
    return worse(i, his[j], los[j], counts[j]);
  }

  private void up(int i) {
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (!worseAt(i, p)) {
        break;
      }
      swap(i, p);
      i = p;
    }
  }

  private void down(int i) {
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        return;
      }
      int w = l;
      if (l + 1 < size && worseAt(l + 1, l)) {
        w = l + 1;
      }
      if (!worseAt(w, i)) {
        return;
      }
      swap(i, w);
      i = w;
    }
  }

  private void swap(int a, int b) {
    long t = his[a];
    his[a] = his[b];
    his[b] = t;
    t = los[a];
    los[a] = los[b];
    los[b] = t;
    t = counts[a];
    counts[a] = counts[b];
    counts[b] = t;
  }
}
