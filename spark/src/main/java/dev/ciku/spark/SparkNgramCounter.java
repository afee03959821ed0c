package dev.ciku.spark;

import dev.ciku.corpus.ClauseScanner;
import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.LatinForms;
import dev.ciku.corpus.UnitTable;
import dev.ciku.count.ClauseCounter;
import dev.ciku.count.CountSummary;
import dev.ciku.count.GramSink;
import dev.ciku.count.RunMerger;
import dev.ciku.count.SortedRun;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Exact n-gram counts of a corpus on Spark, equal gram by gram to {@link
 * dev.ciku.count.NgramCounter}'s on the same text read in the same order.
 *
 * <ol>
 *   <li><b>Scan</b> (distributed, one {@link ClauseScanner} per partition): Latin units in order of
 *       first appearance, positions, clauses, characters, gram starts per bucket of first units.
 *       The driver receives the scans one at a time in partition order ({@link
 *       PartitionResults}), merges their Latin units into the unit table (the table a sequential
 *       read of the same input would build, so ids, gram order and the store are the CLI's), sums
 *       the rest ({@link PartitionScan.Totals}), and cuts the gram space into balanced ranges of
 *       first units.</li>
 *   <li><b>Count</b> (distributed): each partition counts its clauses with core's {@link
 *       ClauseCounter} (a hash table, sorted runs, spilling, a local merge: the map-side combine)
 *       and sends one sorted block of {@code (hi, lo, count)} longs per range.</li>
 *   <li><b>Reduce</b> (distributed): each range's blocks are merged with core's {@link RunMerger},
 *       counts summed and {@code minCount} applied.</li>
 *   <li><b>Collect</b> (driver): ranges are read in order, which is gram order, and streamed to a
 *       sink (the store writer, a TSV writer): one range in driver memory at a time.</li>
 * </ol>
 *
 * The input is read twice (scan and count) and never cached (records' texts too: the scan counts
 * those without their text on the way, {@link InputText}); the scans and the reduced ranges
 * are kept in the executors' storage until the driver has read them.
 *
 * <p>Memory of a count task: the hash table ({@link Settings#tableSlots}, 24 bytes a slot), sorted
 * runs up to {@link Settings#runMemory} (the rest spill), the read buffers of their merge (a
 * quarter of it), the blocks it sends up to half of it ({@link BlockSpool}; the rest wait on
 * disk), the block being filled and the copy it is sent as ({@link #BLOCK} grams, 24 MB, at
 * most each): about the table plus 1.75 times {@code runMemory} plus 48 MB, 592 MB with the
 * defaults (96 MB of table, 256 MB of runs). A reduce task: the blocks it merges up to {@code
 * runMemory} (beyond it the largest spill), a quarter for the read buffers, half for its output
 * spool and a block and its copy. A scan task: its partition's distinct Latin units and 4,097
 * bucket counts. Tasks spill in their executor's Spark local directories ({@link TaskTempDir}).
 * The driver: the unit table (at most {@link UnitTable#MAX_LATIN} Latin units) and one
 * partition's scan, then the table's broadcast copy and one range's grams at a time, and what
 * the sink keeps.
 *
 * <p>Thread-safety: immutable ({@link #withInfo} and {@link #withClock} return another), so one
 * instance may count on several driver threads at once (Spark runs their jobs side by side);
 * each count runs its jobs from its calling thread and shares only the {@link JavaSparkContext}.
 * The task functions share nothing between tasks.
 */
public final class SparkNgramCounter {
  /** Largest block sent through the shuffle, in grams (24 bytes each). */
  static final int BLOCK = 1 << 20;

  /** How to count. */
  public record Settings(int order, long minCount, LatinCase latinCase, boolean simplify,
      int reducePartitions, int tableSlots, long runMemory) implements Serializable {
    /** Checks every setting; messages name the command-line option of each, as the CLI's. */
    public Settings {
      dev.ciku.corpus.Params.between("--order", order, 1, dev.ciku.count.Grams.MAX_ORDER);
      dev.ciku.corpus.Params.atLeast("--min-count", minCount, 1);
      dev.ciku.corpus.Params.atLeast("--reduce-partitions", reducePartitions, 0);
      dev.ciku.corpus.Params.between("--table-slots", tableSlots, 0, 1 << 29);
      dev.ciku.corpus.Params.atLeast("runMemory", runMemory, 1);
      java.util.Objects.requireNonNull(latinCase, "latinCase");
    }

    /**
     * Defaults for the table (4 Mi slots, 96 MB) and in-memory runs (256 MB: those of the default
     * driver budget, {@link JobBudgets#DEFAULT}) per task; Latin case folded, the CLI's default.
     */
    public static Settings of(int order, long minCount) {
      return new Settings(order, minCount, LatinCase.FOLD, false, 0, 1 << 22,
          JobBudgets.DEFAULT.taskRuns());
    }
  }

  private final JavaSparkContext sc;
  private final Settings settings;
  /** Where progress lines go ({@link #withInfo}); nowhere by default. */
  private final Consumer<String> info;
  /** Nanosecond clock of the progress lines' times ({@link #withClock}). */
  private final LongSupplier clock;

  /** A counter with these settings, silent, timed by {@link System#nanoTime}. */
  public SparkNgramCounter(JavaSparkContext sc, Settings settings) {
    this(Objects.requireNonNull(sc, "sc"), Objects.requireNonNull(settings, "settings"), m -> { },
        System::nanoTime);
  }

  private SparkNgramCounter(JavaSparkContext sc, Settings settings, Consumer<String> info,
      LongSupplier clock) {
    this.sc = sc;
    this.settings = settings;
    this.info = info;
    this.clock = clock;
  }

  /** The settings this counter counts with. */
  public Settings settings() {
    return settings;
  }

  /**
   * A counter like this one that tells {@code sink} its progress (phase timings and warnings
   * about the data); this one is unchanged.
   */
  public SparkNgramCounter withInfo(Consumer<String> sink) {
    return new SparkNgramCounter(sc, settings, Objects.requireNonNull(sink, "sink"), clock);
  }

  /**
   * A counter like this one whose progress lines time the phases by {@code nanoTime} instead of
   * {@link System#nanoTime} (tests pass a stepping clock); the counts do not depend on it. This
   * one is unchanged.
   */
  public SparkNgramCounter withClock(LongSupplier nanoTime) {
    return new SparkNgramCounter(sc, settings, info, Objects.requireNonNull(nanoTime, "nanoTime"));
  }

  /** Counts {@code lines} and streams the grams to {@code sink} on the driver, in gram order. */
  public CountSummary count(JavaRDD<String> lines, GramSink sink) throws IOException {
    return count(lines, sink, UnitTable.of(settings.latinCase()));
  }

  /**
   * As {@link #count(JavaRDD, GramSink)}, filling {@code units} (which must be empty, and fold
   * case as the settings say).
   */
  public CountSummary count(JavaRDD<String> lines, GramSink sink, UnitTable units)
      throws IOException {
    return count(InputText.of(lines), sink, units);
  }

  /**
   * As {@link #count(JavaRDD, GramSink, UnitTable)}, on {@code text}'s lines, whose scan is its
   * first pass ({@link InputText#firstPassDone}: its warnings come before this one's, and its
   * failure before any count).
   */
  CountSummary count(InputText text, GramSink sink, UnitTable units) throws IOException {
    JavaRDD<String> lines = text.lines();
    int order = settings.order();
    LatinCase latinCase = settings.latinCase();
    if (units.foldsCase() != latinCase.folds()) {
      throw new IllegalArgumentException("the unit table must fold case as "
          + latinCase.options() + " says");
    }
    boolean simplify = settings.simplify();
    long t0 = clock.getAsLong();
    // Merged as they arrive, in partition order: the driver holds the table and one scan.
    PartitionScan.Totals scans = new PartitionScan.Totals(order, units);
    PartitionResults.forEach(lines.mapPartitions(
        it -> List.of(PartitionScan.of(it, order, latinCase, simplify)).iterator()), scans::add);
    text.firstPassDone();
    long[] positions = scans.positions();
    long clauses = scans.clauses();
    long chars = scans.chars();
    long replaced = scans.replaced();
    long beyond = scans.beyond();
    if (beyond > 0) {
      // The CLI reads such runs as boundaries from the start; here the partitions counted them
      // as units in the totals before the driver knew which came first.
      info.accept(String.format(java.util.Locale.ROOT, "warning: %,d distinct Latin/digit runs"
          + " (counted once per partition) came after the first %,d and are boundaries, not"
          + " units; the totals of unit positions and clauses still count them as units, so"
          + " they differ from the CLI's", beyond, UnitTable.MAX_LATIN));
    }
    if (replaced > 0) {
      // The CLI counts malformed bytes as it decodes; the jobs' text input has replaced them
      // already.
      info.accept("warning: " + Lines.replaced(replaced));
    }
    int ranges = settings.reducePartitions() > 0 ? settings.reducePartitions()
        : Math.max(1, lines.getNumPartitions());
    RangePlan plan = RangePlan.balanced(scans.weights(), ranges);
    info.accept(String.format(java.util.Locale.ROOT,
        "scan: %d partition(s), %,d Latin units, %,d unit positions (%.1f s)", scans.partitions(),
        units.latinCount(), positions[1], (clock.getAsLong() - t0) / 1e9));
    Broadcast<LatinForms> latin = sc.broadcast(units.forms());
    Broadcast<RangePlan> bplan = sc.broadcast(plan);
    Settings st = settings;
    long minCount = settings.minCount();

    JavaRDD<long[]> reduced = lines
        .mapPartitionsToPair(it -> countPartition(it, latin.value(), bplan.value(), st,
            TaskTempDir.current()))
        .partitionBy(new BlockPartitioner(plan.ranges()))
        .mapPartitions(it -> reducePartition(it, minCount, st.runMemory(), TaskTempDir.current()));
    reduced.persist(StorageLevel.MEMORY_AND_DISK());
    long distinct = 0;
    try {
      reduced.count();
      info.accept(String.format(java.util.Locale.ROOT,
          "count and reduce into %d range(s) (%.1f s)", plan.ranges(),
          (clock.getAsLong() - t0) / 1e9));
      Iterator<long[]> it = reduced.toLocalIterator();
      while (it.hasNext()) {
        long[] b = it.next();
        for (int p = 0; p < b.length; p += 3) {
          sink.accept(b[p], b[p + 1], b[p + 2]);
        }
        distinct += b.length / 3;
      }
    } finally {
      reduced.unpersist(false);
      latin.destroy();
      bplan.destroy();
    }
    info.accept(String.format(java.util.Locale.ROOT, "collected %,d grams on the driver (%.1f s)",
        distinct, (clock.getAsLong() - t0) / 1e9));
    return new CountSummary(order, minCount, units, positions, clauses, chars, distinct, 0);
  }

  /**
   * Map side: count one partition, emit one sorted block (or a few) per range; runs and blocks
   * beyond the budget spill to {@code tmp}.
   */
  static Iterator<Tuple2<Integer, long[]>> countPartition(Iterator<String> lines,
      LatinForms latin, RangePlan plan, Settings st, Path tmp) throws IOException {
    UnitTable units = Lines.table(latin, st.latinCase());
    int known = units.latinCount();
    ClauseCounter counter = new ClauseCounter(st.order(), st.tableSlots(), st.runMemory(), tmp);
    Lines.feed(lines, new ClauseScanner(units, st.latinCase(), st.simplify(), counter));
    Lines.checkNoNewUnits(units, known);
    // Every distinct gram of the partition goes out: held up to half the run budget (the
    // counter's runs take the rest while they merge), the others on disk until Spark reads them.
    BlockSpool out = new BlockSpool(Math.max(1, st.runMemory() / 2), tmp);
    Blocks blocks = new Blocks() {
      @Override
      void emit(int range, long[] block) throws IOException {
        out.add(range, block);
      }
    };
    counter.finish(1, (hi, lo, c) -> blocks.add(plan.range(hi), hi, lo, c));
    blocks.flush();
    return out.drain();
  }

  /**
   * Reduce side: merge the blocks of one range, apply the minimum count; blocks and output beyond
   * the budget spill to {@code tmp}.
   */
  static Iterator<long[]> reducePartition(Iterator<Tuple2<Integer, long[]>> in, long minCount,
      long runMemory, Path tmp) throws IOException {
    List<SortedRun> runs = new ArrayList<>();
    long inMemory = 0;
    try {
      while (in.hasNext()) {
        long[] b = in.next()._2();
        SortedRun r = SortedRun.inMemory(b, b.length / 3);
        runs.add(r);
        inMemory += r.heapBytes();
        if (inMemory > runMemory) {
          List<SortedRun> big = new ArrayList<>(runs);
          big.sort(Comparator.comparingLong(SortedRun::heapBytes).reversed());
          for (SortedRun x : big) {
            if (inMemory <= runMemory / 2) {
              break;
            }
            long h = x.heapBytes();
            x.spill(tmp);
            inMemory -= h;
          }
        }
      }
      // The range's merged grams, in order: held up to half the run budget, the rest on disk.
      BlockSpool out = new BlockSpool(Math.max(1, runMemory / 2), tmp);
      Blocks blocks = new Blocks() {
        @Override
        void emit(int range, long[] block) throws IOException {
          out.add(range, block);
        }
      };
      // The spilled blocks' read buffers share a quarter of the run budget, however many map
      // partitions sent blocks (with too many, the smallest are merged down first).
      RunMerger.merge(runs, minCount, (hi, lo, c) -> blocks.add(0, hi, lo, c), 1, tmp,
          runMemory / 4);
      blocks.flush();
      return out.drainBlocks();
    } finally {
      for (SortedRun r : runs) {
        try {
          r.delete();
        } catch (UncheckedIOException e) {
          // best effort: temporary files
        }
      }
    }
  }

  /** Packs a gram stream into blocks of at most {@link #BLOCK} grams, one range at a time. */
  private abstract static class Blocks {
    private long[] buf = new long[3 * 1024];
    private int used;
    private int range = -1;

    abstract void emit(int range, long[] block) throws IOException;

    final void add(int r, long hi, long lo, long c) {
      if (r != range || used == 3 * BLOCK) {
        flush();
        range = r;
      }
      if (used == buf.length) {
        buf = Arrays.copyOf(buf, Math.min(3 * BLOCK, buf.length * 2));
      }
      buf[used] = hi;
      buf[used + 1] = lo;
      buf[used + 2] = c;
      used += 3;
    }

    final void flush() {
      if (used > 0) {
        try {
          emit(range, Arrays.copyOf(buf, used));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        used = 0;
      }
    }
  }
}
