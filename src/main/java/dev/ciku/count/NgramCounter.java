package dev.ciku.count;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.ClauseScanner;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.CorpusReader;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.UnitTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Exact counts of every n-gram of 1..order units inside clauses, in parallel and in bounded
 * memory.
 *
 * <p>The calling thread reads the corpus and packs clauses into batches; {@code threads} workers
 * count their batches into private {@link GramTable}s (no sharing, no locks in the hot loop). A
 * full table is sorted and becomes a {@link SortedRun}; in-memory runs beyond the memory budget
 * spill to disk. At the end all runs are merged ({@link RunMerger}), equal grams summed, and the
 * grams reaching {@code minCount} are streamed to the sink in gram order. The result is therefore
 * identical whatever the thread count, the batch timing or the memory budget.
 *
 * <p>Cost: one pass over the corpus; about {@code order} hash updates per unit; sorting and merging
 * of the distinct grams of each run. Memory: the budget of {@link CountOptions#memoryBytes()}
 * plus the reader's buffers.
 */
public final class NgramCounter {
  private static final int BATCH_UNITS = 1 << 18;
  private static final int BATCH_CLAUSES = 1 << 16;

  private final CountOptions options;
  private final ReaderOptions readerOptions;

  public NgramCounter(CountOptions options, ReaderOptions readerOptions) {
    this.options = options;
    this.readerOptions = readerOptions;
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
    int order = options.order();
    int threads = options.threads();
    long tableBudget = options.memoryBytes() / 2;
    int capacity = (int) Math.min(1 << 26, Math.max(1 << 16, tableBudget / threads / 24));
    capacity = Integer.highestOneBit(capacity);
    Runs runs = new Runs(options.memoryBytes() - (long) threads * capacity * 24, options);

    BlockingQueue<Batch> free = new ArrayBlockingQueue<>(threads * 2 + 2);
    BlockingQueue<Batch> full = new ArrayBlockingQueue<>(threads * 2 + 2);
    for (int i = 0; i < threads * 2 + 2; i++) {
      free.add(new Batch());
    }
    Worker[] workers = new Worker[threads];
    for (int i = 0; i < threads; i++) {
      workers[i] = new Worker(new GramTable(capacity, 0.7), order, free, full, runs);
      workers[i].setName("ciku-count-" + i);
      workers[i].setDaemon(true);
      workers[i].start();
    }

    long[] positions = new long[order + 1];
    Batch[] current = {take(free)};
    ClauseScanner scanner = new ClauseScanner(units, readerOptions.lowercase(),
        (u, length, owned, start, end) -> {
          for (int n = 1; n <= order; n++) {
            positions[n] += Math.max(0, Math.min(owned, length - n + 1));
          }
          Batch b = current[0];
          if (!b.fits(length)) {
            put(full, b);
            b = take(free);
            current[0] = b;
          }
          b.add(u, length, owned);
        });
    CorpusReader reader = new CorpusReader(readerOptions, bytes, warnings);
    try {
      reader.read(inputs, scanner);
      put(full, current[0]);
    } finally {
      for (int i = 0; i < threads; i++) {
        put(full, Batch.END);
      }
      for (Worker w : workers) {
        try {
          w.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
      }
    }
    for (Worker w : workers) {
      if (w.failure != null) {
        if (w.failure instanceof IOException io) {
          throw io;
        }
        if (w.failure instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(w.failure);
      }
    }
    long[] distinct = {0};
    try {
      RunMerger.merge(runs.all(), options.minCount(), (hi, lo, c) -> {
        distinct[0]++;
        sink.accept(hi, lo, c);
      });
    } finally {
      runs.deleteAll();
    }
    return new CountSummary(order, options.minCount(), units, positions, scanner.clauses(),
        scanner.chars(), distinct[0], runs.spilled);
  }

  private static Batch take(BlockingQueue<Batch> q) {
    try {
      return q.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void put(BlockingQueue<Batch> q, Batch b) {
    try {
      q.put(b);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Clauses packed into one array, handed from the reader to a worker. */
  private static final class Batch {
    static final Batch END = new Batch(0);
    final int[] units;
    final int[] ends;
    final int[] owned;
    int used;
    int clauses;

    Batch() {
      this(BATCH_UNITS);
    }

    private Batch(int capacity) {
      units = new int[capacity];
      ends = new int[capacity == 0 ? 0 : BATCH_CLAUSES];
      owned = new int[capacity == 0 ? 0 : BATCH_CLAUSES];
    }

    boolean fits(int length) {
      return used + length <= units.length && clauses < ends.length;
    }

    void add(int[] u, int length, int ownedEnd) {
      if (length > units.length) {
        throw new IllegalStateException("clause chunk longer than a batch");
      }
      System.arraycopy(u, 0, units, used, length);
      owned[clauses] = used + ownedEnd;
      used += length;
      ends[clauses] = used;
      clauses++;
    }

    void reset() {
      used = 0;
      clauses = 0;
    }
  }

  /** Counts batches into a private table; full tables become runs. */
  private static final class Worker extends Thread {
    private final GramTable table;
    private final int order;
    private final BlockingQueue<Batch> free;
    private final BlockingQueue<Batch> full;
    private final Runs runs;
    volatile Throwable failure;

    Worker(GramTable table, int order, BlockingQueue<Batch> free, BlockingQueue<Batch> full,
        Runs runs) {
      this.table = table;
      this.order = order;
      this.free = free;
      this.full = full;
      this.runs = runs;
    }

    @Override
    public void run() {
      try {
        while (true) {
          Batch b = full.take();
          if (b == Batch.END) {
            break;
          }
          if (failure == null) {
            count(b);
          }
          b.reset();
          free.put(b);
        }
        if (failure == null && table.size() > 0) {
          runs.add(table.drainSorted());
        }
      } catch (Throwable t) {
        failure = t;
        // keep draining so the reader never blocks on a dead worker
        drainAfterFailure();
      }
    }

    private void drainAfterFailure() {
      try {
        while (true) {
          Batch b = full.take();
          if (b == Batch.END) {
            return;
          }
          b.reset();
          free.put(b);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private void count(Batch b) throws IOException {
      int[] u = b.units;
      int start = 0;
      for (int k = 0; k < b.clauses; k++) {
        int end = b.ends[k];
        int owned = b.owned[k];
        for (int i = start; i < owned; i++) {
          int max = Math.min(order, end - i);
          long hi = 0;
          long lo = 0;
          for (int n = 0; n < max; n++) {
            if (n < 3) {
              hi |= (long) u[i + n] << (Grams.BITS * (2 - n));
            } else {
              lo |= (long) u[i + n] << (Grams.BITS * (5 - n));
            }
            table.add(hi, lo, 1);
          }
          if (table.isFull()) {
            runs.add(table.drainSorted());
          }
        }
        start = end;
      }
    }
  }

  /** The runs produced so far; spills the largest in-memory runs beyond the budget. */
  private static final class Runs {
    private final List<SortedRun> runs = new ArrayList<>();
    private final long budget;
    private final CountOptions options;
    private long inMemory;
    int spilled;

    Runs(long budget, CountOptions options) {
      this.budget = Math.max(0, budget);
      this.options = options;
    }

    synchronized void add(SortedRun run) throws IOException {
      runs.add(run);
      inMemory += run.heapBytes();
      if (inMemory > budget) {
        List<SortedRun> byFootprint = new ArrayList<>(runs);
        byFootprint.sort(Comparator.comparingLong(SortedRun::heapBytes).reversed());
        for (SortedRun r : byFootprint) {
          if (inMemory <= budget) {
            break;
          }
          if (!r.spilled()) {
            long b = r.heapBytes();
            r.spill(options.tempDir());
            inMemory -= b;
            spilled++;
          }
        }
      }
    }

    synchronized List<SortedRun> all() {
      return new ArrayList<>(runs);
    }

    synchronized void deleteAll() {
      for (SortedRun r : runs) {
        try {
          r.delete();
        } catch (UncheckedIOException e) {
          // best effort: temporary files
        }
      }
      runs.clear();
    }
  }
}
