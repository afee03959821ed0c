package dev.ciku.count;

/**
 * A growable open-addressing hash table from packed grams to counts, for random access after
 * counting (cohesion needs the counts of every split of a candidate). It doubles when 60% full;
 * memory is 24 bytes a slot, so about 40-80 bytes a gram. Key {@code (0, 0)} is never a gram.
 *
 * <p>Not thread-safe while being filled; safe for concurrent {@link #get} afterwards.
 */
public final class GramIndex implements GramSink {
  private long[] his;
  private long[] los;
  private long[] counts;
  private int mask;
  private int size;

  /** @param expected number of grams expected (a hint) */
  public GramIndex(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 30, expected * 2L))) << 1;
    allocate(cap);
  }

  private void allocate(int cap) {
    his = new long[cap];
    los = new long[cap];
    counts = new long[cap];
    mask = cap - 1;
  }

  /** Sets the count of a gram not yet present (or adds to it). */
  @Override
  public void accept(long hi, long lo, long count) {
    if (size >= (mask + 1) * 0.6) {
      grow();
    }
    int i = (int) Grams.hash(hi, lo) & mask;
    while (true) {
      if (his[i] == hi && los[i] == lo) {
        counts[i] += count;
        return;
      }
      if (his[i] == 0 && los[i] == 0) {
        his[i] = hi;
        los[i] = lo;
        counts[i] = count;
        size++;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  private void grow() {
    long[] h = his;
    long[] l = los;
    long[] c = counts;
    allocate((mask + 1) * 2);
    size = 0;
    for (int i = 0; i < h.length; i++) {
      if (h[i] != 0 || l[i] != 0) {
        accept(h[i], l[i], c[i]);
      }
    }
  }

  /** The count of the gram, or 0 if absent. */
  public long get(long hi, long lo) {
    int i = (int) Grams.hash(hi, lo) & mask;
    while (true) {
      long h = his[i];
      if (h == hi && los[i] == lo) {
        return counts[i];
      }
      if (h == 0 && los[i] == 0) {
        return 0;
      }
      i = (i + 1) & mask;
    }
  }

  /** The count of {@code units[from..from+n)}, or 0. */
  public long get(int[] units, int from, int n) {
    return get(Grams.hi(units, from, n), Grams.lo(units, from, n));
  }

  /** Number of grams. */
  public int size() {
    return size;
  }

  /** Calls {@code sink} for every gram, in table order (not sorted). */
  public void forEach(GramSink sink) {
    for (int i = 0; i <= mask; i++) {
      if (his[i] != 0 || los[i] != 0) {
        sink.accept(his[i], los[i], counts[i]);
      }
    }
  }
}
