package dev.ciku.spark;

import dev.ciku.corpus.ClauseScanner;
import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.LatinForms;
import dev.ciku.corpus.UnitTable;
import dev.ciku.count.GramIndex;
import dev.ciku.count.Grams;
import dev.ciku.count.SequenceTable;
import dev.ciku.discover.CutFragments;
import dev.ciku.discover.CutPass;
import dev.ciku.discover.Cutter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * Discovery's cut pass on Spark: the cohesive set G and the unit table are broadcast, every
 * partition cuts its clauses with core's {@link Cutter} and counts its fragments; the distinct
 * fragments travel as packed {@code long[]} blocks ({@link Packed}), sent by the hash of each
 * fragment to a reduce partition, which sums them in core's tables ({@link CutFragments}); the
 * driver receives one count per distinct fragment and run.
 *
 * <p>Nothing is allocated per fragment on the way: a block holds up to {@link Packed#BLOCK}
 * longs. A task holds its tables ({@link Cutter}'s fragments on the map side, the sums of its
 * share of the fragments on the reduce side) and the blocks it sends up to half of the run
 * budget ({@link BlockSpool}; the rest wait on disk, in the executor's Spark local directories:
 * {@link TaskTempDir}), never the tables and a packed copy of all of them; a map task also
 * holds G (two longs a gram) and the unit table. The driver adds the blocks to its {@link
 * CutFragments} as they arrive, one reduce partition at a time. Immutable:
 * concurrent cuts share only the {@link JavaSparkContext}. The fragments' order on the driver
 * is not the CLI's, and need not be: discovery does not depend on the order its tables were
 * filled in (the Spark tests compare the word lists).
 *
 * <p>On counts made in the same run, a partition that meets a Latin unit the counting did not
 * see fails (the input changed between the passes). On a store given by the user
 * ({@code tally}), every partition counts its units instead (by id, and the occurrences of
 * units the store lacks all together), and the driver sums them ({@link CutPass.Read}): the
 * discoverer then checks, as the CLI does, that the store was counted from this corpus.
 */
final class SparkCutPass implements CutPass {
  private final JavaSparkContext sc;
  private final InputText text;
  private final JavaRDD<String> lines;
  private final LatinCase latinCase;
  private final boolean simplify;
  private final int partitions;
  private final boolean tally;
  private final long runMemory;

  /**
   * @param text the lines to cut; if the cut pass is their first ({@code tally}: the counts come
   *     from a store), {@link InputText#firstPassDone} is called once it has read them all
   * @param tally count the units read and report them ({@link #cut} returns them), for counts
   *     that come from a store rather than from counting these lines
   * @param runMemory a task's budget in bytes, as {@link SparkNgramCounter.Settings#runMemory}:
   *     half of it holds the packed blocks a task sends, the rest wait on disk
   */
  SparkCutPass(JavaSparkContext sc, InputText text, LatinCase latinCase, boolean simplify,
      int partitions, boolean tally, long runMemory) {
    dev.ciku.corpus.Params.atLeast("runMemory", runMemory, 1);
    this.sc = sc;
    this.text = text;
    this.lines = text.lines();
    this.latinCase = latinCase;
    this.simplify = simplify;
    this.partitions = partitions;
    this.tally = tally;
    this.runMemory = runMemory;
  }

  @Override
  public CutPass.Read cut(GramIndex g, int gMax, int maxLength, UnitTable units,
      CutFragments into) {
    long[] cohesive = new long[2 * g.size()];
    int[] k = {0};
    g.forEach((hi, lo, c) -> {
      cohesive[k[0]++] = hi;
      cohesive[k[0]++] = lo;
    });
    Broadcast<long[]> bg = sc.broadcast(cohesive);
    Broadcast<LatinForms> latin = sc.broadcast(units.forms());
    LatinCase lc = latinCase;
    boolean simp = simplify;
    boolean count = tally;
    long memory = runMemory;
    int reduce = partitions > 0 ? partitions : Math.max(1, lines.getNumPartitions());
    UnitCounts read = tally ? new UnitCounts(UnitTable.LATIN_BASE + units.latinCount()) : null;
    try {
      Iterator<long[]> it = lines
          .mapPartitionsToPair(p -> cutPartition(p, bg.value(), latin.value(), gMax, maxLength,
              lc, simp, reduce, count, memory, TaskTempDir.current()))
          .partitionBy(new BlockPartitioner(reduce))
          .mapPartitions(p -> sumPartition(p, memory, TaskTempDir.current()))
          .toLocalIterator();
      while (it.hasNext()) {
        long[] block = it.next();
        if (block[0] == UnitCounts.UNITS || block[0] == UnitCounts.OTHER) {
          read.add(block);
        } else {
          Packed.read(block, into);
        }
      }
      // Every partition has been cut: what the records held is said before the driver goes on
      // (nothing if an earlier pass, the count's scan, said it).
      text.firstPassDone();
    } finally {
      bg.destroy();
      latin.destroy();
    }
    return read == null ? null : read.toRead();
  }

  /**
   * Map side: cut one partition, send its distinct fragments in blocks by reduce partition. The
   * blocks go through a {@link BlockSpool} of half of {@code runMemory} (the rest wait in
   * {@code tmp}): the cutter's tables and a packed copy of all of them are never in memory
   * together.
   */
  static Iterator<Tuple2<Integer, long[]>> cutPartition(Iterator<String> lines, long[] cohesive,
      LatinForms latin, int gMax, int maxLength, LatinCase latinCase, boolean simplify,
      int reduce, boolean tally, long runMemory, Path tmp) throws IOException {
    UnitTable units = Lines.table(latin, latinCase);
    int known = units.latinCount();
    GramIndex g = new GramIndex(cohesive.length / 2);
    for (int i = 0; i < cohesive.length; i += 2) {
      g.accept(cohesive[i], cohesive[i + 1], 1);
    }
    Cutter cutter = new Cutter(g, gMax, maxLength);
    long[][] counts = {tally ? new long[UnitTable.LATIN_BASE + known] : null};
    Lines.feed(lines, new ClauseScanner(units, latinCase, simplify,
        (u, length, owned, start, end) -> {
          if (counts[0] != null) {
            // Positions up to owned are this chunk's own; the rest start the next chunk again.
            for (int i = 0, to = end ? length : owned; i < to; i++) {
              if (u[i] >= counts[0].length) {
                counts[0] = Arrays.copyOf(counts[0], Math.max(u[i] + 1,
                    counts[0].length + (counts[0].length >> 1)));
              }
              counts[0][u[i]]++;
            }
          }
          cutter.clause(u, 0, length, owned, end);
        }));
    BlockSpool out = new BlockSpool(Math.max(1, runMemory / 2), tmp);
    if (tally) {
      // Sent to reduce partition 0 and on to the driver as they are.
      for (long[] block : UnitCounts.blocks(counts[0], UnitTable.LATIN_BASE + known)) {
        out.add(0, block);
      }
    } else {
      Lines.checkNoNewUnits(units, known);
    }
    Packed.write(cutter.fragments(), reduce, into(out));
    return out.drain();
  }

  /**
   * Reduce side: sum the blocks of one partition, send the sums back in blocks (unit counts go
   * on as they are), through a {@link BlockSpool} of half of {@code runMemory} (the rest wait in
   * {@code tmp}): the summed tables and a packed copy of all of them are never in memory
   * together.
   */
  static Iterator<long[]> sumPartition(Iterator<Tuple2<Integer, long[]>> in, long runMemory,
      Path tmp) throws IOException {
    CutFragments sum = new CutFragments();
    BlockSpool out = new BlockSpool(Math.max(1, runMemory / 2), tmp);
    while (in.hasNext()) {
      long[] block = in.next()._2();
      if (block[0] == UnitCounts.UNITS || block[0] == UnitCounts.OTHER) {
        out.add(0, block);
      } else {
        Packed.read(block, sum);
      }
    }
    Packed.write(sum, 1, into(out));
    return out.drainBlocks();
  }

  /** A sink that adds each block to {@code spool}, tagged with its reduce partition. */
  private static Packed.Sink into(BlockSpool spool) {
    return (r, block) -> {
      try {
        spool.add(r, block);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /**
   * The units of a cut pass on a store's counts: each partition's counts by unit id and its
   * occurrences of units the store's table lacks, as blocks of longs; the driver's sum of them.
   */
  static final class UnitCounts {
    /** A block {@code UNITS, id, count, id, count, ...}. */
    static final long UNITS = 6;
    /** A block {@code OTHER, occurrences of units the store lacks}. */
    static final long OTHER = 7;
    /** Id-count pairs a block of unit counts holds at most. */
    private static final int PAIRS = 1 << 12;

    private final long[] counts;
    private long other;

    UnitCounts(int ids) {
      this.counts = new long[ids];
    }

    /**
     * The blocks of one partition's {@code counts} (by unit id; ids from {@code limit} on are
     * units the store lacks): the ids below it that occurred, and how often the others did.
     */
    static List<long[]> blocks(long[] counts, int limit) {
      List<long[]> out = new ArrayList<>();
      long[] ids = new long[1 + 2 * PAIRS];
      ids[0] = UNITS;
      int used = 1;
      long other = 0;
      for (int u = 0; u < counts.length; u++) {
        if (counts[u] == 0) {
          continue;
        }
        if (u >= limit) {
          other += counts[u];
          continue;
        }
        if (used == ids.length) {
          out.add(ids);
          ids = new long[ids.length];
          ids[0] = UNITS;
          used = 1;
        }
        ids[used++] = u;
        ids[used++] = counts[u];
      }
      if (used > 1) {
        out.add(Arrays.copyOf(ids, used));
      }
      if (other > 0) {
        out.add(new long[] {OTHER, other});
      }
      return out;
    }

    /** Adds a block of {@link #blocks}. */
    void add(long[] block) {
      if (block[0] == OTHER) {
        other += block[1];
        return;
      }
      for (int i = 1; i < block.length; i += 2) {
        counts[(int) block[i]] += block[i + 1];
      }
    }

    /** The sums, as a cut pass reports them. */
    CutPass.Read toRead() {
      return new CutPass.Read(counts, other);
    }
  }

  /**
   * The packed form of cut fragments: blocks of longs, each starting with its kind. Short
   * fragments and runs of single units are {@code hi, lo, count} triples (a packed gram);
   * longer fragments and stretches that are only segmented are {@code n, u1..un, count}; the
   * count of all fragments is one block of its own. A fragment goes to the reduce partition its
   * hash gives, so every copy of it meets in one place.
   */
  static final class Packed {
    /** Longs a block holds at most (8 MB). */
    static final int BLOCK = 1 << 20;
    static final long SHORT = 1;
    static final long RUNS = 2;
    static final long LONG = 3;
    static final long SEGMENT_ONLY = 4;
    static final long TOTAL = 5;

    private Packed() {}

    /** Receives a full block for reduce partition {@code r}. */
    @FunctionalInterface
    interface Sink {
      void block(int r, long[] block);
    }

    /** Packs {@code f} into blocks for {@code reduce} partitions. */
    static void write(CutFragments f, int reduce, Sink sink) {
      Buffers b = new Buffers(reduce, sink);
      b.kind(SHORT);
      f.shortFragments().forEach((hi, lo, c) -> b.gram(hi, lo, c));
      b.kind(RUNS);
      f.singleRuns().forEach((hi, lo, c) -> b.gram(hi, lo, c));
      b.kind(LONG);
      f.longFragments().forEach(b::sequence);
      b.kind(SEGMENT_ONLY);
      f.segmentOnly().forEach(b::sequence);
      b.flush();
      if (f.count() > 0) {
        sink.block(0, new long[] {TOTAL, f.count()});
      }
    }

    /** Adds the fragments of {@code block} to {@code into}. */
    static void read(long[] block, CutFragments into) {
      long kind = block[0];
      if (kind == TOTAL) {
        into.addCount(block[1]);
      } else if (kind == SHORT || kind == RUNS) {
        GramIndex t = kind == SHORT ? into.shortFragments() : into.singleRuns();
        for (int i = 1; i < block.length; i += 3) {
          t.accept(block[i], block[i + 1], block[i + 2]);
        }
      } else if (kind == LONG || kind == SEGMENT_ONLY) {
        SequenceTable t = kind == LONG ? into.longFragments() : into.segmentOnly();
        int[] u = new int[16];
        for (int i = 1; i < block.length; ) {
          int n = (int) block[i++];
          if (u.length < n) {
            u = new int[Math.max(n, 2 * u.length)];
          }
          for (int j = 0; j < n; j++) {
            u[j] = (int) block[i++];
          }
          t.add(u, 0, n, block[i++]);
        }
      } else {
        throw new IllegalStateException("not a block of cut fragments: kind " + kind);
      }
    }

    /** One buffer per reduce partition, flushed when full or when the kind changes. */
    private static final class Buffers {
      private final long[][] buf;
      private final int[] used;
      private final Sink sink;
      private long kind;

      Buffers(int reduce, Sink sink) {
        this.buf = new long[reduce][];
        this.used = new int[reduce];
        this.sink = sink;
      }

      void kind(long k) {
        flush();
        kind = k;
      }

      void gram(long hi, long lo, long c) {
        int r = (int) Long.remainderUnsigned(Grams.hash(hi, lo), buf.length);
        long[] b = room(r, 3);
        b[used[r]++] = hi;
        b[used[r]++] = lo;
        b[used[r]++] = c;
      }

      void sequence(int[] units, int from, int n, long c) {
        long h = 1;
        for (int i = from; i < from + n; i++) {
          h = h * 0x9E3779B97F4A7C15L + units[i];
        }
        int r = (int) Long.remainderUnsigned(h ^ (h >>> 29), buf.length);
        long[] b = room(r, n + 2);
        b[used[r]++] = n;
        for (int i = from; i < from + n; i++) {
          b[used[r]++] = units[i];
        }
        b[used[r]++] = c;
      }

      /** The buffer of {@code r} with room for {@code longs} more (a new one if it is full). */
      private long[] room(int r, int longs) {
        if (buf[r] != null && used[r] + longs > buf[r].length) {
          if (buf[r].length < BLOCK && used[r] + longs <= BLOCK) {
            buf[r] = Arrays.copyOf(buf[r], Math.min(BLOCK, Math.max(used[r] + longs,
                2 * buf[r].length)));
          } else {
            emit(r);
          }
        }
        if (buf[r] == null) {
          buf[r] = new long[Math.max(1 + longs, 1024)];
          buf[r][0] = kind;
          used[r] = 1;
        }
        return buf[r];
      }

      private void emit(int r) {
        if (buf[r] != null && used[r] > 1) {
          sink.block(r, Arrays.copyOf(buf[r], used[r]));
        }
        buf[r] = null;
        used[r] = 0;
      }

      void flush() {
        for (int r = 0; r < buf.length; r++) {
          emit(r);
        }
      }
    }
  }
}
