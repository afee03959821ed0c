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

  private long[] his;
  private long[] los;
  private long[] counts;
  private final int size;
  private Path file;

  private SortedRun(long[] his, long[] los, long[] counts, int size) {
    this.his = his;
    this.los = los;
    this.counts = counts;
    this.size = size;
  }

  /** A run over the first {@code size} entries of the arrays, which must be sorted. */
  public static SortedRun inMemory(long[] his, long[] los, long[] counts, int size) {
    return new SortedRun(his, los, counts, size);
  }

  /** Entries in the run. */
  public int size() {
    return size;
  }

  /** Heap bytes held (0 once spilled). */
  public long heapBytes() {
    return his == null ? 0 : 24L * his.length;
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
      for (int i = 0; i < size; i++) {
        if (buf.remaining() < 24) {
          buf.flip();
          while (buf.hasRemaining()) {
            ch.write(buf);
          }
          buf.clear();
        }
        buf.putLong(his[i]).putLong(los[i]).putLong(counts[i]);
      }
      buf.flip();
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
    }
    file = f;
    his = null;
    los = null;
    counts = null;
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
    his = null;
    los = null;
    counts = null;
  }

  /** A cursor positioned before the first entry. */
  public Cursor cursor() throws IOException {
    if (file == null) {
      return new MemoryCursor(his, los, counts, size);
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
    private final long[] h;
    private final long[] l;
    private final long[] c;
    private final int n;
    private int i = -1;

    MemoryCursor(long[] h, long[] l, long[] c, int n) {
      this.h = h;
      this.l = l;
      this.c = c;
      this.n = n;
    }

    @Override
    public boolean next() {
      if (++i >= n) {
        return false;
      }
      hi = h[i];
      lo = l[i];
      count = c[i];
      return true;
    }
  }

  private static final class FileCursor extends Cursor {
    private final FileChannel ch;
    private final ByteBuffer buf = ByteBuffer.allocateDirect(IO_BUFFER).order(ByteOrder.nativeOrder());
    private long remaining;

    FileCursor(Path file, long size) throws IOException {
      ch = FileChannel.open(file, StandardOpenOption.READ);
      remaining = size;
      buf.limit(0);
    }

    @Override
    public boolean next() throws IOException {
      if (remaining == 0) {
        return false;
      }
      if (buf.remaining() < 24) {
        buf.compact();
        while (buf.position() < 24) {
          if (ch.read(buf) < 0) {
            throw new IOException("spill file ended early");
          }
        }
        buf.flip();
      }
      hi = buf.getLong();
      lo = buf.getLong();
      count = buf.getLong();
      remaining--;
      return true;
    }

    @Override
    public void close() throws IOException {
      ch.close();
    }
  }
}
