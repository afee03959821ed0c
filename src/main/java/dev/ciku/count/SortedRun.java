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

  /** Writes the run to a new file in {@code dir} and releases the arrays. */
  public void spill(Path dir) throws IOException {
    if (file != null) {
      return;
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
    data = null;
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
    if (file == null) {
      return new MemoryCursor(data, size);
    }
    return new FileCursor(file, size);
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
    private int p = -3;

    MemoryCursor(long[] d, int n) {
      this.d = d;
      this.end = 3 * n;
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

    FileCursor(Path file, long size) throws IOException {
      ch = FileChannel.open(file, StandardOpenOption.READ);
      remaining = size;
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
