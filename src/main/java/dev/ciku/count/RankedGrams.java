package dev.ciku.count;

import dev.ciku.io.OutputException;
import dev.ciku.io.TempFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects grams and hands them back ordered by count (descending, ties in gram order), keeping
 * either only the top {@code k} or all of them. The ranking is a total order, so the result does
 * not depend on the order grams arrive in: ranges of grams may be ranked in {@link #part parts}
 * on several threads and {@link #join joined}.
 *
 * <p>Memory is bounded when a memory budget and a spill directory are given. The top {@code k}
 * are kept in a heap (24 bytes a gram) when it fits the budget, in every part and in the joining
 * collection alike; otherwise, and when keeping all grams, a full buffer is ranked and written to
 * a temporary file (24 bytes a gram, at most {@code k} of them), and {@link #drain} merges the
 * files with what is left in memory, stopping after {@code k}. Grams are held in one primitive
 * array, 24 bytes each, plus 8 bytes each while a buffer is ranked.
 *
 * <p>Not thread-safe (one thread a part). Close to delete spill files that were not drained.
 */
public final class RankedGrams implements PartitionedSink, AutoCloseable {
  private final int top;
  /** Keeps the best {@link #top} in a heap, in memory (else buffers, spills and merges). */
  private final boolean bounded;
  private final int bufferLimit;
  private final Path spillDir;
  /** Entries {@code (hi, lo, count)}; a heap with the worst kept gram on top when bounded. */
  private long[] data;
  private int size;
  private final List<Path> spills = new ArrayList<>();
  /** Mask of the buffer index in the keys {@link #rank} returns. */
  private long indexMask;

  /** @param top keep only the best {@code top} grams; 0 or less keeps all, in memory */
  public RankedGrams(int top) {
    this(top, Long.MAX_VALUE, null);
  }

  /**
   * @param top keep only the best {@code top} grams; 0 or less keeps all
   * @param memoryBytes buffer at most this much: a heap of the best {@code top} grams (24 bytes
   *     a gram) if it fits, else a buffer (32 bytes a gram) ranked into a file under
   *     {@code spillDir} when full
   * @param spillDir where full buffers go; null keeps everything in memory
   */
  public RankedGrams(int top, long memoryBytes, Path spillDir) {
    this.top = top;
    this.bounded = top > 0 && (spillDir == null || 24L * top <= memoryBytes);
    this.spillDir = spillDir;
    long limit = spillDir == null ? Long.MAX_VALUE : Math.max(1024, memoryBytes / 32);
    this.bufferLimit = (int) Math.min(limit, Integer.MAX_VALUE / 3);
    this.data = new long[3 * (bounded ? Math.min(top, 1024) : 1024)];
  }

  @Override
  public void accept(long hi, long lo, long count) {
    if (bounded) {
      if (size < top) {
        if (3 * size == data.length) {
          data = Arrays.copyOf(data, 3 * (int) Math.min(top, 2L * size));
        }
        set(size, hi, lo, count);
        up(size++);
      } else if (worse(0, hi, lo, count)) {
        set(0, hi, lo, count);
        down(0);
      }
      return;
    }
    if (size == bufferLimit) {
      if (spillDir == null) {
        throw new IllegalStateException("too many grams to rank; use --top or --sort ngram");
      }
      spill();
    }
    if (3 * size == data.length) {
      data = Arrays.copyOf(data, 3 * Math.min(bufferLimit, 2 * size));
    }
    set(size++, hi, lo, count);
  }

  @Override
  public RankedGrams part() {
    return new RankedGrams(top, 32L * bufferLimit, spillDir);
  }

  /** Offers every gram kept by {@code part} (a {@link RankedGrams} of the same size) to this one. */
  @Override
  public void join(GramSink part) {
    RankedGrams p = (RankedGrams) part;
    if (p.top != top) {
      throw new IllegalArgumentException("part keeps " + p.top + " grams, this keeps " + top);
    }
    spills.addAll(p.spills);
    p.spills.clear();
    for (int i = 0; i < p.size; i++) {
      accept(p.data[3 * i], p.data[3 * i + 1], p.data[3 * i + 2]);
    }
    p.size = 0;
  }

  /**
   * Calls {@code sink} for the kept grams, best first, and empties the collection (spill files
   * are deleted). A spill file that cannot be read throws {@link UncheckedIOException}.
   */
  public void drain(GramSink sink) {
    long[] order = rank();
    long limit = top > 0 ? top : Long.MAX_VALUE;
    try {
      if (spills.isEmpty()) {
        for (int k = 0; k < order.length && k < limit; k++) {
          int i = (int) (order[k] & indexMask);
          sink.accept(data[3 * i], data[3 * i + 1], data[3 * i + 2]);
        }
      } else {
        reduceSpills();
        mergeSpills(spills, order, sink, limit);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      size = 0;
      close();
    }
  }

  /** Deletes the spill files not yet drained. */
  @Override
  public void close() {
    TempFiles.deleteAll(spills);
    spills.clear();
  }

  /**
   * The buffered grams in ranking order, as keys whose low bits ({@link #indexMask}) are each
   * gram's index in the buffer. The buffer is first sorted by gram; a key is then the count
   * (inverted, in the high bits) followed by the index, so sorting the keys as longs ranks by
   * count and breaks ties in gram order. Counts too large for the bits left (over 2^32 in a
   * buffer of 2^31 grams) fall back to a comparator sort of boxed indices.
   */
  private long[] rank() {
    GramSort.sort(data, 0, size);
    int indexBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, size - 1)));
    indexMask = (1L << indexBits) - 1;
    long countCap = (1L << (63 - indexBits)) - 1;
    long max = 0;
    for (int i = 0; i < size; i++) {
      max = Math.max(max, data[3 * i + 2]);
    }
    long[] keys = new long[size];
    if (max <= countCap) {
      for (int i = 0; i < size; i++) {
        keys[i] = ((countCap - data[3 * i + 2]) << indexBits) | i;
      }
      Arrays.sort(keys);
      return keys;
    }
    Integer[] idx = new Integer[size];
    for (int i = 0; i < size; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, this::rankCompare);
    for (int i = 0; i < size; i++) {
      keys[i] = idx[i];
    }
    return keys;
  }

  private int rankCompare(int a, int b) {
    int c = Long.compare(data[3 * b + 2], data[3 * a + 2]);
    return c != 0 ? c : Grams.compare(data[3 * a], data[3 * a + 1], data[3 * b], data[3 * b + 1]);
  }

  /** Ranks the buffer into a new temporary file and empties it. */
  private void spill() {
    long[] order = rank();
    Path file = null;
    try {
      file = TempFiles.create(spillDir, "ciku-rank-", ".tmp");
      spills.add(file);
      try (DataOutputStream out = new DataOutputStream(
          new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
        // Only the best top of a ranked buffer can be among the best top of all.
        int kept = top > 0 ? Math.min(order.length, top) : order.length;
        for (int k = 0; k < kept; k++) {
          int i = (int) (order[k] & indexMask);
          out.writeLong(data[3 * i]);
          out.writeLong(data[3 * i + 1]);
          out.writeLong(data[3 * i + 2]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(OutputException.of("temporary file " + file, e));
    }
    size = 0;
  }

  /** Spill files merged at once at most: open files and their 64 KB read buffers. */
  static final int MAX_MERGED = 64;

  /**
   * Merges the spill files {@value #MAX_MERGED} at a time into ranked files of their own until
   * at most that many are left, so that the final merge opens few files whatever the number of
   * spills. Ranking is a total order, so the result is the same.
   */
  private void reduceSpills() throws IOException {
    while (spills.size() > MAX_MERGED) {
      List<Path> group = new ArrayList<>(spills.subList(0, MAX_MERGED));
      Path merged = TempFiles.create(spillDir, "ciku-rank-", ".tmp");
      spills.add(merged);
      try (DataOutputStream out = new DataOutputStream(
          new BufferedOutputStream(Files.newOutputStream(merged), 1 << 16))) {
        mergeSpills(group, new long[0], (hi, lo, count) -> {
          try {
            out.writeLong(hi);
            out.writeLong(lo);
            out.writeLong(count);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }, top > 0 ? top : Long.MAX_VALUE);
      } catch (UncheckedIOException e) {
        throw OutputException.of("temporary file " + merged, e.getCause());
      }
      spills.removeAll(group);
      for (Path p : group) {
        TempFiles.delete(p);
      }
    }
  }

  /**
   * Merges the ranked files {@code files} and the ranked buffer ({@code order}) into
   * {@code sink}, stopping after {@code limit} grams.
   */
  private void mergeSpills(List<Path> files, long[] order, GramSink sink, long limit)
      throws IOException {
    int k = files.size();
    Source[] heap = new Source[k + 1];
    int n = 0;
    try {
      for (Path p : files) {
        Source s = new Source(new DataInputStream(
            new BufferedInputStream(Files.newInputStream(p), 1 << 16)), null, 0);
        heap[n++] = s;
      }
      heap[n++] = new Source(null, order, indexMask);
      int live = 0;
      for (int i = 0; i < n; i++) {
        if (heap[i].next(data)) {
          heap[live++] = heap[i];
        } else {
          heap[i].close();
        }
      }
      n = live;
      for (int i = n / 2 - 1; i >= 0; i--) {
        siftDown(heap, n, i);
      }
      for (long emitted = 0; n > 0 && emitted < limit; emitted++) {
        Source s = heap[0];
        sink.accept(s.hi, s.lo, s.count);
        if (!s.next(data)) {
          s.close();
          heap[0] = heap[--n];
        }
        siftDown(heap, n, 0);
      }
    } finally {
      for (int i = 0; i < n; i++) {
        heap[i].close();
      }
    }
  }

  private static void siftDown(Source[] heap, int n, int i) {
    Source x = heap[i];
    while (true) {
      int c = 2 * i + 1;
      if (c >= n) {
        break;
      }
      if (c + 1 < n && heap[c + 1].before(heap[c])) {
        c++;
      }
      if (!heap[c].before(x)) {
        break;
      }
      heap[i] = heap[c];
      i = c;
    }
    if (n > 0) {
      heap[i] = x;
    }
  }

  /** A ranked stream: a spill file, or the ranked in-memory buffer. */
  private static final class Source {
    private final DataInputStream in;
    private final long[] order;
    private final long mask;
    private int at;
    long hi;
    long lo;
    long count;

    Source(DataInputStream in, long[] order, long mask) {
      this.in = in;
      this.order = order;
      this.mask = mask;
    }

    boolean next(long[] data) throws IOException {
      if (order != null) {
        if (at == order.length) {
          return false;
        }
        int i = (int) (order[at++] & mask);
        hi = data[3 * i];
        lo = data[3 * i + 1];
        count = data[3 * i + 2];
        return true;
      }
      try {
        hi = in.readLong();
      } catch (EOFException e) {
        return false;
      }
      lo = in.readLong();
      count = in.readLong();
      return true;
    }

    boolean before(Source o) {
      if (count != o.count) {
        return count > o.count;
      }
      return Grams.compare(hi, lo, o.hi, o.lo) < 0;
    }

    void close() throws IOException {
      if (in != null) {
        in.close();
      }
    }
  }

  private void set(int i, long hi, long lo, long count) {
    data[3 * i] = hi;
    data[3 * i + 1] = lo;
    data[3 * i + 2] = count;
  }

  /** True if the entry at {@code i} ranks below (hi, lo, count). */
  private boolean worse(int i, long hi, long lo, long count) {
    long c = data[3 * i + 2];
    if (c != count) {
      return c < count;
    }
    return Grams.compare(data[3 * i], data[3 * i + 1], hi, lo) > 0;
  }

  private boolean worseAt(int i, int j) {
    return worse(i, data[3 * j], data[3 * j + 1], data[3 * j + 2]);
  }

  private void up(int i) {
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (!worseAt(i, p)) {
        break;
      }
      swap(i, p);
      i = p;
    }
  }

  private void down(int i) {
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        return;
      }
      int w = l;
      if (l + 1 < size && worseAt(l + 1, l)) {
        w = l + 1;
      }
      if (!worseAt(w, i)) {
        return;
      }
      swap(i, w);
      i = w;
    }
  }

  private void swap(int a, int b) {
    for (int k = 0; k < 3; k++) {
      long t = data[3 * a + k];
      data[3 * a + k] = data[3 * b + k];
      data[3 * b + k] = t;
    }
  }
}
