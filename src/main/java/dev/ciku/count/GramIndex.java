package dev.ciku.count;

import dev.ciku.corpus.Chunks;

/**
 * A growable hash table from packed grams to counts, for random access after counting (cohesion
 * needs the counts of every split of a candidate): {@link GramTable}s, each replaced by one of
 * twice the capacity when 60% full, with the single units also in a small table of their own.
 * Filled gram by gram ({@link #accept}) it is one table; filled at once from blocks
 * ({@link #fill}) it is 16 to 32 tables of one power-of-two size, chosen by the top half of a
 * gram's hash, built in parallel; their number is chosen for the grams so that each is about
 * half full. Memory is 24 bytes a slot, so about 40-80 bytes a gram grown one by one, about 45-50
 * filled at once.
 *
 * <p>Not thread-safe while being filled; safe for concurrent {@link #get} afterwards.
 */
public final class GramIndex implements GramSink, GramSource {
  private static final double LOAD = 0.6;
  /** The bits of {@code hi} below the first unit: zero, with {@code lo} zero, for a single unit. */
  private static final long BELOW_FIRST = (1L << (2 * Grams.BITS)) - 1;
  /**
   * Fewest tables of an index made by {@link #fill}. Their number depends on the number of grams
   * only, never on the thread count, and so does the layout.
   */
  static final int MIN_SHARDS = 16;
  /** The load {@link #fill} aims each table at: below {@link #LOAD}, for the spread of sizes. */
  private static final double FILL_LOAD = 0.55;
  /** One table, or several chosen by {@link #shard}. */
  private GramTable[] tables;
  /**
   * The single units again, in a table of their own: a few hundred kilobytes at most (24 bytes a
   * slot; 16,384 slots for 5,000 units), mostly in the cache, where about half the look-ups of
   * cohesion, which are for single units, would otherwise go to a table of many megabytes.
   */
  private GramTable units = new GramTable(16, LOAD);

  /** @param expected number of grams expected (a hint) */
  public GramIndex(int expected) {
    tables = new GramTable[] {new GramTable(
        (int) Math.min(1 << 28, Math.max(16, (long) (expected / LOAD))), LOAD)};
  }

  private GramTable table(long hi, long lo) {
    GramTable[] t = tables;
    return t.length == 1 ? t[0] : t[shard(Grams.hash(hi, lo), t.length)];
  }

  /**
   * The table of a gram whose hash is {@code hash} among {@code n}: the top 32 bits scaled to
   * {@code 0..n-1} (a table's slot comes from the low bits).
   */
  private static int shard(long hash, int n) {
    return (int) (((hash >>> 32) * n) >>> 32);
  }

  /**
   * How many tables {@link #fill} makes for {@code grams} grams, and their size: the power of
   * two {@code p} and the count {@code n} in {@code [16, 32]} for which {@code n · p ·}
   * {@value #FILL_LOAD} is about {@code grams}.
   */
  static int[] shape(long grams) {
    long per = Math.max(16, (long) Math.ceil(grams / (FILL_LOAD * MIN_SHARDS)));
    long p = Long.highestOneBit(per);
    int n = (int) Math.max(MIN_SHARDS, Math.ceil(grams / (FILL_LOAD * p)));
    return new int[] {n, (int) Math.min(p, 1 << 28)};
  }

  /** Adds {@code count} to the gram's count (inserting it if absent). */
  @Override
  public void accept(long hi, long lo, long count) {
    int k = tables.length == 1 ? 0 : shard(Grams.hash(hi, lo), tables.length);
    if (tables[k].isFull()) {
      tables[k] = copied(tables[k], tables[k].capacity() * 2);
    }
    tables[k].add(hi, lo, count);
    if (isUnit(hi, lo)) {
      addUnit(hi, lo, count);
    }
  }

  private static boolean isUnit(long hi, long lo) {
    return lo == 0 && (hi & BELOW_FIRST) == 0;
  }

  private void addUnit(long hi, long lo, long count) {
    if (units.isFull()) {
      units = copied(units, units.capacity() * 2);
    }
    units.add(hi, lo, count);
  }

