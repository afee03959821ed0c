package dev.ciku.store;

import dev.ciku.corpus.UnitTable;
import dev.ciku.count.CountSummary;
import dev.ciku.count.GramSink;
import dev.ciku.count.Grams;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A persisted n-gram table: one Chronicle Map file, memory-mapped and off the Java heap, from
 * packed grams ({@link GramKey}, 16 bytes) to their counts, written once by {@link StoreWriter}.
 * The operating system pages the file in on demand and several processes can open one store.
 * The store's metadata (order, min count, totals, Latin unit table) lives in the same map under
 * reserved keys ({@link StoreMeta}), so a store is a single file.
 *
 * <p>Cost: opening maps the file and reads its headers and the metadata entries (milliseconds:
 * Chronicle Map, whose first map costs a JVM about 2.5 CPU-seconds of start-up, is not loaded);
 * {@link #get} is one hash of the key and a probe of a hash lookup; {@link #forEach} visits the
 * entries in hash order, not in gram order, reading the file once. Files are about 32-34 bytes
 * a gram. Reading does not go through Chronicle Map: {@link
 * ChronicleFileReader} maps the file read-only and walks its documented layout without the
 * inter-process locks (a store is immutable once written), so readers need no write permission,
 * never change the file, and a reader killed mid-read cannot leave a lock behind.
 *
 * <p>Thread-safety: {@link #get} and {@link #forEach} may be called from several threads; the
 * metadata is immutable after opening.
 */
public final class NgramStore implements AutoCloseable {
  private static final byte[] OLD_MAGIC = "CIKUNGR1".getBytes(StandardCharsets.US_ASCII);
  /** Text that the serialised header of every Chronicle Map file starts with (checked on open). */
  private static final String CHRONICLE_HEADER = "VanillaChronicleMap";

  private final Path path;
  private final ChronicleFileReader map;
  private final StoreMeta.Header header;
  /** Largest unit id a gram of this store may hold (the last Latin unit of its table). */
  private final int maxUnit;

  private NgramStore(Path path, ChronicleFileReader map, StoreMeta.Header header) {
    this.path = path;
    this.map = map;
    this.header = header;
    this.maxUnit = UnitTable.LATIN_BASE + header.units().latinCount() - 1;
  }

  /**
   * Opens a store written by {@link StoreWriter}, read-only: the file is never written, so a
   * read-only file opens, its modification time stays, and a reader stopped at any point (even
   * killed) leaves the store as it was (see {@link ChronicleFileReader}).
   *
   * @throws java.nio.file.NoSuchFileException if it does not exist
   * @throws StoreFormatException if the file is not a ciku n-gram store, or is damaged
   */
  public static NgramStore open(Path path) throws IOException {
    sniff(path);
    try {
      ChronicleFileReader map = ChronicleFileReader.open(path);
      StoreMeta.Header h = StoreMeta.read(path, map::get);
      long expected = h.size() + h.entries();
      long entries = map.entries();
      if (entries != expected) {
        throw corrupt(path, "it holds " + entries + " entries, its header says " + expected);
      }
      return new NgramStore(path, map, h);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (RuntimeException e) {
      throw corrupt(path, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /**
   * The error for a store whose bytes do not make sense: one line naming the file and what was
   * wrong, saying to count the corpus again.
   */
  static StoreFormatException corrupt(Path path, String what) {
    return new StoreFormatException(path + " is corrupt (" + what + "); count the corpus again"
        + " with 'ciku count -o' to rebuild it");
  }

  /** Rejects files that are not Chronicle maps before Chronicle sees them. */
  private static void sniff(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      throw new StoreFormatException(path + " is a directory, not a ciku n-gram store");
    }
    if (Files.exists(path) && !Files.isRegularFile(path)) {
      // A pipe or process substitution: reading it to sniff would consume it, and it cannot be
      // memory-mapped anyway.
      throw new java.io.FileNotFoundException(path + " is not a regular file: a store is"
          + " memory-mapped, so it cannot be read from a pipe");
    }
    byte[] head = new byte[512];
    int n = 0;
    try (InputStream in = Files.newInputStream(path)) {
      while (n < head.length) {
        int r = in.read(head, n, head.length - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
    }
    if (n >= OLD_MAGIC.length
        && java.util.Arrays.equals(head, 0, OLD_MAGIC.length, OLD_MAGIC, 0, OLD_MAGIC.length)) {
      throw new StoreFormatException(path + " is an n-gram store of an older ciku (format 1):"
          + " count the corpus again with 'ciku count -o'");
    }
    if (n >= 2 && head[0] == (byte) 0x1f && head[1] == (byte) 0x8b) {
      // Compressed to be copied elsewhere: a store is read in place, never decompressed.
      throw new StoreFormatException(path + " is gzip data: a store is memory-mapped, so"
          + " decompress it first (gunzip -k " + path + ")");
    }
    String text = new String(head, 0, n, StandardCharsets.ISO_8859_1);
    if (!text.contains(CHRONICLE_HEADER)) {
      throw new StoreFormatException(path + " is not a ciku n-gram store");
    }
  }

  /** Header metadata as a {@link CountSummary}. */
  public CountSummary summary() {
    return new CountSummary(header.order(), header.minCount(), header.units(),
        header.positions().clone(), header.clauses(), header.chars(), header.size(), 0);
  }

  /**
   * How the text was normalised before counting: {@link Normalization#NONE} for stores written
   * before it was recorded, case kept (or lower-cased) for stores written before the case of
   * Latin letters was folded by default.
   */
  public Normalization normalization() {
    return header.normalization();
  }

  /**
   * Refuses (an {@link IllegalArgumentException} whose message is meant for the user) text
   * normalised as {@code asked} when this store's was normalised otherwise: its grams would not
   * match that text. The message names the options to give ({@code --keep-case} for a store
   * written before the case of Latin letters was folded by default); {@code hint} ends it (""
   * for none).
   */
  public void requireNormalization(Normalization asked, String hint) {
    Normalization n = normalization();
    if (!n.equals(asked)) {
      throw new IllegalArgumentException(path + " was counted " + n.describe()
          + "; give the same --simplify/--lowercase/--keep-case as when counting" + hint);
    }
  }

  /** The file the store was opened from, as given to {@link #open}. */
  public Path path() {
    return path;
  }

  /** The longest gram held, in units (1..{@link Grams#MAX_ORDER}). */
  public int order() {
    return header.order();
  }

  /** The min count the store was counted (or merged) with: rarer grams are not held. */
  public long minCount() {
    return header.minCount();
  }

  /** n-gram positions of length {@code n}. */
  public long positions(int n) {
    return header.positions()[n];
  }

  /** Number of grams stored. */
  public long size() {
    return header.size();
  }

  /** The unit table decoding the grams. */
  public UnitTable units() {
    return header.units();
  }

  /** Count of the gram, or 0 if absent (or pruned below {@link #minCount}). */
  public long get(long hi, long lo) {
    if (hi == 0) {
      return 0;
    }
    long c = map.get(hi, lo);
    return c == Long.MIN_VALUE ? 0 : c;
  }

  /**
   * Streams all grams, in hash order (not gram order), on the calling thread. Takes no lock and
   * writes nothing. A damaged store (an entry that is not a gram of its unit table, a broken
   * layout, or, once every entry is read, a checksum that does not match: a changed count, key
   * or header entry) throws an {@link UncheckedIOException} wrapping a
   * {@link StoreFormatException}; the sink has seen grams by then, so callers commit nothing
   * before this returns. So does a file cut short since it was opened (its mapped pages gone).
   */
  public void forEach(GramSink sink) {
    long[] sum = {0};
    try {
      map.forEach((hi, lo, c) -> {
        if (hi == 0) {
          if (lo != StoreMeta.K_CHECKSUM) {
            sum[0] += StoreMeta.mix(hi, lo, c);
          }
          return; // metadata
        }
        if (!isGram(hi, lo) || c < 1) {
          throw new UncheckedIOException(corrupt(path, "an entry that is not a gram"));
        }
        sum[0] += StoreMeta.mix(hi, lo, c);
        sink.accept(hi, lo, c);
      });
    } catch (InternalError e) {
      // How the JVM reports reading a mapped page whose file was truncated (SIGBUS).
      if (e.getMessage() == null || !e.getMessage().contains("unsafe memory access")) {
        throw e;
      }
      throw new UncheckedIOException(new StoreFormatException(path + " was cut short while it"
          + " was read (a store is never changed once written: was it overwritten in place?)"));
    }
    if (header.checksummed() && sum[0] != header.checksum()) {
      throw new UncheckedIOException(corrupt(path, "its checksum does not match its entries"));
    }
  }

  /** The two longs pack 1..order units, each a Han character or a unit of the table. */
  private boolean isGram(long hi, long lo) {
    if ((hi | lo) >>> 63 != 0) {
      return false;
    }
    int n = Grams.length(hi, lo);
    if (n > header.order() || hi != Grams.prefixHi(hi, n) || lo != Grams.prefixLo(lo, n)) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      int u = Grams.unit(hi, lo, i);
      if (u == 0 || u > maxUnit) {
        return false;
      }
    }
    return true;
  }

  /**
   * Nothing to release: the file was closed once mapped, and its read-only mapping holds no lock;
   * the mapping goes with the store when it is no longer referenced.
   */
  @Override
  public void close() {}

  /** The file is not a readable store. */
  public static final class StoreFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public StoreFormatException(String message) {
      super(message);
    }
  }
}
