package dev.ciku.corpus;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Reads a corpus on the calling thread and hands its clauses, packed into batches, to worker
 * threads: the one mechanism behind every parallel pass of ciku (counting, cutting). Each worker
 * sees a disjoint subset of the clauses; work that must not depend on which worker saw which
 * clause (everything in ciku) is combined by the caller afterwards. Batches are recycled, so the
 * steady state allocates nothing.
 *
 * <p>Memory: {@code 2·workers + 2} batches of {@value #BATCH_UNITS} units. One run per instance
 * of the workers; the workers are called from their own threads only.
 */
public final class ParallelClauses {
  /** Units per batch. */
  public static final int BATCH_UNITS = 1 << 18;
  static final int BATCH_CLAUSES = 1 << 16;

  private ParallelClauses() {}

  /** Receives clauses on one worker thread. */
  public interface Worker {
    /**
     * One clause (or chunk of a long clause, see {@link ClauseSink}) at {@code units[from..end)}.
     *
     * @param ownedEnd grams starting before this index belong to this chunk
     * @param clauseEnd whether the clause ends at {@code end}
     */
    void clause(int[] units, int from, int end, int ownedEnd, boolean clauseEnd) throws IOException;

    /**
     * Called once on the worker's thread before its first clause, while the reader fills the
     * first batches: the place to allocate large per-worker tables, so that zeroing them does
     * not delay the reading. A failure here is the worker's failure; it then gets no clause and
     * no {@link #finish}.
     */
    default void start() throws IOException {}

    /** Called once on the worker's thread after its last clause. */
    default void finish() throws IOException {}
  }

  /**
   * Reads {@code inputs} and feeds {@code workers}, one thread each; returns when all are done.
   * The first failure of a worker is rethrown after the others stopped; the reading stops at the
   * next batch once a worker has failed.
   *
   * @return the scanner, for its counters (clauses, chars, ...)
   */
  public static ClauseScanner run(List<CorpusInput> inputs, ReaderOptions options, UnitTable units,
      ByteCounter bytes, Consumer<String> warnings, List<? extends Worker> workers)
      throws IOException {
    return run(inputs, options, units, bytes, warnings, workers, null);
  }

  /**
   * As {@link #run(List, ReaderOptions, UnitTable, ByteCounter, Consumer, List)}, also writing
   * every batch to {@code recording} (if not null) so that a later pass can {@link #replay} the
   * same clauses without reading the corpus again.
   */
  public static ClauseScanner run(List<CorpusInput> inputs, ReaderOptions options, UnitTable units,
      ByteCounter bytes, Consumer<String> warnings, List<? extends Worker> workers,
      ClauseRecording recording) throws IOException {
    ClauseScanner[] scanner = {null};
    drive(workers, (free, full) -> {
      Batch[] current = {take(free)};
      long[] recorded = {bytes.get()};
      Handoff handoff = b -> {
        if (recording != null) {
          long now = bytes.get();
          recording.write(b, now - recorded[0]);
          recorded[0] = now;
        }
        put(full, b);
      };
      scanner[0] = new ClauseScanner(units, options,
          (u, length, owned, start, end) -> {
            Batch b = current[0];
            if (!b.fits(length)) {
              try {
                handoff.accept(b);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              b = take(free);
              current[0] = b;
            }
            b.add(u, length, owned, end);
          });
      try {
        new CorpusReader(options, bytes, warnings).read(inputs, scanner[0]);
      } catch (java.io.UncheckedIOException e) {
        throw e.getCause();
      }
      handoff.accept(current[0]);
    });
    if (recording != null) {
      recording.finishWriting();
    }
    return scanner[0];
  }

  /**
   * Feeds {@code workers} the clauses of a pass recorded by {@link #run(List, ReaderOptions,
   * UnitTable, ByteCounter, Consumer, List, ClauseRecording)}, batch by batch, adding the input
   * bytes each batch stood for to {@code bytes}. No decoding: the cost is reading the file.
   */
  public static void replay(ClauseRecording recording, ByteCounter bytes,
      List<? extends Worker> workers) throws IOException {
    drive(workers, (free, full) -> {
      try (ClauseRecording.Reader r = recording.reader()) {
        while (true) {
          Batch b = take(free);
          long delta = r.read(b);
          if (delta < 0) {
            put(free, b);
            break;
          }
          bytes.add(delta);
          put(full, b);
        }
      }
    });
  }

  /** Hands a filled batch to the workers. */
  @FunctionalInterface
  private interface Handoff {
    void accept(Batch b) throws IOException;
  }

  /** Fills batches taken from {@code free} and puts them on {@code full}, on the calling thread. */
  @FunctionalInterface
  private interface Feeder {
    void feed(BlockingQueue<Batch> free, BlockingQueue<Batch> full) throws IOException;
  }

  /**
   * The empty batches, which the reader takes: once a worker has failed, taking one stops the
   * reading ({@link WorkerFailed}), so a run whose worker could not even allocate its table
   * ends at once instead of after reading the whole corpus.
   */
  private static final class FreeBatches extends ArrayBlockingQueue<Batch> {
    private static final long serialVersionUID = 1L;
    volatile boolean failed;

    FreeBatches(int capacity) {
      super(capacity);
    }

    @Override
    public Batch take() throws InterruptedException {
      if (failed) {
        throw new WorkerFailed();
      }
      return super.take();
    }
  }

  /** Stops the reader after a worker failed; the worker's failure is what the run throws. */
  private static final class WorkerFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WorkerFailed() {
      super("a worker failed", null, false, false);
    }
  }

  private static void drive(List<? extends Worker> workers, Feeder feeder) throws IOException {
    int n = workers.size();
    FreeBatches free = new FreeBatches(2 * n + 2);
    BlockingQueue<Batch> full = new ArrayBlockingQueue<>(2 * n + 2);
    for (int i = 0; i < 2 * n + 2; i++) {
      free.add(new Batch(BATCH_UNITS));
    }
    Runner[] runners = new Runner[n];
    for (int i = 0; i < n; i++) {
      runners[i] = new Runner(workers.get(i), free, full);
      runners[i].setName("ciku-worker-" + i);
      runners[i].setDaemon(true);
      runners[i].start();
    }
    try {
      feeder.feed(free, full);
    } catch (WorkerFailed stop) {
      // The failure itself is rethrown below, once every worker has stopped.
    } finally {
      for (int i = 0; i < n; i++) {
        put(full, Batch.END);
      }
      for (Runner r : runners) {
        try {
          r.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
      }
    }
    for (Runner r : runners) {
      if (r.failure != null) {
        rethrow(r.failure);
      }
    }
  }

  /**
   * Rethrows the failure of another thread on this one: an {@link IOException},
   * {@link RuntimeException} or {@link Error} as it is, anything else wrapped.
   */
  public static void rethrow(Throwable t) throws IOException {
    if (t instanceof IOException io) {
      throw io;
    }
    if (t instanceof RuntimeException re) {
      throw re;
    }
    if (t instanceof Error err) {
      throw err;
    }
    throw new IllegalStateException(t);
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

  /** Clauses packed into one array. */
  static final class Batch {
    static final Batch END = new Batch(0);
    final int[] units;
    final int[] ends;
    final int[] owned;
    final boolean[] clauseEnd;
    /** Units held, from the start of {@link #units}. */
    private int used;
    /** Clauses held, from the start of {@link #ends}, {@link #owned} and {@link #clauseEnd}. */
    private int clauses;

    Batch(int capacity) {
      units = new int[capacity];
      int c = capacity == 0 ? 0 : BATCH_CLAUSES;
      ends = new int[c];
      owned = new int[c];
      clauseEnd = new boolean[c];
    }

    /** Units held. */
    int used() {
      return used;
    }

    /** Clauses held. */
    int clauses() {
      return clauses;
    }

    /** Empties the batch for reuse (the arrays keep their stale contents). */
    void clear() {
      used = 0;
      clauses = 0;
    }

    /** Says that the arrays now hold {@code used} units and {@code clauses} clauses (read back). */
    void filled(int used, int clauses) {
      this.used = used;
      this.clauses = clauses;
    }

    boolean fits(int length) {
      return used + length <= units.length && clauses < ends.length;
    }

    void add(int[] u, int length, int ownedEnd, boolean end) {
      System.arraycopy(u, 0, units, used, length);
      owned[clauses] = used + ownedEnd;
      used += length;
      ends[clauses] = used;
      clauseEnd[clauses] = end;
      clauses++;
    }
  }

  private static final class Runner extends Thread {
    private final Worker worker;
    private final FreeBatches free;
    private final BlockingQueue<Batch> full;
    volatile Throwable failure;

    Runner(Worker worker, FreeBatches free, BlockingQueue<Batch> full) {
      this.worker = worker;
      this.free = free;
      this.full = full;
    }

    @Override
    public void run() {
      try {
        worker.start();
      } catch (Throwable t) {
        failure = t;
        free.failed = true;
      }
      try {
        while (true) {
          Batch b = full.take();
          if (b == Batch.END) {
            break;
          }
          if (failure == null) {
            try {
              int start = 0;
              int n = b.clauses();
              for (int k = 0; k < n; k++) {
                worker.clause(b.units, start, b.ends[k], b.owned[k], b.clauseEnd[k]);
                start = b.ends[k];
              }
            } catch (Throwable t) {
              failure = t;
            }
          }
          if (failure != null) {
            free.failed = true;
          }
          b.clear();
          free.put(b);
        }
        if (failure == null) {
          worker.finish();
        }
      } catch (Throwable t) {
        if (failure == null) {
          failure = t;
        }
      }
    }
  }
}
