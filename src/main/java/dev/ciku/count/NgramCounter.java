package dev.ciku.count;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.ClauseRecording;
import dev.ciku.corpus.ClauseScanner;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.ParallelClauses;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.UnitTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Exact counts of every n-gram of 1..order units inside clauses, in parallel and in bounded
 * memory.
 *
 * <p>The calling thread reads the corpus and packs clauses into batches
 * ({@link ParallelClauses}); {@code threads} workers count their batches into private
 * {@link CountingTable}s (no sharing, no locks in the hot loop). A full table is sorted and
 * becomes a {@link SortedRun}; in-memory runs beyond the memory budget spill to disk. At the end
 * all runs are merged ({@link RunMerger}), equal grams summed, and the grams reaching
 * {@code minCount} are streamed to the sink in gram order. The result is therefore identical
 * whatever the thread count, the batch timing or the memory budget.
 *
 * <p>A sink that does not depend on the order of the grams ({@link PartitionedSink}, such as the
 * ranking of {@code ciku count --sort count}) is served faster: runs then hold only each
 * position's longest gram, about a third of the entries, and the merge expands them into every
 * order ({@link RunMerger#mergeExpanding}), in ranges fed to the sink's parts at once. The
 * counts are the same; they arrive in post-order (a gram after its extensions).
 *
 * <p>Cost: one pass over the corpus; one hash update per unit (its longest gram, see
 * {@link CountingTable#addClause}); sorting each full table (and, for an ordered sink, expanding
 * it to every order); merging the runs, in {@code threads} key ranges at once. Memory: the budget
 * of {@link CountOptions#memoryBytes()} plus the reader's buffers.
 */
public final class NgramCounter {
  private static final double LOAD = 0.7;
  private final CountOptions options;
  private final ReaderOptions readerOptions;

  /**
   * A counter with these settings; nothing is read until {@link #count}.
   *
   * @param options the order, min count, threads (1 or more) and memory budget (16 MiB or more,
   *     in bytes) of the count, checked by {@link CountOptions} itself
   * @param readerOptions how the corpus is read (encoding, format, normalisation)
   */
  public NgramCounter(CountOptions options, ReaderOptions readerOptions) {
    this.options = Objects.requireNonNull(options, "options");
    this.readerOptions = Objects.requireNonNull(readerOptions, "readerOptions");
  }

  /**
   * Counts {@code inputs} and streams the result to {@code sink} in gram order.
   *
   * @param units receives the Latin units read; decodes the grams passed to {@code sink}
   * @param bytes receives stored bytes read, for progress
   * @param warnings receives messages about the input (malformed bytes)
   */
  public CountSummary count(List<CorpusInput> inputs, UnitTable units, ByteCounter bytes,
      Consumer<String> warnings, GramSink sink) throws IOException {
    return count(inputs, units, bytes, warnings, sink, null);
  }

  /**
   * As {@link #count(List, UnitTable, ByteCounter, Consumer, GramSink)}, also recording the
   * clauses read into {@code recording} (if not null) for a second pass.
   */
  public CountSummary count(List<CorpusInput> inputs, UnitTable units, ByteCounter bytes,
      Consumer<String> warnings, GramSink sink, ClauseRecording recording) throws IOException {
    int order = options.order();
    int threads = options.threads();
    long tableBudget = options.memoryBytes() / 2;
    // Half the budget for the workers' tables, down to 4,096 slots each (about 160 KB with their
    // sorting scratch): at the smallest budget (16m), up to 8 threads leave a third of it to the
    // runs, and only past about 85 threads do the floors alone exceed it.
    int capacity = (int) Math.min(1 << 26, Math.max(1 << 12, tableBudget / threads / 24));
    capacity = Integer.highestOneBit(capacity);
    long chars = CorpusInput.estimatedChars(inputs);
    if (chars >= 0) {
      // A small input gets small tables: allocating the budget's tables would take most of a short
      // run (0.07 s of 0.47 s for one line). Counts do not depend on the table size.
      long slots = Math.max(1 << 16, (long) (chars / threads / LOAD) + 1);
      capacity = (int) Math.min(capacity, Long.highestOneBit(slots - 1) << 1);
    }
    // Each worker holds its table (24 bytes a slot) and the sorting scratch of a full table.
    long perWorker = (long) capacity * 24 + (long) (capacity * LOAD) * 24;
    boolean expandLate = sink instanceof PartitionedSink;
    RunSet runs = new RunSet(options.memoryBytes() - threads * perWorker, options.tempDir(),
        threads);
    List<Counter> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      workers.add(new Counter(capacity, order, runs, expandLate));
    }
    ClauseScanner scanner;
    try {
      scanner = ParallelClauses.run(inputs, readerOptions, units, bytes, warnings, workers,
          recording);
    } catch (IOException | RuntimeException | Error e) {
      runs.deleteAll();
      throw e;
    }
    long[] positions = new long[order + 1];
    for (Counter w : workers) {
      for (int n = 1; n <= order; n++) {
        positions[n] += w.positions[n];
      }
    }
    // The tables and the spare run arrays are garbage from here on: the merge's sink may need
    // the room.
    workers.clear();
    runs.releaseArrays();
    long[] distinct = {0};
    try {
      sink.counted(positions.clone());
      if (expandLate) {
        DistinctCounter counted = new DistinctCounter((PartitionedSink) sink);
        RunMerger.mergeExpanding(runs.all(), options.minCount(), counted, threads,
            options.tempDir(), options.memoryBytes() / 4);
        distinct[0] = counted.grams;
      } else {
        RunMerger.merge(runs.all(), options.minCount(), (hi, lo, c) -> {
          distinct[0]++;
          sink.accept(hi, lo, c);
        }, threads, options.tempDir(), options.memoryBytes() / 4);
      }
    } finally {
      runs.deleteAll();
    }
    return new CountSummary(order, options.minCount(), units, positions, scanner.clauses(),
        scanner.chars(), distinct[0], runs.spilled());
  }

  /** Counts the grams passed to a {@link PartitionedSink} and to its parts. */
  private static final class DistinctCounter implements PartitionedSink {
    private final PartitionedSink sink;
    long grams;

    DistinctCounter(PartitionedSink sink) {
      this.sink = sink;
    }

    @Override
    public void accept(long hi, long lo, long count) {
      grams++;
      sink.accept(hi, lo, count);
    }

    @Override
    public GramSink part() {
      return new Part(sink.part());
    }

    @Override
    public void join(GramSink part) {
      Part p = (Part) part;
      grams += p.grams;
      sink.join(p.sink);
    }

    /** A part of the wrapped sink, counted. */
    private static final class Part implements GramSink {
      final GramSink sink;
      long grams;

      Part(GramSink sink) {
        this.sink = sink;
      }

      @Override
      public void accept(long hi, long lo, long count) {
        grams++;
        sink.accept(hi, lo, count);
      }
    }
  }

  /**
   * Counts clauses into a private table; full tables become runs, of longest grams only if the
   * merge expands them ({@code expandLate}), else of every gram.
   */
  private static final class Counter implements ParallelClauses.Worker {
    private final int capacity;
    private final int order;
    private final RunSet runs;
    private final boolean expandLate;
    private final CountingTable.OnFull onFull;
    final long[] positions;
    /** Allocated by {@link #start}, on the worker's thread (zeroing it takes tens of ms). */
    private CountingTable table;

    Counter(int capacity, int order, RunSet runs, boolean expandLate) {
      this.capacity = capacity;
      this.order = order;
      this.runs = runs;
      this.expandLate = expandLate;
      this.positions = new long[order + 1];
      this.onFull = t -> runs.add(drain(t));
    }

    private SortedRun drain(CountingTable t) {
      return expandLate ? t.drainLongest(runs::array) : t.drainWithPrefixes(runs::array);
    }

    @Override
    public void start() {
      table = new CountingTable(capacity, LOAD);
    }

    @Override
    public void clause(int[] u, int from, int end, int owned, boolean clauseEnd)
        throws IOException {
      table.addClause(u, from, end, owned, order, positions, onFull);
    }

    @Override
    public void finish() throws IOException {
      if (table.size() > 0) {
        runs.add(drain(table));
      }
      table = null;
    }
  }
}
