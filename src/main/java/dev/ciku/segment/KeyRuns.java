package dev.ciku.segment;

import dev.ciku.io.OutputException;
import dev.ciku.io.TempFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sorted runs of keys with counts, spilled to temporary files and merged back in key order with
 * the counts of equal keys summed: what {@link FragmentTable} and {@link PairCounts} write when
 * they outgrow their budget. A key is a sequence of 1..{@value #MAX_LENGTH} ints; keys are
 * ordered by length, then int by int, each compared unsigned ({@link #compare}), so that a
 * fragment's order is its canonical one and a pair of ints {@code (a, b)} sorts as the
 * non-negative long {@code a << 32 | b}.
 *
 * <p>A run file holds its entries in order, each front-coded: a byte with the number of leading
 * ints it shares with the previous key of the run, a byte with its length, the other ints as
 * unsigned varints and the count as a varint (a Han fragment of three characters takes about
 * 6 to 10 bytes). Files are made by {@link TempFiles#create} in the given directory, so a
 * signal's shutdown hook deletes them; {@link #merge} deletes each once it is read, and
 * {@link #close} whatever is left (after an error too).
 *
 * <p>Memory: a writer or a run being read holds a buffer of {@link #bufferBytes()} (1/64 of the
 * budget, between 4 KB and 1 MB), and one merge reads at most {@code budget / bufferBytes - 1}
 * runs at once (at least 2): more runs are merged in passes, the first ones into a new run, so
 * the buffers stay within the budget; one key of at most {@value #MAX_LENGTH} ints a run
 * besides. Cost: one sequential write of each entry, and one read and write for each pass of the
 * merge (a single pass unless there are more runs than that). Not thread-safe.
 */
final class KeyRuns implements AutoCloseable {
  /** Longest key, in ints. */
  static final int MAX_LENGTH = 255;
  /** Largest encoded entry: two header bytes, the ints and a 64-bit count as varints. */
  private static final int MAX_ENTRY = 2 + 5 * MAX_LENGTH + 10;
  private static final int MIN_BUFFER = 4 << 10;
  private static final int MAX_BUFFER = 1 << 20;

  /**
   * Receives keys with their counts: {@code key[from..from + length)}, an array the caller may
   * reuse once the call returns.
   */
  interface Sink {
    void accept(int[] key, int from, int length, long count);
  }

  private final Path dir;
  private final String prefix;
  private final int buffer;
  private final int fanIn;
  /** The files of the runs not merged yet, in the order they were written. */
  private final List<Path> files = new ArrayList<>();
  private int written;

  /**
   * @param dir where the run files go
   * @param prefix the start of their names ({@code ciku-fragments-}: which table spilled)
   * @param budget bytes the buffers of a merge may take
   */
  KeyRuns(Path dir, String prefix, long budget) {
    this.dir = dir;
    this.prefix = prefix;
    this.buffer = (int) Math.max(MIN_BUFFER, Math.min(MAX_BUFFER, budget / 64));
    this.fanIn = (int) Math.max(2, Math.min(1 << 16, budget / buffer - 1));
  }

  /**
   * Compares {@code a[af..af + al)} with {@code b[bf..bf + bl)}: the shorter first, then the
   * first int that differs, unsigned.
   */
  static int compare(int[] a, int af, int al, int[] b, int bf, int bl) {
    if (al != bl) {
      return Integer.compare(al, bl);
    }
    for (int k = 0; k < al; k++) {
      int x = a[af + k];
      int y = b[bf + k];
      if (x != y) {
        return Integer.compareUnsigned(x, y);
      }
    }
    return 0;
  }

  /** Bytes of the buffer of a writer or of a run being read. */
  int bufferBytes() {
    return buffer;
  }

  /** Runs written so far (intermediate runs of a merge not counted). */
  int runs() {
    return written;
  }

  /** The directory the runs go to. */
  Path dir() {
    return dir;
  }

  /** Starts a run: give it its entries in key order, each key once, then {@link Writer#finish}. */
  Writer writer() {
    written++;
    return new Writer();
  }

  /** Writes one run file; not thread-safe. */
  final class Writer implements Sink {
    private final Path file;
    private final OutputStream out;
    private final byte[] buf = new byte[buffer];
    private final int[] prev = new int[MAX_LENGTH];
    private int prevLength;
    private int pos;

    private Writer() {
      try {
        file = TempFiles.create(dir, prefix, ".run");
        files.add(file);
        out = Files.newOutputStream(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * Appends {@code key[from..from + length)} with its count.
     *
     * @throws IllegalArgumentException if the key is empty, longer than {@value #MAX_LENGTH} or
     *     not after the previous one
     */
    @Override
    public void accept(int[] key, int from, int length, long count) {
      if (length < 1 || length > MAX_LENGTH) {
        throw new IllegalArgumentException("key length " + length + " not in 1.." + MAX_LENGTH);
      }
      if (prevLength > 0 && compare(prev, 0, prevLength, key, from, length) >= 0) {
        throw new IllegalArgumentException("keys of a run must ascend");
      }
      if (pos > buf.length - MAX_ENTRY) {
        flush();
      }
      int shared = 0;
      if (length == prevLength) {
        while (shared < length && prev[shared] == key[from + shared]) {
          shared++;
        }
      }
      byte[] b = buf;
      int p = pos;
      b[p++] = (byte) shared;
      b[p++] = (byte) length;
      for (int k = shared; k < length; k++) {
        p = putVarint(b, p, key[from + k] & 0xFFFFFFFFL);
      }
      pos = putVarint(b, p, count);
      System.arraycopy(key, from, prev, 0, length);
      prevLength = length;
    }

    private void flush() {
      try {
        out.write(buf, 0, pos);
      } catch (IOException e) {
        throw failed(e);
      }
      pos = 0;
    }

    /** Writes what is buffered and closes the file. */
    void finish() {
      flush();
      try {
        out.close();
      } catch (IOException e) {
        throw failed(e);
      }
    }

    /** The error of a write that failed (a full disk); the file is closed, and deleted later. */
    private UncheckedIOException failed(IOException e) {
      try {
        out.close();
      } catch (IOException ignored) {
        // the first error is the one to report
      }
      return new UncheckedIOException(OutputException.of("temporary file " + file, e));
    }
  }

  private static int putVarint(byte[] b, int p, long v) {
    while ((v & ~0x7FL) != 0) {
      b[p++] = (byte) (v | 0x80);
      v >>>= 7;
    }
    b[p++] = (byte) v;
    return p;
  }

  /**
   * Merges every run into {@code sink}: each distinct key once, in key order, with the sum of its
   * counts. The run files are deleted as they are read; afterwards there are none.
   *
   * @return the number of distinct keys given to the sink
   */
  long merge(Sink sink) {
    while (files.size() > fanIn) {
      List<Path> group = new ArrayList<>(files.subList(0, fanIn));
      files.subList(0, fanIn).clear();
      Writer w = new Writer();
      mergeFiles(group, w);
      w.finish();
    }
    List<Path> last = new ArrayList<>(files);
    files.clear();
    return mergeFiles(last, sink);
  }

  /** Merges {@code group} into {@code sink}, deleting its files; returns the distinct keys. */
  private long mergeFiles(List<Path> group, Sink sink) {
    int n = group.size();
    Cursor[] cursors = new Cursor[n];
    try {
      // A binary min-heap of the cursors that have an entry, by key then by run.
      int[] heap = new int[n];
      int h = 0;
      for (int r = 0; r < n; r++) {
        cursors[r] = new Cursor(group.get(r));
        if (cursors[r].next()) {
          heap[h] = r;
          up(heap, h++, cursors);
        }
      }
      int[] key = new int[MAX_LENGTH];
      long distinct = 0;
      while (h > 0) {
        Cursor c = cursors[heap[0]];
        int length = c.length;
        System.arraycopy(c.key, 0, key, 0, length);
        long count = 0;
        do {
          Cursor top = cursors[heap[0]];
          count += top.count;
          if (top.next()) {
            down(heap, 0, h, cursors);
          } else {
            heap[0] = heap[--h];
            down(heap, 0, h, cursors);
          }
        } while (h > 0
            && compare(cursors[heap[0]].key, 0, cursors[heap[0]].length, key, 0, length) == 0);
        sink.accept(key, 0, length, count);
        distinct++;
      }
      return distinct;
    } finally {
      for (Cursor c : cursors) {
        if (c != null) {
          c.close();
        }
      }
      TempFiles.deleteAll(group);
    }
  }

  private static boolean less(int x, int y, Cursor[] c) {
    int d = compare(c[x].key, 0, c[x].length, c[y].key, 0, c[y].length);
    return d < 0 || d == 0 && x < y;
  }

  private static void up(int[] heap, int i, Cursor[] c) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!less(heap[i], heap[parent], c)) {
        return;
      }
      int t = heap[i];
      heap[i] = heap[parent];
      heap[parent] = t;
      i = parent;
    }
  }

  private static void down(int[] heap, int i, int size, Cursor[] c) {
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        return;
      }
      int m = l + 1 < size && less(heap[l + 1], heap[l], c) ? l + 1 : l;
      if (!less(heap[m], heap[i], c)) {
        return;
      }
      int t = heap[i];
      heap[i] = heap[m];
      heap[m] = t;
      i = m;
    }
  }

  /** Reads one run file, an entry at a time, into its own key array. */
  private final class Cursor {
    private final Path file;
    private final InputStream in;
    private final byte[] buf = new byte[buffer];
    private int pos;
    private int limit;
    private boolean eof;
    final int[] key = new int[MAX_LENGTH];
    int length;
    long count;

    Cursor(Path file) {
      this.file = file;
      try {
        in = Files.newInputStream(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Reads the next entry; false at the end of the run. */
    boolean next() {
      if (limit - pos < MAX_ENTRY && !eof) {
        fill();
      }
      if (pos == limit) {
        return false;
      }
      int shared = buf[pos++] & 0xFF;
      int len = buf[pos++] & 0xFF;
      if (len < 1 || shared > len || shared > length) {
        throw new UncheckedIOException(new IOException("temporary file " + file
            + " is corrupt"));
      }
      for (int k = shared; k < len; k++) {
        key[k] = (int) varint();
      }
      length = len;
      count = varint();
      if (pos > limit) {
        throw new UncheckedIOException(new IOException("temporary file " + file
            + " ended early"));
      }
      return true;
    }

    private long varint() {
      long v = 0;
      int shift = 0;
      byte b;
      do {
        b = pos < limit ? buf[pos] : 0;
        pos++;
        v |= (long) (b & 0x7F) << shift;
        shift += 7;
      } while (b < 0 && shift < 64);
      return v;
    }

    private void fill() {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
      try {
        while (limit < buf.length) {
          int r = in.read(buf, limit, buf.length - limit);
          if (r < 0) {
            eof = true;
            return;
          }
          limit += r;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void close() {
      try {
        in.close();
      } catch (IOException e) {
        // read only: nothing lost
      }
    }
  }

  /** Deletes the run files not merged yet. */
  @Override
  public void close() {
    TempFiles.deleteAll(files);
    files.clear();
  }
}
