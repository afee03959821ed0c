package dev.ciku.store;

import dev.ciku.count.CountSummary;
import dev.ciku.count.GramSink;
import dev.ciku.count.Grams;
import dev.ciku.corpus.UnitTable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A persisted n-gram table, read through memory mapping: the grams stay off the Java heap and the
 * operating system pages them in on demand, so opening a store costs milliseconds and several
 * processes can share one file.
 *
 * <h2>File format (little-endian)</h2>
 * <pre>
 * 0    magic "CIKUNGR1"
 * 8    int format version (1), int order
 * 16   long minCount, long clauses, long chars
 * 40   long positions[0..6]            (n-gram positions per length, index 0 unused)
 * 96   long entryCount, long unitTableOffset
 * 112  (reserved to 128)
 * 128  entryCount x (long hi, long lo, long count), sorted by gram ({@link Grams} packing)
 * unitTableOffset: int latinCount, then latinCount x (int byteLength, UTF-8 bytes)
 * </pre>
 * Han units are stored as their code points, Latin units by index in the unit table.
 *
 * <p>Lookups are binary searches ({@code O(log n)} page touches). Instances are immutable after
 * opening and safe for concurrent reads.
 */
public final class NgramStore implements AutoCloseable {
  static final byte[] MAGIC = "CIKUNGR1".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  static final int HEADER = 128;
  static final int ENTRY = 24;
  private static final long SEGMENT_ENTRIES = (1L << 30) / ENTRY;

  private final Path path;
  private final FileChannel channel;
  private final MappedByteBuffer[] segments;
  private final int order;
  private final long minCount;
  private final long clauses;
  private final long chars;
  private final long[] positions;
  private final long size;
  private final UnitTable units;

  private NgramStore(Path path, FileChannel channel, MappedByteBuffer[] segments, int order,
      long minCount, long clauses, long chars, long[] positions, long size, UnitTable units) {
    this.path = path;
    this.channel = channel;
    this.segments = segments;
    this.order = order;
    this.minCount = minCount;
    this.clauses = clauses;
    this.chars = chars;
    this.positions = positions;
    this.size = size;
    this.units = units;
  }

  /**
   * Opens a store written by {@link StoreWriter}.
   *
   * @throws java.nio.file.NoSuchFileException if it does not exist
   * @throws StoreFormatException if the file is not a ciku n-gram store
   */
  public static NgramStore open(Path path) throws IOException {
    FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
    try {
      long fileSize = ch.size();
      if (fileSize < HEADER) {
        throw new StoreFormatException(path + " is not a ciku n-gram store (too short)");
      }
      ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, h, 0);
      h.flip();
      byte[] magic = new byte[8];
      h.get(magic);
      if (!java.util.Arrays.equals(magic, MAGIC)) {
        throw new StoreFormatException(path + " is not a ciku n-gram store (bad magic)");
      }
      int version = h.getInt();
      if (version != VERSION) {
        throw new StoreFormatException(path + ": store format " + version + " is not supported");
      }
      int order = h.getInt();
      long minCount = h.getLong();
      long clauses = h.getLong();
      long chars = h.getLong();
      long[] positions = new long[Grams.MAX_ORDER + 1];
      for (int i = 0; i <= Grams.MAX_ORDER; i++) {
        positions[i] = h.getLong();
      }
      long size = h.getLong();
      long unitOffset = h.getLong();
      if (order < 1 || order > Grams.MAX_ORDER || size < 0
          || unitOffset != HEADER + size * ENTRY || unitOffset > fileSize) {
        throw new StoreFormatException(path + ": damaged store header");
      }
      UnitTable units = readUnits(ch, unitOffset, fileSize, path);
      List<MappedByteBuffer> segs = new ArrayList<>();
      for (long first = 0; first < size; first += SEGMENT_ENTRIES) {
        long n = Math.min(SEGMENT_ENTRIES, size - first);
        MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, HEADER + first * ENTRY, n * ENTRY);
        m.order(ByteOrder.LITTLE_ENDIAN);
        segs.add(m);
      }
      return new NgramStore(path, ch, segs.toArray(new MappedByteBuffer[0]), order, minCount,
          clauses, chars, positions, size, units);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  private static UnitTable readUnits(FileChannel ch, long offset, long fileSize, Path path)
      throws IOException {
    int len = (int) Math.min(Integer.MAX_VALUE, fileSize - offset);
    ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
    readFully(ch, b, offset);
    b.flip();
    UnitTable t = new UnitTable();
    try {
      int n = b.getInt();
      for (int i = 0; i < n; i++) {
        byte[] s = new byte[b.getInt()];
        b.get(s);
        int id = t.latinId(new String(s, StandardCharsets.UTF_8));
        if (id != UnitTable.LATIN_BASE + i) {
          throw new StoreFormatException(path + ": duplicate unit in unit table");
        }
      }
    } catch (java.nio.BufferUnderflowException | NegativeArraySizeException e) {
      throw new StoreFormatException(path + ": damaged unit table");
    }
    return t;
  }

  private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
    while (b.hasRemaining()) {
      int n = ch.read(b, pos);
      if (n < 0) {
        break;
      }
      pos += n;
    }
  }

  /** Header metadata as a {@link CountSummary}. */
  public CountSummary summary() {
    return new CountSummary(order, minCount, units, positions.clone(), clauses, chars, size, 0);
  }

  public Path path() {
    return path;
  }

  public int order() {
    return order;
  }

  public long minCount() {
    return minCount;
  }

  /** n-gram positions of length {@code n}. */
  public long positions(int n) {
    return positions[n];
  }

  /** Number of grams stored. */
  public long size() {
    return size;
  }

  /** The unit table decoding the grams. */
  public UnitTable units() {
    return units;
  }

  private MappedByteBuffer seg(long i) {
    return segments[(int) (i / SEGMENT_ENTRIES)];
  }

  private static int off(long i) {
    return (int) (i % SEGMENT_ENTRIES) * ENTRY;
  }

  /** {@code hi} of entry {@code i}. */
  public long hi(long i) {
    return seg(i).getLong(off(i));
  }

  /** {@code lo} of entry {@code i}. */
  public long lo(long i) {
    return seg(i).getLong(off(i) + 8);
  }

  /** Count of entry {@code i}. */
  public long count(long i) {
    return seg(i).getLong(off(i) + 16);
  }

  /** Index of the gram, or {@code -(insertion point) - 1}. */
  public long find(long hi, long lo) {
    long a = 0;
    long b = size - 1;
    while (a <= b) {
      long m = (a + b) >>> 1;
      int c = Grams.compare(hi(m), lo(m), hi, lo);
      if (c < 0) {
        a = m + 1;
      } else if (c > 0) {
        b = m - 1;
      } else {
        return m;
      }
    }
    return -(a + 1);
  }

  /** Count of the gram, or 0 if absent (or pruned below {@link #minCount}). */
  public long get(long hi, long lo) {
    long i = find(hi, lo);
    return i >= 0 ? count(i) : 0;
  }

  /** Streams all entries in gram order. */
  public void forEach(GramSink sink) {
    for (MappedByteBuffer m : segments) {
      int n = m.capacity() / ENTRY;
      for (int k = 0; k < n; k++) {
        int o = k * ENTRY;
        sink.accept(m.getLong(o), m.getLong(o + 8), m.getLong(o + 16));
      }
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** The file is not a readable store. */
  public static final class StoreFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public StoreFormatException(String message) {
      super(message);
    }
  }
}
