package dev.ciku.count;

import dev.ciku.io.OutputException;
import dev.ciku.io.TempFiles;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A run of distinct grams in gram order with their counts, held in memory (24 bytes an entry) or
 * spilled to a temporary file. Runs are merged by {@link RunMerger}. Not thread-safe; a run is
 * written once and then only read.
 *
 * <p>Spilled entries are front-coded: a byte holding the number of leading units shared with
 * the previous gram and the gram's length, the units that differ (3 bytes each), and the count
 * as a varint: about 5 bytes an entry in a run of every order, where consecutive grams mostly
 * extend one another. Every {@value #BLOCK} entries a block starts with a whole gram; the
 * offsets and first grams of the blocks stay in memory, so that a range of a spilled run can be
 * found ({@link #lowerBound}) and read without decoding what comes before it.
 */
public final class SortedRun {
  /** Entries per block of a spilled run. */
  static final int BLOCK = 4096;
  private static final int IO_BUFFER = 1 << 20;
  /** Smallest read buffer of a spilled run's cursor. */
  static final int MIN_BUFFER = 1 << 16;
  /** Largest encoded entry: header, 6 units, a 10-byte varint. */
  private static final int MAX_ENTRY = 1 + 3 * Grams.MAX_ORDER + 10;

  private long[] data;
  private final int size;
  private Path file;
  /** Of a spilled run: byte offset of each block, and (hi, lo) of its first gram. */
  private long[] blockOffsets;
  private long[] blockKeys;

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
   * Writes entries, given in gram order and without repeats, to a temporary file; {@link #finish}
   * returns them as a spilled run. Not thread-safe.
   */
  static final class FileWriter implements GramSink, AutoCloseable {
    private final Path file;
    private final FileChannel ch;
    private final byte[] buf = new byte[IO_BUFFER];
    private int pos;
    private long written;
    private long size;
    private long prevHi;
    private long prevLo;
    private final LongArrayList offsets = new LongArrayList();
    private final LongArrayList keys = new LongArrayList();
    private boolean done;

    FileWriter(Path dir) throws IOException {
      file = TempFiles.create(dir, "ciku-run-", ".bin");
      try {
        ch = FileChannel.open(file, StandardOpenOption.WRITE);
      } catch (IOException | RuntimeException e) {
        TempFiles.delete(file);
        throw e;
      }
    }

    @Override
    public void accept(long hi, long lo, long count) {
      if (pos > buf.length - MAX_ENTRY) {
        flush();
      }
      int lcp;
      if (size % BLOCK == 0) {
        offsets.add(written + pos);
        keys.add(hi);
        keys.add(lo);
        lcp = 0;
      } else {
        lcp = Grams.commonPrefix(prevHi, prevLo, hi, lo);
      }
      int len = Grams.length(hi, lo);
      lcp = Math.min(lcp, len);
      byte[] b = buf;
      int p = pos;
      b[p++] = (byte) (lcp << 3 | len);
      for (int i = lcp; i < len; i++) {
        int u = Grams.unit(hi, lo, i);
        b[p++] = (byte) u;
        b[p++] = (byte) (u >>> 8);
        b[p++] = (byte) (u >>> 16);
      }
      long c = count;
      while ((c & ~0x7FL) != 0) {
        b[p++] = (byte) (c | 0x80);
        c >>>= 7;
      }
      b[p++] = (byte) c;
      pos = p;
      prevHi = hi;
      prevLo = lo;
      size++;
    }

    private void flush() {
      ByteBuffer bb = ByteBuffer.wrap(buf, 0, pos);
      try {
        while (bb.hasRemaining()) {
          ch.write(bb);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(OutputException.of("temporary file " + file, e));
      }
      written += pos;
      pos = 0;
    }

    /** Closes the file and returns the run it holds. */
    SortedRun finish() throws IOException {
      if (size > Integer.MAX_VALUE) {
        throw new IOException("run too large: " + size + " grams");
      }
      SortedRun run = new SortedRun(null, (int) size);
      finishInto(run);
      return run;
    }

    /** Closes the file and hands it, with its block index, to {@code run}. */
    void finishInto(SortedRun run) throws IOException {
      try {
        flush();
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      ch.close();
      run.file = file;
      run.blockOffsets = offsets.toLongArray();
      run.blockKeys = keys.toLongArray();
      done = true;
    }

    /** Deletes the file unless {@link #finish} handed it over. */
    @Override
    public void close() throws IOException {
      if (!done) {
        ch.close();
        TempFiles.delete(file);
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
    try (FileWriter w = new FileWriter(dir)) {
      long[] d = data;
      for (int i = 0; i < 3 * size; i += 3) {
        w.accept(d[i], d[i + 1], d[i + 2]);
      }
      w.finishInto(this);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    long[] released = data;
    data = null;
    return released;
  }

  /** Deletes the spill file, if any. */
  public void delete() {
    if (file != null) {
      try {
        TempFiles.delete(file);
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
    return cursor(from, to, IO_BUFFER);
  }

  /**
   * As {@link #cursor(int, int)}, reading a spilled run through a buffer of {@code bufferBytes}
   * (at least {@value #MIN_BUFFER}).
   */
  Cursor cursor(int from, int to, int bufferBytes) throws IOException {
    if (from < 0 || to > size || from > to) {
      throw new IndexOutOfBoundsException("entries " + from + ".." + to + " of " + size);
    }
    if (file == null) {
      return new MemoryCursor(data, from, to);
    }
    if (from == to) {
      return new MemoryCursor(null, 0, 0);
    }
    int block = from / BLOCK;
    FileCursor c = new FileCursor(file, blockOffsets[block], to - block * BLOCK,
        Math.max(MIN_BUFFER, bufferBytes));
    try {
      for (int i = block * BLOCK; i < from; i++) {
        c.next();
      }
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /**
   * Index of the first entry whose gram is not less than {@code (hi, lo)} ({@link #size} if
   * none): a binary search, over the blocks and then within one block once spilled.
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
    // The last block whose first gram is below the key holds the answer or ends before it.
    int a = 0;
    int b = blockOffsets.length;
    while (a < b) {
      int m = (a + b) >>> 1;
      if (Grams.compare(blockKeys[2 * m], blockKeys[2 * m + 1], hi, lo) < 0) {
        a = m + 1;
      } else {
        b = m;
      }
    }
    if (a == 0) {
      return 0;
    }
    int block = a - 1;
    int start = block * BLOCK;
    int end = Math.min(size, start + BLOCK);
    try (Cursor c = cursor(start, end)) {
      int i = start;
      while (c.next()) {
        if (Grams.compare(c.hi, c.lo, hi, lo) >= 0) {
          return i;
        }
        i++;
      }
      return end;
    }
  }

  /**
   * The grams of up to {@code k} entries spread evenly over the run (block starts once
   * spilled), as {@code (hi, lo)} pairs appended to {@code out} from index {@code at}; returns
   * the new end index.
   */
  int sample(int k, long[] out, int at) {
    if (file == null) {
      int n = Math.min(k, size);
      for (int i = 0; i < n; i++) {
        int e = (int) ((long) size * i / n);
        out[at++] = data[3 * e];
        out[at++] = data[3 * e + 1];
      }
      return at;
    }
    int blocks = blockOffsets.length;
    int n = Math.min(k, blocks);
    for (int i = 0; i < n; i++) {
      int b = (int) ((long) blocks * i / n);
      out[at++] = blockKeys[2 * b];
      out[at++] = blockKeys[2 * b + 1];
    }
    return at;
  }

  /**
   * Iterates a run in order: {@link #next} moves to the next entry, whose gram and count the
   * accessors then give (undefined before the first {@code next} and after the last). Not
   * thread-safe; one reader per cursor.
   */
  public abstract static class Cursor implements AutoCloseable {
    /** Only the cursors of this class: its fields are theirs to set. */
    Cursor() {}

    /** Units 0..2 of the current gram ({@link Grams} packing), set by {@link #next}. */
    long hi;
    /** Units 3..5 of the current gram, set by {@link #next}. */
    long lo;
    /** The count of the current gram, set by {@link #next}. */
    long count;

    /** Advances; false at the end. */
    public abstract boolean next() throws IOException;

    /** Units 0..2 of the current gram ({@link Grams} packing). */
    public final long hi() {
      return hi;
    }

    /** Units 3..5 of the current gram. */
    public final long lo() {
      return lo;
    }

    /** The count of the current gram (summed over the run's equal grams). */
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

  /** Decodes a spilled run from a block start. */
  private static final class FileCursor extends Cursor {
    private final FileChannel ch;
    private final byte[] buf;
    private final ByteBuffer wrap;
    private int pos;
    private int limit;
    private boolean eof;
    private long remaining;

    FileCursor(Path file, long offset, long count, int bufferBytes) throws IOException {
      buf = new byte[bufferBytes];
      wrap = ByteBuffer.wrap(buf);
      ch = FileChannel.open(file, StandardOpenOption.READ);
      ch.position(offset);
      remaining = count;
    }

    @Override
    public boolean next() throws IOException {
      if (remaining == 0) {
        return false;
      }
      if (limit - pos < MAX_ENTRY && !eof) {
        refill();
      }
      if (pos >= limit) {
        throw new IOException("spill file ended early");
      }
      byte[] b = buf;
      int p = pos;
      int head = b[p++];
      int lcp = head >>> 3;
      int len = head & 7;
      long h = Grams.prefixHi(hi, lcp);
      long l = Grams.prefixLo(lo, lcp);
      for (int i = lcp; i < len; i++) {
        long u = (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16;
        p += 3;
        if (i < 3) {
          h |= u << (Grams.BITS * (2 - i));
        } else {
          l |= u << (Grams.BITS * (5 - i));
        }
      }
      long c = 0;
      int shift = 0;
      while (true) {
        byte x = b[p++];
        c |= (long) (x & 0x7F) << shift;
        if (x >= 0) {
          break;
        }
        shift += 7;
      }
      pos = p;
      hi = h;
      lo = l;
      count = c;
      remaining--;
      return true;
    }

    private void refill() throws IOException {
      int left = limit - pos;
      System.arraycopy(buf, pos, buf, 0, left);
      pos = 0;
      limit = left;
      wrap.clear().position(left);
      while (wrap.hasRemaining()) {
        int n = ch.read(wrap);
        if (n < 0) {
          eof = true;
          break;
        }
      }
      limit = wrap.position();
    }

    @Override
    public void close() throws IOException {
      ch.close();
    }
  }
}
