package dev.ciku.count;

import dev.ciku.corpus.ParallelClauses;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Merges sorted runs into one stream in gram order, summing the counts of equal grams: a binary
 * heap over the run cursors, O(log k) per entry for k runs. Large merges run in key ranges on
 * several threads; runs of longest grams can be expanded into every order on the way
 * ({@link #mergeExpanding}); the spilled runs' read buffers can be held to a budget, merging
 * runs down first when there are too many ({@link #reduce}). Stateless; each call uses its own
 * threads and buffers.
 */
public final class RunMerger {
  private RunMerger() {}

  /**
   * Streams the merged entries whose summed count is at least {@code minCount} to {@code sink},
   * in gram order. Closes the cursors.
   */
  public static void merge(List<SortedRun> runs, long minCount, GramSink sink) throws IOException {
    List<SortedRun.Cursor> cursors = new java.util.ArrayList<>();
    for (SortedRun r : runs) {
      cursors.add(r.cursor());
    }
    mergeCursors(cursors, minCount, sink);
  }

  /** Keys sampled from each run to choose the range boundaries of a parallel merge. */
  private static final int SAMPLES = 1024;
  /** Below this many entries in all runs a merge runs on the calling thread only. */
  private static final long PARALLEL_MIN = 1 << 20;

  /**
   * As {@link #merge(List, long, GramSink)}, with the grams cut into {@code threads} ranges of
   * about equal size (chosen from samples of the runs) merged at the same time: the first range
   * streams to {@code sink} on the calling thread while each other range is merged by its own
   * thread into a temporary file under {@code tempDir}; those files are streamed to {@code sink}
   * after it, in order. The sink sees exactly what the one-thread merge gives it.
   *
   * <p>Cost: the merge work divided among the threads, plus writing and reading back the grams
   * of all ranges but the first (24 bytes a gram that reaches {@code minCount}). Memory: two
   * 1 MB buffers a run for each range.
   */
  public static void merge(List<SortedRun> runs, long minCount, GramSink sink, int threads,
      Path tempDir) throws IOException {
    merge(runs, minCount, sink, threads, tempDir, Long.MAX_VALUE, PARALLEL_MIN);
  }

  /**
   * As {@link #merge(List, long, GramSink, int, Path)}, with the read buffers of the spilled
   * runs' cursors held to {@code bufferBudget} bytes in all: each gets an equal share (64 KB to
   * 1 MB), and if there are too many spilled runs even for 64 KB each, the smallest are first
   * merged into larger ones ({@link #reduce}), as many passes as needed. The input list is not
   * changed; runs made by reducing are deleted at the end, the others are left to the caller.
   */
  public static void merge(List<SortedRun> runs, long minCount, GramSink sink, int threads,
      Path tempDir, long bufferBudget) throws IOException {
    merge(runs, minCount, sink, threads, tempDir, bufferBudget, PARALLEL_MIN);
  }

  /** As above, merging in ranges once the runs hold {@code parallelMin} entries. */
  static void merge(List<SortedRun> runs, long minCount, GramSink sink, int threads, Path tempDir,
      long bufferBudget, long parallelMin) throws IOException {
    int ranges = parallel(runs, threads, parallelMin) ? threads : 1;
    List<SortedRun> made = new ArrayList<>();
    try {
      List<SortedRun> input = reduce(runs, ranges, bufferBudget, tempDir, made);
      int buffer = bufferBytes(input, ranges, bufferBudget);
      mergeOrdered(input, minCount, sink, ranges, tempDir, buffer);
    } finally {
      for (SortedRun r : made) {
        r.delete();
      }
    }
  }

  private static boolean parallel(List<SortedRun> runs, int threads, long parallelMin) {
    long total = 0;
    for (SortedRun r : runs) {
      total += r.size();
    }
    return threads > 1 && runs.size() >= 2 && total >= parallelMin;
  }

  private static void mergeOrdered(List<SortedRun> runs, long minCount, GramSink sink, int threads,
      Path tempDir, int buffer) throws IOException {
    if (threads <= 1) {
      mergeCursors(cursors(runs, new long[0], 0, buffer), minCount, sink);
      return;
    }
    long[] bounds = splitKeys(runs, threads);
    int ranges = bounds.length / 2 + 1;
    AtomicBoolean abort = new AtomicBoolean();
    List<Future<SortedRun>> later = new ArrayList<>();
    ExecutorService pool = pool(ranges - 1);
    try {
      for (int k = 1; k < ranges; k++) {
        int range = k;
        later.add(pool.submit(() -> {
          try (SortedRun.FileWriter out = new SortedRun.FileWriter(tempDir)) {
            mergeCursors(cursors(runs, bounds, range, buffer), minCount, (hi, lo, c) -> {
              if (abort.get()) {
                throw new CancellationException();
              }
              out.accept(hi, lo, c);
            });
            return out.finish();
          }
        }));
      }
      mergeCursors(cursors(runs, bounds, 0, buffer), minCount, sink);
      for (Future<SortedRun> f : later) {
        SortedRun part = await(f);
        try {
          merge(List.of(part), 1, sink);
        } finally {
          part.delete();
        }
      }
    } finally {
      abort.set(true);
      pool.shutdown();
      for (Future<SortedRun> f : later) {
        try {
          f.get().delete();
        } catch (ExecutionException | CancellationException | java.io.UncheckedIOException e) {
          // failed or cancelled: it deleted its own file
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /**
   * The ranges merged and expanded at once into parts of {@code sink}, the first on the calling
   * thread, and the parts joined in range order: no temporary files, no serial replay of the
   * later ranges.
   */
  private static void expandIntoParts(List<SortedRun> runs, long[] bounds, long minCount,
      PartitionedSink sink, int buffer) throws IOException {
    int ranges = bounds.length / 2 + 1;
    AtomicBoolean abort = new AtomicBoolean();
    List<Future<GramSink>> later = new ArrayList<>();
    ExecutorService pool = ranges > 1 ? pool(ranges - 1) : null;
    try {
      for (int k = 1; k < ranges; k++) {
        int range = k;
        GramSink part = sink.part();
        later.add(pool.submit(() -> {
          expand(cursors(runs, bounds, range, buffer), minCount, (hi, lo, c) -> {
            if (abort.get()) {
              throw new CancellationException();
            }
            part.accept(hi, lo, c);
          });
          return part;
        }));
      }
      expand(cursors(runs, bounds, 0, buffer), minCount, sink);
      for (Future<GramSink> f : later) {
        sink.join(await(f));
      }
    } finally {
      abort.set(true);
      if (pool != null) {
        pool.shutdown();
      }
    }
  }

  private static ExecutorService pool(int threads) {
    return Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "ciku-merge");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Merges runs of longest grams ({@link CountingTable#drainLongest}) and expands them into the
   * exact counts of every gram of every order ({@link PrefixExpander}), streaming those reaching
   * {@code minCount} to {@code sink} in post-order (a gram after its extensions). With several
   * threads the grams are cut into ranges at first-unit boundaries, so that every gram's
   * extensions fall in its own range, and the ranges are merged at once into parts of
   * {@code sink}. The counts received do not depend on {@code threads}.
   *
   * <p>Cost: the merge of the runs' entries plus one prefix sum per unit of each merged gram.
   * Memory: two 1 MB buffers a spilled run for each range.
   */
  public static void mergeExpanding(List<SortedRun> runs, long minCount, PartitionedSink sink,
      int threads) throws IOException {
    mergeExpanding(runs, minCount, sink, threads, null, Long.MAX_VALUE, PARALLEL_MIN);
  }

  /**
   * As {@link #mergeExpanding(List, long, PartitionedSink, int)}, with the read buffers of the
   * spilled runs held to {@code bufferBudget} bytes in all, as for
   * {@link #merge(List, long, GramSink, int, Path, long)} (runs made by reducing go to
   * {@code tempDir} and are deleted at the end).
   */
  public static void mergeExpanding(List<SortedRun> runs, long minCount, PartitionedSink sink,
      int threads, Path tempDir, long bufferBudget) throws IOException {
    mergeExpanding(runs, minCount, sink, threads, tempDir, bufferBudget, PARALLEL_MIN);
  }

  /** As above, merging in ranges once the runs hold {@code parallelMin} entries. */
  static void mergeExpanding(List<SortedRun> runs, long minCount, PartitionedSink sink,
      int threads, Path tempDir, long bufferBudget, long parallelMin) throws IOException {
    int ranges = parallel(runs, threads, parallelMin) ? threads : 1;
    List<SortedRun> made = new ArrayList<>();
    try {
      List<SortedRun> input = reduce(runs, ranges, bufferBudget, tempDir, made);
      int buffer = bufferBytes(input, ranges, bufferBudget);
      long[] bounds = ranges > 1 ? firstUnits(splitKeys(input, ranges)) : new long[0];
      expandIntoParts(input, bounds, minCount, sink, buffer);
    } finally {
      for (SortedRun r : made) {
        r.delete();
      }
    }
  }

  /**
   * The runs, with the smallest spilled ones merged (equal grams summed: valid for runs of
   * longest grams and of every gram alike) into new spilled runs under {@code tempDir} until
   * each spilled run of each of {@code ranges} ranges can have a 64 KB read buffer within
   * {@code bufferBudget}. New runs are also added to {@code made}.
   */
  static List<SortedRun> reduce(List<SortedRun> runs, int ranges, long bufferBudget, Path tempDir,
      List<SortedRun> made) throws IOException {
    long maxSpilled = Math.max(2, bufferBudget / ((long) ranges * SortedRun.MIN_BUFFER));
    List<SortedRun> out = new ArrayList<>(runs);
    List<SortedRun> spilled = new ArrayList<>();
    for (SortedRun r : runs) {
      if (r.spilled()) {
        spilled.add(r);
      }
    }
    if (spilled.size() <= maxSpilled) {
      return out;
    }
    if (tempDir == null) {
      throw new IllegalArgumentException("too many spilled runs for the buffer budget and no"
          + " directory to reduce them in");
    }
    // Each pass merges as many runs as one 64 KB buffer each allows.
    int fanIn = (int) Math.max(2, Math.min(Integer.MAX_VALUE,
        bufferBudget / SortedRun.MIN_BUFFER));
    while (spilled.size() > maxSpilled) {
      spilled.sort(java.util.Comparator.comparingInt(SortedRun::size));
      int take = (int) Math.min(fanIn, spilled.size() - maxSpilled + 1);
      // A run holds at most 2^31 - 1 grams: the group stops before its sizes pass that.
      long sum = 0;
      for (int k = 0; k < take; k++) {
        sum += spilled.get(k).size();
        if (sum > Integer.MAX_VALUE) {
          take = k;
          break;
        }
      }
      if (take < 2) {
        throw new IOException("too many grams to merge with this memory budget: give --memory"
            + " more (each spilled run needs a 64 KB read buffer)");
      }
      List<SortedRun> group = new ArrayList<>(spilled.subList(0, take));
      List<SortedRun.Cursor> cursors = new ArrayList<>();
      SortedRun merged;
      try (SortedRun.FileWriter w = new SortedRun.FileWriter(tempDir)) {
        try {
          for (SortedRun r : group) {
            cursors.add(r.cursor(0, r.size(), SortedRun.MIN_BUFFER));
          }
        } catch (IOException | RuntimeException e) {
          for (SortedRun.Cursor c : cursors) {
            c.close();
          }
          throw e;
        }
        mergeCursors(cursors, 1, w);
        merged = w.finish();
      }
      made.add(merged);
      spilled.removeAll(group);
      out.removeAll(group);
      for (SortedRun r : group) {
        if (made.remove(r)) {
          r.delete();
        }
      }
      spilled.add(merged);
      out.add(merged);
    }
    return out;
  }

  /** Each spilled run's read buffer: an equal share of the budget, 64 KB to 1 MB. */
  private static int bufferBytes(List<SortedRun> runs, int ranges, long bufferBudget) {
    long spilled = 0;
    for (SortedRun r : runs) {
      if (r.spilled()) {
        spilled++;
      }
    }
    long share = spilled == 0 ? Long.MAX_VALUE : bufferBudget / (spilled * ranges);
    return (int) Math.max(SortedRun.MIN_BUFFER, Math.min(1 << 20, share));
  }

  private static void expand(List<SortedRun.Cursor> cursors, long minCount, GramSink sink)
      throws IOException {
    PrefixExpander expander = new PrefixExpander(sink, minCount);
    mergeCursors(cursors, 1, expander);
    expander.finish();
  }

  /**
   * The bounds cut back to their first unit, without repeats: a range then starts at a unigram,
   * and all grams sharing a first unit fall in one range.
   */
  private static long[] firstUnits(long[] bounds) {
    long[] out = new long[bounds.length];
    int n = 0;
    for (int i = 0; i < bounds.length; i += 2) {
      long hi = Grams.prefixHi(bounds[i], 1);
      if (hi != 0 && (n == 0 || out[n - 2] != hi)) {
        out[n] = hi;
        out[n + 1] = 0;
        n += 2;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** {@code 2·(threads−1)} longs: the lowest gram of each range after the first. */
  private static long[] splitKeys(List<SortedRun> runs, int threads) throws IOException {
    long[] pairs = new long[2 * SAMPLES * runs.size()];
    int n = 0;
    for (SortedRun r : runs) {
      n = r.sample(SAMPLES, pairs, n);
    }
    int count = n / 2;
    long[] triples = new long[3 * count];
    for (int i = 0; i < count; i++) {
      triples[3 * i] = pairs[2 * i];
      triples[3 * i + 1] = pairs[2 * i + 1];
    }
    GramSort.sort(triples, 0, count);
    long[] bounds = new long[2 * (threads - 1)];
    for (int k = 1; k < threads; k++) {
      int e = (int) ((long) count * k / threads);
      bounds[2 * (k - 1)] = triples[3 * e];
      bounds[2 * (k - 1) + 1] = triples[3 * e + 1];
    }
    return bounds;
  }

  /** Cursors over the entries of every run that fall in range {@code k}. */
  private static List<SortedRun.Cursor> cursors(List<SortedRun> runs, long[] bounds, int k,
      int buffer) throws IOException {
    int last = bounds.length / 2;
    List<SortedRun.Cursor> out = new ArrayList<>();
    try {
      for (SortedRun r : runs) {
        int from = k == 0 ? 0 : r.lowerBound(bounds[2 * (k - 1)], bounds[2 * k - 1]);
        int to = k == last ? r.size() : r.lowerBound(bounds[2 * k], bounds[2 * k + 1]);
        out.add(r.cursor(from, Math.max(from, to), buffer));
      }
    } catch (IOException | RuntimeException e) {
      for (SortedRun.Cursor c : out) {
        c.close();
      }
      throw e;
    }
    return out;
  }

  private static <T> T await(Future<T> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      ParallelClauses.rethrow(e.getCause());
      throw new AssertionError("unreachable");
    }
  }

  /** As {@link #merge}, over cursors of any origin (each in gram order, without repeats). */
  public static void mergeCursors(List<SortedRun.Cursor> cursors, long minCount, GramSink sink)
      throws IOException {
    int k = cursors.size();
    SortedRun.Cursor[] heap = new SortedRun.Cursor[k];
    int n = 0;
    try {
      for (SortedRun.Cursor c : cursors) {
        if (c.next()) {
          heap[n++] = c;
        } else {
          c.close();
        }
      }
      for (int i = n / 2 - 1; i >= 0; i--) {
        down(heap, n, i);
      }
      while (n > 0) {
        SortedRun.Cursor top = heap[0];
        long hi = top.hi;
        long lo = top.lo;
        long sum = 0;
        while (n > 0 && heap[0].hi == hi && heap[0].lo == lo) {
          SortedRun.Cursor c = heap[0];
          sum += c.count;
          if (c.next()) {
            down(heap, n, 0);
          } else {
            c.close();
            heap[0] = heap[--n];
            heap[n] = null;
            if (n > 0) {
              down(heap, n, 0);
            }
          }
        }
        if (sum >= minCount) {
          sink.accept(hi, lo, sum);
        }
      }
    } finally {
      for (int i = 0; i < n; i++) {
        heap[i].close();
      }
    }
  }

  private static void down(SortedRun.Cursor[] heap, int n, int i) {
    SortedRun.Cursor x = heap[i];
    while (true) {
      int child = 2 * i + 1;
      if (child >= n) {
        break;
      }
      if (child + 1 < n && less(heap[child + 1], heap[child])) {
        child++;
      }
      if (!less(heap[child], x)) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = x;
  }

  private static boolean less(SortedRun.Cursor a, SortedRun.Cursor b) {
    return a.hi < b.hi || (a.hi == b.hi && a.lo < b.lo);
  }
}
