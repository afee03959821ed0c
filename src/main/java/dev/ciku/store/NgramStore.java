package dev.ciku.store;

import dev.ciku.count.CountSummary;
import dev.ciku.count.GramSink;
import dev.ciku.corpus.UnitTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.openhft.chronicle.map.ChronicleMap;

/**
 * A persisted n-gram table: one Chronicle Map file, memory-mapped and off the Java heap, from
 * packed grams ({@link GramKey}, 16 bytes) to their counts, written once by {@link StoreWriter}.
 * The operating system pages the file in on demand and several processes can open one store.
 * The store's metadata (order, min count, totals, Latin unit table) lives in the same map under
 * reserved keys ({@link StoreMeta}), so a store is a single file.
 *
 * <p>Cost (measured on a loaded 2-core VM, see benchmarks/RESULTS.md): opening the first
 * store of a JVM costs about 2.5 CPU-seconds and 100 MB of RSS (Chronicle generates and compiles
 * classes at run time); {@link #get} is one hash lookup (3-9 M lookups a second on one thread);
 * {@link #forEach} visits the entries in hash order, not in gram order (8-17 M entries a second).
 * Files are about 32-34 bytes a gram. Opening needs write permission: Chronicle maps the file
 * read-write even to read it.
 *
 * <p>Thread-safety: {@link #get} and {@link #forEach} may be called from several threads; the
 * metadata is immutable after opening.
 */
public final class NgramStore implements AutoCloseable {
  private static final byte[] OLD_MAGIC = "CIKUNGR1".getBytes(StandardCharsets.US_ASCII);
  /** Text that the serialised header of every Chronicle Map file starts with (checked on open). */
  private static final String CHRONICLE_HEADER = "VanillaChronicleMap";

  private final Path path;
  private final ChronicleMap<GramKey, Long> map;
  private final StoreMeta.Header header;

  private NgramStore(Path path, ChronicleMap<GramKey, Long> map, StoreMeta.Header header) {
    this.path = path;
    this.map = map;
    this.header = header;
  }

  /**
   * Opens a store written by {@link StoreWriter}.
   *
   * @throws java.nio.file.NoSuchFileException if it does not exist
   * @throws java.nio.file.AccessDeniedException if it is not writable (Chronicle maps it
   *     read-write)
   * @throws StoreFormatException if the file is not a ciku n-gram store
   */
  public static NgramStore open(Path path) throws IOException {
    sniff(path);
    ChronicleMap<GramKey, Long> map;
    try {
      map = ChronicleGrams.open(path.toFile());
    } catch (IOException | RuntimeException e) {
      throw new StoreFormatException(path + " is not a readable ciku n-gram store ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    }
    try {
      GramKey k = new GramKey();
      StoreMeta.Header h = StoreMeta.read(path, (hi, lo) -> {
        Long v = map.get(k.set(hi, lo));
        return v == null ? Long.MIN_VALUE : v;
      });
      return new NgramStore(path, map, h);
    } catch (IOException | RuntimeException e) {
      map.close();
      throw e;
    }
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
    String text = new String(head, 0, n, StandardCharsets.ISO_8859_1);
    if (!text.contains(CHRONICLE_HEADER)) {
      throw new StoreFormatException(path + " is not a ciku n-gram store");
    }
    if (!Files.isWritable(path)) {
      // Chronicle maps files read-write even to read them.
      throw new java.nio.file.AccessDeniedException(path.toString(), null,
          "an n-gram store must be writable to be opened (Chronicle Map maps it read-write)");
    }
  }

  /** Header metadata as a {@link CountSummary}. */
  public CountSummary summary() {
    return new CountSummary(header.order(), header.minCount(), header.units(),
        header.positions().clone(), header.clauses(), header.chars(), header.size(), 0);
  }

  /** How the text was normalised before counting ({@link Normalization#NONE} for old stores). */
  public Normalization normalization() {
    return header.normalization();
  }

  public Path path() {
    return path;
  }

  public int order() {
    return header.order();
  }

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
    Long c = map.get(new GramKey(hi, lo));
    return c == null ? 0 : c;
  }

  /** Streams all entries, in hash order (not gram order); holds a segment lock per segment. */
  public void forEach(GramSink sink) {
    GramKey k = new GramKey();
    map.forEachEntry(e -> {
      GramKey g = e.key().getUsing(k);
      if (g.hi != 0) {
        sink.accept(g.hi, g.lo, e.value().get());
      }
    });
  }

  @Override
  public void close() {
    map.close();
  }

  /** The file is not a readable store. */
  public static final class StoreFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public StoreFormatException(String message) {
      super(message);
    }
  }
}
