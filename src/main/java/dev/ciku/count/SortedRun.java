package dev.ciku.count;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A run of distinct grams in gram order with their counts, held in memory (24 bytes an entry) or
 * spilled to a temporary file (the same 24 bytes, read back sequentially). Runs are merged by
 * {@link RunMerger}. Not thread-safe; a run is written once and then only read.
 */
public final class SortedRun {
  private static final int IO_BUFFER = 1 << 20;

  private long[] data;
  private final int size;
  private Path file;

  private SortedRun(long[] data, int size) {
    this.data = data;
    this.size = size;
  }

  /**
   * A run over the first {@code size} entries of {@code data}, each three longs
   * {@code (hi, lo, count)}, sorted by gram.
   */
  public static SortedRun inMemory(long[] data, int size) {
    return new SortedRun(data, size);
  }

  /**
   * Writes entries, given in gram order, to a temporary file; {@link #finish} returns them as a
   * spilled run. Used for the output of a merge that cannot stream to its sink yet. Not
   * thread-safe.
   */
  static final class FileWriter implements GramSink, AutoCloseable {
    private final Path file;
    private final FileChannel ch;
    private final ByteBuffer buf = ByteBuffer.allocateDirect(IO_BUFFER).order(ByteOrder.nativeOrder());
    private final long[] chunk = new long[3 * (IO_BUFFER / 24)];
    private int used;
    private long size;
    private boolean done;

    FileWriter(Path dir) throws IOException {
      file = Files.createTempFile(dir, "ciku-run-", ".bin");
      ch = FileChannel.open(file, StandardOpenOption.WRITE);
    }

    @Override
    public void accept(long hi, long lo, long count) {
      if (used == chunk.length) {
        flush();
      }
      chunk[used] = hi;
      chunk[used + 1] = lo;
      chunk[used + 2] = count;
      used += 3;
      size++;
    }

