package dev.ciku.count;

import dev.ciku.io.OutputException;
import dev.ciku.io.TempFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * The grams of a count split by frequency: the single units and the grams seen at least
 * {@code keep} times go to a {@link GramIndex}, the others to temporary files on disk (24 bytes
 * a gram; one file a merge range, read back in range order). {@code keep} is computed from the
 * number of unit positions once counting is done ({@link #counted}). As the
 * {@link PartitionedSink} of {@link NgramCounter}, each range's kept grams are buffered by its
 * part and joined in range order, so the buffer holds the very sequence a one-thread merge
 * gives; {@link #finish} then fills the index from it at once, on several threads
 * ({@link GramIndex#fill}: its layout, and so every later pass over it, does not depend on the
 * thread count). Afterwards the files are a {@link GramSource} of the rare grams: a pass that
 * needs every gram (boundary entropy) reads the index's grams and these, instead of holding
 * them all.
 *
 * <p>Memory: a 256 KB write buffer a range, and 24 bytes a kept gram until {@link #finish}. Not
 * thread-safe beyond the {@link PartitionedSink} contract; reading ({@link #forEach}) may run on
 * several threads once the count is done. Close to delete the files.
 */
public final class SpilledGrams implements PartitionedSink, GramSource, AutoCloseable {
  private static final int BUFFER = 1 << 18;

  /** The index {@link #finish} fills. */
  private final GramIndex index;
  private final int threads;
  /** The kept grams in one-thread order until {@link #finish}, then null. */
  private GramBlocks kept = new GramBlocks();
  private final LongUnaryOperator keepFor;
  private final Path dir;
  private final Part first;
  private final List<Path> files = new ArrayList<>();
  /** Every part's file, joined or not, for {@link #close}. */
  private final List<Path> created = java.util.Collections.synchronizedList(new ArrayList<>());
  /** Every part, joined or not, whose file {@link #close} closes. */
  private final List<Part> parts = java.util.Collections.synchronizedList(new ArrayList<>());
  private long keep = 2;
  private long grams;
  private boolean sealed;

  /**
   * The kept grams are gathered, in one-thread order, and put into {@code index} at once by
   * {@link #finish} ({@link GramIndex#fill}, on {@code threads} threads). Memory: 24 bytes a
   * kept gram until then.
   *
   * @param index an empty index, filled by {@link #finish} with the single units and the grams
   *     seen at least {@code keepFor(units)} times
   * @param threads threads that fill it
   * @param keepFor the smallest count kept, from the number of unit positions counted
   * @param dir directory of the temporary files
   */
  public SpilledGrams(GramIndex index, int threads, LongUnaryOperator keepFor, Path dir) {
    this.index = index;
    this.threads = threads;
    this.keepFor = keepFor;
    this.dir = dir;
    this.first = new Part(this);
  }

  /**
   * Ends the count: fills the index with the kept grams (once; later calls do nothing). Call it
   * once every gram has arrived and every part is joined, before the index is read.
   */
  public void finish() {
    if (kept != null) {
      GramBlocks grams = kept;
      kept = null;
      index.fill(grams, threads);
    }
  }

  @Override
  public void counted(long[] positions) {
    keep = Math.max(1, keepFor.applyAsLong(positions.length > 1 ? positions[1] : 0));
  }

  /** The smallest count kept in the index (besides single units). */
  public long keep() {
    return keep;
  }

  @Override
  public void accept(long hi, long lo, long count) {
    if (count >= keep || Grams.length(hi, lo) == 1) {
      kept.add(hi, lo, count);
    } else {
      first.write(hi, lo, count);
    }
  }

  @Override
  public GramSink part() {
    return new Part(this);
  }

  @Override
  public void join(GramSink part) {
    if (!(part instanceof Part p) || p.owner != this || p == first) {
      throw new IllegalArgumentException("not a part of this SpilledGrams");
    }
    p.finish();
    files.add(p.file);
    grams += p.written;
    kept.addAll(p.kept);
  }

  /** Number of grams written to disk (not kept). */
  public long size() {
    seal();
    return grams;
  }

  /** Reads the grams written to disk: files {@code part}, {@code part + parts}, ... in order. */
  @Override
  public void forEach(int part, int parts, GramSink sink) {
    seal();
    ByteBuffer buf = ByteBuffer.allocate(BUFFER - BUFFER % 24);
    for (int f = part; f < files.size(); f += parts) {
      try (FileChannel ch = FileChannel.open(files.get(f), StandardOpenOption.READ)) {
        buf.clear();
        while (true) {
          int read = ch.read(buf);
          buf.flip();
          while (buf.remaining() >= 24) {
            sink.accept(buf.getLong(), buf.getLong(), buf.getLong());
          }
          buf.compact();
          if (read < 0) {
            if (buf.position() > 0) {
              throw new IOException("truncated gram file " + files.get(f));
            }
            break;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Ends the first range: its file goes first. Called before the first read. */
  private void seal() {
    if (!sealed) {
      sealed = true;
      first.finish();
      files.add(0, first.file);
      grams += first.written;
    }
  }

  @Override
  public void close() {
    synchronized (parts) {
      // A part a failed merge never joined still has its file open.
      for (Part p : parts) {
        p.closeQuietly();
      }
      parts.clear();
    }
    synchronized (created) {
      TempFiles.deleteAll(created);
      created.clear();
    }
    files.clear();
  }

  /** One range: its file, and its kept grams until joined. */
  private static final class Part implements GramSink {
    final SpilledGrams owner;
    final Path file;
    /** The owner's threshold when the part was made (after {@link SpilledGrams#counted}). */
    private final long keep;
    private final FileChannel out;
    private final ByteBuffer buf = ByteBuffer.allocate(BUFFER - BUFFER % 24);
    long written;
    GramBlocks kept = new GramBlocks();

    Part(SpilledGrams owner) {
      this.owner = owner;
      this.keep = owner.keep;
      try {
        this.file = TempFiles.create(owner.dir, "ciku-grams-", ".bin");
        owner.created.add(file);
        this.out = FileChannel.open(file, StandardOpenOption.WRITE);
        owner.parts.add(this);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void write(long hi, long lo, long count) {
      if (buf.remaining() < 24) {
        flush();
      }
      buf.putLong(hi).putLong(lo).putLong(count);
      written++;
    }

    @Override
    public void accept(long hi, long lo, long count) {
      if (count < keep && Grams.length(hi, lo) > 1) {
        write(hi, lo, count);
      } else {
        kept.add(hi, lo, count);
      }
    }

    private void flush() {
      buf.flip();
      try {
        while (buf.hasRemaining()) {
          out.write(buf);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(OutputException.of("temporary file " + file, e));
      }
      buf.clear();
    }

    void finish() {
      flush();
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void closeQuietly() {
      try {
        out.close();
      } catch (IOException e) {
        // Deleted by close() all the same.
      }
    }
  }
}
