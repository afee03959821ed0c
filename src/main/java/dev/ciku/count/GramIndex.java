package dev.ciku.count;

/**
 * A growable hash table from packed grams to counts, for random access after counting (cohesion
 * needs the counts of every split of a candidate): a {@link GramTable} that is replaced by one of
 * twice the capacity when 60% full, with the single units also in a small table of their own.
 * Memory is 24 bytes a slot, so about 40-80 bytes a gram.
 *
 * <p>Not thread-safe while being filled; safe for concurrent {@link #get} afterwards.
 */
public final class GramIndex implements GramSink, GramSource {
  private static final double LOAD = 0.6;
  /** The bits of {@code hi} below the first unit: zero, with {@code lo} zero, for a single unit. */
  private static final long BELOW_FIRST = (1L << (2 * Grams.BITS)) - 1;
  private GramTable table;
  /**
   * The single units again, in a table of their own: a few hundred kilobytes at most (24 bytes a
   * slot; 16,384 slots for 5,000 units), mostly in the cache, where about half the look-ups of
   * cohesion, which are for single units, would otherwise go to a table of many megabytes.
   */
  private GramTable units = new GramTable(16, LOAD);

  /** @param expected number of grams expected (a hint) */
  public GramIndex(int expected) {
    table = new GramTable((int) Math.min(1 << 28, Math.max(16, (long) (expected / LOAD))), LOAD);
  }

  /** Adds {@code count} to the gram's count (inserting it if absent). */
  @Override
  public void accept(long hi, long lo, long count) {
    if (table.isFull()) {
      grow(table.capacity() * 2);
    }
    table.add(hi, lo, count);
    if (lo == 0 && (hi & BELOW_FIRST) == 0) {
      if (units.isFull()) {
        units = copied(units, units.capacity() * 2);
      }
      units.add(hi, lo, count);
    }
  }

  /**
   * Adds every gram of {@code other} to this index. The table is first grown to hold both and to
   * be at least as large as {@code other}'s, so that copying in {@code other}'s table order does
   * not pile entries into long probe runs. Cost: O(size + other.size()).
   */
  public void addAll(GramIndex other) {
    long need = Math.max((long) ((size() + (double) other.size()) / LOAD) + 1,
        other.table.capacity());
    if (table.capacity() < need) {
      long cap = table.capacity();
      while (cap < need) {
        cap *= 2;
      }
      grow((int) Math.min(cap, 1 << 29));
    }
    other.forEach(this);
  }

  private void grow(int capacity) {
    table = copied(table, capacity);
  }

  /** A table of {@code capacity} slots holding the entries of {@code t}. */
  private static GramTable copied(GramTable t, int capacity) {
    GramTable bigger = new GramTable(capacity, LOAD);
    t.forEach(bigger::add);
    return bigger;
  }

  /** The count of the gram, or 0 if absent. */
  public long get(long hi, long lo) {
    return lo == 0 && (hi & BELOW_FIRST) == 0 ? units.get(hi, lo) : table.get(hi, lo);
  }

  /** The count of {@code units[from..from+n)}, or 0. */
  public long get(int[] units, int from, int n) {
    return table.get(Grams.hi(units, from, n), Grams.lo(units, from, n));
  }

  /** Number of grams. */
  public int size() {
    return table.size();
  }

  /** Calls {@code sink} for every gram, in table order (not sorted). */
  public void forEach(GramSink sink) {
    table.forEach(sink);
  }

  /**
   * Calls {@code sink} for the grams of part {@code part} of {@code parts} equal slices of the
   * table ({@link GramTable#forEach(int, int, GramSink)}): parts may be read on several threads.
   */
  @Override
  public void forEach(int part, int parts, GramSink sink) {
    table.forEach(part, parts, sink);
  }
}