    private void flush() {
      buf.clear();
      buf.asLongBuffer().put(chunk, 0, used);
      buf.limit(8 * used);
      try {
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      used = 0;
    }

    /** Closes the file and returns the run it holds. */
    SortedRun finish() throws IOException {
      try {
        flush();
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      ch.close();
      if (size > Integer.MAX_VALUE) {
        throw new IOException("merged range too large: " + size + " grams");
      }
      SortedRun run = new SortedRun(null, (int) size);
      run.file = file;
      done = true;
      return run;
    }

    /** Deletes the file unless {@link #finish} handed it over. */
    @Override
    public void close() throws IOException {
      if (!done) {
        ch.close();
        Files.deleteIfExists(file);
      }
    }
  }

  /** Entries in the run. */
  public int size() {
    return size;
  }

  /** Heap bytes held (0 once spilled). */
  public long heapBytes() {
    return data == null ? 0 : 8L * data.length;
  }

  /** True once written to disk. */
  public boolean spilled() {
    return file != null;
  }

  /**
   * Writes the run to a new file in {@code dir} and releases its array, which it returns (null if
   * the run was spilled already) so that the caller can reuse it.
   */
  public long[] spill(Path dir) throws IOException {
    if (file != null) {
      return null;
    }
    Path f = Files.createTempFile(dir, "ciku-run-", ".bin");
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.allocateDirect(IO_BUFFER).order(ByteOrder.nativeOrder());
      int longs = 3 * size;
      for (int i = 0; i < longs; ) {
        int n = Math.min(longs - i, IO_BUFFER / 8);
        buf.clear();
        buf.asLongBuffer().put(data, i, n);
        buf.limit(8 * n);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        i += n;
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(f);
      throw e;
    }
    file = f;
    long[] released = data;
    data = null;
    return released;
  }

  /** Deletes the spill file, if any. */
  public void delete() {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    data = null;
  }

  /** A cursor positioned before the first entry. */
  public Cursor cursor() throws IOException {
    return cursor(0, size);
  }

  /** A cursor over entries {@code from..to} (indices), positioned before {@code from}. */
  Cursor cursor(int from, int to) throws IOException {
    if (from < 0 || to > size || from > to) {
      throw new IndexOutOfBoundsException("entries " + from + ".." + to + " of " + size);
    }
    if (file == null) {
      return new MemoryCursor(data, from, to);
    }
    return new FileCursor(file, from, to - from);
  }

  /**
   * Index of the first entry whose gram is not less than {@code (hi, lo)} ({@link #size} if
   * none): a binary search, with one positioned read a step once spilled.
   */
  int lowerBound(long hi, long lo) throws IOException {
    if (file == null) {
      int a = 0;
      int b = size;
      while (a < b) {
        int m = (a + b) >>> 1;
        if (Grams.compare(data[3 * m], data[3 * m + 1], hi, lo) < 0) {
          a = m + 1;
        } else {
          b = m;
        }
      }
      return a;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer key = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
      int a = 0;
      int b = size;
      while (a < b) {
        int m = (a + b) >>> 1;
        readKey(ch, m, key);
        if (Grams.compare(key.getLong(0), key.getLong(8), hi, lo) < 0) {
          a = m + 1;
        } else {
          b = m;
        }
      }
      return a;
    }
  }

  /**
   * The grams of up to {@code k} entries spread evenly over the run, as {@code (hi, lo)} pairs
   * appended to {@code out} from index {@code at}; returns the new end index.
   */
  int sample(int k, long[] out, int at) throws IOException {
    int n = Math.min(k, size);
    if (n == 0) {
      return at;
    }
    FileChannel ch = file == null ? null : FileChannel.open(file, StandardOpenOption.READ);
    try {
      ByteBuffer key = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
      for (int i = 0; i < n; i++) {
        int e = (int) ((long) size * i / n);
        if (ch == null) {
          out[at++] = data[3 * e];
          out[at++] = data[3 * e + 1];
        } else {
          readKey(ch, e, key);
          out[at++] = key.getLong(0);
          out[at++] = key.getLong(8);
        }
      }
    } finally {
      if (ch != null) {
        ch.close();
      }
    }
    return at;
  }

  private static void readKey(FileChannel ch, int entry, ByteBuffer key) throws IOException {
    key.clear();
    long pos = 24L * entry;
    while (key.hasRemaining()) {
      if (ch.read(key, pos + key.position()) < 0) {
        throw new IOException("spill file ended early");
      }
    }
  }

  /** Iterates a run in order. */
  public abstract static class Cursor implements AutoCloseable {
    protected long hi;
    protected long lo;
    protected long count;

    /** Advances; false at the end. */
    public abstract boolean next() throws IOException;

    public final long hi() {
      return hi;
    }

    public final long lo() {
      return lo;
    }

    public final long count() {
      return count;
    }

    @Override
    public void close() throws IOException {}
  }

  private static final class MemoryCursor extends Cursor {
    private final long[] d;
    private final int end;
    private int p;

    MemoryCursor(long[] d, int from, int to) {
      this.d = d;
      this.p = 3 * from - 3;
      this.end = 3 * to;
    }

    @Override
    public boolean next() {
      p += 3;
      if (p >= end) {
        return false;
      }
      hi = d[p];
      lo = d[p + 1];
      count = d[p + 2];
      return true;
    }
  }

  private static final class FileCursor extends Cursor {
    private final FileChannel ch;
    private final ByteBuffer buf = ByteBuffer.allocateDirect(IO_BUFFER).order(ByteOrder.nativeOrder());
    private final long[] chunk = new long[IO_BUFFER / 8];
    private long remaining;
    private int p;
    private int filled;

    FileCursor(Path file, long from, long count) throws IOException {
      ch = FileChannel.open(file, StandardOpenOption.READ);
      ch.position(24 * from);
      remaining = count;
    }

    @Override
    public boolean next() throws IOException {
      if (remaining == 0) {
        return false;
      }
      if (p == filled) {
        refill();
      }
      hi = chunk[p];
      lo = chunk[p + 1];
      count = chunk[p + 2];
      p += 3;
      remaining--;
      return true;
    }

    /** Reads the next whole entries (up to a buffer of them) into {@code chunk}. */
    private void refill() throws IOException {
      long entries = Math.min(remaining, IO_BUFFER / 24);
      buf.clear().limit((int) (24 * entries));
      while (buf.hasRemaining()) {
        if (ch.read(buf) < 0) {
          throw new IOException("spill file ended early");
        }
      }
      buf.flip();
      filled = (int) (3 * entries);
      buf.asLongBuffer().get(chunk, 0, filled);
      p = 0;
    }

    @Override
    public void close() throws IOException {
      ch.close();
    }
  }
}
