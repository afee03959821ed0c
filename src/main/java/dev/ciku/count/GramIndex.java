package dev.ciku.count;

/**
 * A growable open-addressing hash table from packed grams to counts, for random access after
 * counting (cohesion needs the counts of every split of a candidate). It doubles when 60% full;
 * memory is 24 bytes a slot, so about 40-80 bytes a gram. Key {@code (0, 0)} is never a gram.
 *
 * <p>Not thread-safe while being filled; safe for concurrent {@link #get} afterwards.
 */
public final class GramIndex implements GramSink {
  private long[] slots;
  private int mask;
  private int size;

  /** @param expected number of grams expected (a hint) */
  public GramIndex(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 28, expected * 2L))) << 1;
    slots = new long[cap * 3];
    mask = cap - 1;
  }

  /** Adds {@code count} to the gram's count (inserting it if absent). */
  @Override
  public void accept(long hi, long lo, long count) {
    if (size >= (mask + 1) * 0.6) {
      grow();
    }
    long[] s = slots;
    int i = (int) Grams.hash(hi, lo) & mask;
    while (true) {
      int p = i * 3;
      if (s[p] == hi && s[p + 1] == lo) {
        s[p + 2] += count;
        return;
      }
      if (s[p] == 0 && s[p + 1] == 0) {
        s[p] = hi;
        s[p + 1] = lo;
        s[p + 2] = count;
        size++;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  private void grow() {
    long[] old = slots;
    int cap = (mask + 1) * 2;
    slots = new long[cap * 3];
    mask = cap - 1;
    size = 0;
    for (int p = 0; p < old.length; p += 3) {
      if (old[p] != 0 || old[p + 1] != 0) {
        accept(old[p], old[p + 1], old[p + 2]);
      }
    }
  }

  /** The count of the gram, or 0 if absent. */
  public long get(long hi, long lo) {
    long[] s = slots;
    int i = (int) Grams.hash(hi, lo) & mask;
    while (true) {
      int p = i * 3;
      long h = s[p];
      long l = s[p + 1];
      if (h == hi && l == lo) {
        return s[p + 2];
      }
      if (h == 0 && l == 0) {
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
    long[] s = slots;
    for (int p = 0; p < s.length; p += 3) {
      if (s[p] != 0 || s[p + 1] != 0) {
        sink.accept(s[p], s[p + 1], s[p + 2]);
      }
    }
  }
}