  /**
   * Fills this empty index with {@code grams} (each gram once), as the tables of
   * {@link #shape} built on {@code threads} threads (a table given more grams than the load
   * allows is made larger; none grows). The layout, and so {@link #forEach} order, depends on
   * the grams and their order only, not on the thread count.
   * Cost: a read of all the blocks a thread plus its share of a counting read, and one insertion
   * a gram, divided among the threads; then a pass on the calling thread for the single units.
   *
   * @throws IllegalStateException if the index is not empty
   */
  public void fill(GramBlocks grams, int threads) {
    if (size() != 0) {
      throw new IllegalStateException("fill needs an empty index, this one holds " + size());
    }
    int[] shape = shape(grams.size());
    int shards = shape[0];
    int workers = Math.max(1, Math.min(threads, shards));
    long[][] counts = new long[workers][shards];
    Chunks.run(workers, workers, w -> {
      for (int k = w; k < grams.blockCount(); k += workers) {
        long[] b = grams.block(k);
        int end = 3 * grams.entries(k);
        for (int p = 0; p < end; p += 3) {
          counts[w][shard(Grams.hash(b[p], b[p + 1]), shards)]++;
        }
      }
    });
    GramTable[] built = new GramTable[shards];
    Chunks.run(workers, workers, w -> {
      for (int s = w; s < shards; s += workers) {
        long n = 0;
        for (long[] c : counts) {
          n += c[s];
        }
        if (n > (long) ((1 << 28) * LOAD)) {
          throw new IllegalStateException("too many grams for the index: " + n + " in one of "
              + shards + " tables");
        }
        // The shape's size, unless the hash gave this table more than it holds at LOAD.
        built[s] = new GramTable((int) Math.max(shape[1], (long) (n / LOAD) + 1), LOAD);
      }
      for (int k = 0; k < grams.blockCount(); k++) {
        long[] b = grams.block(k);
        int end = 3 * grams.entries(k);
        for (int p = 0; p < end; p += 3) {
          int s = shard(Grams.hash(b[p], b[p + 1]), shards);
          if (s % workers == w) {
            built[s].add(b[p], b[p + 1], b[p + 2]);
          }
        }
      }
    });
    tables = built;
    grams.forEach((hi, lo, c) -> {
      if (isUnit(hi, lo)) {
        addUnit(hi, lo, c);
      }
    });
  }

  /**
   * Adds every gram of {@code other} to this index. A one-table index is first grown to hold
   * both and to be at least as large as {@code other}'s table, so that copying in {@code other}'s
   * table order does not pile entries into long probe runs. Cost: O(size + other.size()).
   */
  public void addAll(GramIndex other) {
    if (tables.length == 1 && other.tables.length == 1) {
      long need = Math.max((long) ((size() + (double) other.size()) / LOAD) + 1,
          other.tables[0].capacity());
      if (tables[0].capacity() < need) {
        long cap = tables[0].capacity();
        while (cap < need) {
          cap *= 2;
        }
        tables[0] = copied(tables[0], (int) Math.min(cap, 1 << 29));
      }
    }
    other.forEach(this);
  }

  /** A table of {@code capacity} slots holding the entries of {@code t}. */
  private static GramTable copied(GramTable t, int capacity) {
    GramTable bigger = new GramTable(capacity, LOAD);
    t.forEach(bigger::add);
    return bigger;
  }

  /** The count of the gram, or 0 if absent. */
  public long get(long hi, long lo) {
    return isUnit(hi, lo) ? units.get(hi, lo) : table(hi, lo).get(hi, lo);
  }

  /** The count of {@code units[from..from+n)}, or 0. */
  public long get(int[] units, int from, int n) {
    long hi = Grams.hi(units, from, n);
    long lo = Grams.lo(units, from, n);
    return table(hi, lo).get(hi, lo);
  }

  /** Number of grams. */
  public int size() {
    int n = 0;
    for (GramTable t : tables) {
      n += t.size();
    }
    return n;
  }

  /** Calls {@code sink} for every gram, in table order (not sorted). */
  public void forEach(GramSink sink) {
    for (GramTable t : tables) {
      t.forEach(sink);
    }
  }

  /**
   * Calls {@code sink} for every single unit, in the order of their own small table (not that of
   * {@link #forEach(GramSink)}). Cost: a pass over that table only, not over the grams.
   */
  public void forEachUnit(GramSink sink) {
    units.forEach(sink);
  }

  /**
   * Calls {@code sink} for the grams of part {@code part} of {@code parts} equal slices of the
   * slots of all tables, in table order: the
   * parts in order visit what {@link #forEach(GramSink)} visits, and may be read on several
   * threads.
   */
  @Override
  public void forEach(int part, int parts, GramSink sink) {
    if (part < 0 || part >= parts) {
      throw new IndexOutOfBoundsException("part " + part + " of " + parts);
    }
    long total = 0;
    for (GramTable t : tables) {
      total += t.capacity();
    }
    long from = total * part / parts;
    long to = total * (part + 1) / parts;
    long start = 0;
    for (GramTable t : tables) {
      long end = start + t.capacity();
      if (end > from && start < to) {
        t.forEachSlot(Math.max(from, start) - start, Math.min(to, end) - start, sink);
      }
      start = end;
    }
  }
}
