package dev.ciku.store;

import dev.ciku.corpus.LatinCase;
import dev.ciku.count.CountSummary;
import dev.ciku.count.GramSink;
import dev.ciku.count.Grams;
import dev.ciku.io.OutputException;
import dev.ciku.io.OutputTarget;
import dev.ciku.io.TempFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import net.openhft.chronicle.map.ChronicleMap;

/**
 * Writes an {@link NgramStore}. A Chronicle map must be sized for its exact entry count, which is
 * only known once the counter's merge ends, so the grams are first appended to a hidden
 * temporary file of 24-byte rows (sequential, about disk speed); {@link #finish} then creates the
 * map for exactly that many grams plus the metadata, fills it from the rows, and renames it over
 * the target. An interrupted run leaves only hidden temporary files (removed by {@link #close},
 * or by {@link TempFiles} when the process is stopped), never a half-written store under the
 * target name. The target is checked, and the temporary files created, by the constructor:
 * before any counting; a symbolic link is followed and the file it names replaced, keeping that
 * file's permissions.
 *
 * <p>Cost of {@code finish}: one Chronicle put per gram (0.5-2 M puts a second a thread, measured
 * on a loaded 2-core VM) plus 1-3 s of Chronicle start-up in a JVM
 * that has not used it yet. Not thread-safe.
 */
public final class StoreWriter implements GramSink, AutoCloseable {
  private static final int ROW = 24;

  private final OutputTarget target;
  /** The target as given, for messages. */
  private final String name;
  private final Path rows;
  private final Path temp;
  private final FileChannel channel;
  private final ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.nativeOrder());
  private final int fillThreads;
  private long entries;
  private long lastHi = -1;
  private long lastLo = -1;
  private boolean done;

  /**
   * Starts writing a store that will be renamed to {@code target} by {@link #finish}, which fills
   * the map on the calling thread.
   */
  public StoreWriter(Path target) throws IOException {
    this(target, 1);
  }

  /**
   * As {@link #StoreWriter(Path)}, filling the map with {@code fillThreads} threads. On the
   * loaded 2-core VM, 2 threads were not faster than 1 (see benchmarks/RESULTS.md). With
   * one thread the same grams always give a byte-identical file; with more, the insertion order
   * (and so the file's bytes, not its content) may vary.
   */
  public StoreWriter(Path target, int fillThreads) throws IOException {
    if (fillThreads < 1) {
      throw new IllegalArgumentException("fillThreads must be 1 or more, got " + fillThreads);
    }
    this.fillThreads = fillThreads;
    OutputTarget t = OutputTarget.resolve(target);
    if (t.isStream()) {
      throw new OutputException(target.toString(),
          "not a regular file (a store is a memory-mapped file)", null);
    }
    this.target = t;
    this.name = target.toString();
    this.rows = t.createTemp(".rows");
    FileChannel ch = null;
    Path map = null;
    try {
      // Chronicle creates the map file itself: reserve a unique name, registered for deletion.
      map = t.reserveTemp(".tmp");
      ch = FileChannel.open(rows, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      TempFiles.delete(rows);
      if (map != null) {
        TempFiles.release(map);
      }
      throw OutputException.of(target.toString(), e);
    }
    this.temp = map;
    this.channel = ch;
  }

  /** Appends a gram; grams must come in strictly increasing gram order. */
  @Override
  public void accept(long hi, long lo, long count) {
    if (entries > 0 && Grams.compare(hi, lo, lastHi, lastLo) <= 0) {
      throw new IllegalStateException("grams must be written in strictly increasing order");
    }
    if (hi == 0) {
      throw new IllegalArgumentException("not a gram: hi == 0");
    }
    lastHi = hi;
    lastLo = lo;
    try {
      if (buf.remaining() < ROW) {
        flush();
      }
      buf.putLong(hi).putLong(lo).putLong(count);
      entries++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void flush() throws IOException {
    buf.flip();
    try {
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
    } catch (IOException e) {
      throw OutputException.of(target.given().toString(), e);
    }
    buf.clear();
  }

  /**
   * Builds the Chronicle map from the buffered grams, recording text counted as it is, Latin
   * letters folded or kept as the unit table does ({@link LatinCase#FOLD} or
   * {@link LatinCase#KEEP}), and renames it over the target.
   */
  public void finish(CountSummary summary) throws IOException {
    finish(summary, new Normalization(summary.units().foldsCase() ? LatinCase.FOLD
        : LatinCase.KEEP, false));
  }

  /**
   * Builds the Chronicle map from the buffered grams, recording how the text was normalised
   * before counting, and renames it over the target.
   */
  public void finish(CountSummary summary, Normalization normalization) throws IOException {
    finish(summary, normalization, StoreMeta.VERSION);
  }

  /**
   * As {@link #finish(CountSummary, Normalization)}, in store format {@code version}: tests
   * write a store of format 3, as ciku wrote before format 4 ({@link StoreMeta#VERSION}).
   */
  void finish(CountSummary summary, Normalization normalization, long version)
      throws IOException {
    flush();
    channel.close();
    byte[] blob = StoreMeta.unitBlob(summary.units());
    byte[] forms = version == StoreMeta.VERSION
        ? StoreMeta.formBlob(summary.units(), normalization.latinCase()) : new byte[0];
    long total = entries + StoreMeta.entries(blob.length, forms.length, version);
    try (ChronicleMap<GramKey, Long> map = ChronicleGrams.create(temp.toFile(), total);
        FileChannel in = FileChannel.open(rows, StandardOpenOption.READ)) {
      long checksum = fill(map, in, entries, fillThreads);
      GramKey k = new GramKey();
      checksum += StoreMeta.write(summary, normalization, entries, blob, forms, version,
          (key, value) -> map.put(k.set(0, key), value));
      map.put(k.set(0, StoreMeta.K_CHECKSUM), checksum);
    } catch (OutputException e) {
      throw e;
    } catch (IOException e) {
      // Chronicle says a full disk its own way ("Not enough space to fallocate 15 MiB to /"),
      // naming the mount point: said here as every output's, naming the store.
      String m = String.valueOf(e.getMessage());
      throw m.startsWith("Not enough space")
          ? new OutputException(name, "no space left on device", e) : OutputException.of(name, e);
    }
    TempFiles.delete(rows);
    target.commit(temp);
    done = true;
  }

  /**
   * Puts the buffered rows into the map, {@code threads} contiguous ranges in parallel (Chronicle
   * locks per segment, and the counter's threads are idle by now); returns their share of the
   * checksum ({@link StoreMeta#mix} summed).
   */
  private static long fill(ChronicleMap<GramKey, Long> map, FileChannel in, long entries,
      int threads) throws IOException {
    int t = (int) Math.max(1, Math.min(threads, entries / 65_536));
    long per = (entries + t - 1) / t;
    if (t == 1) {
      return fillRange(map, in, 0, entries);
    }
    long[] sums = new long[t];
    Throwable[] failure = new Throwable[t];
    Thread[] workers = new Thread[t];
    for (int i = 0; i < t; i++) {
      int id = i;
      long from = i * per;
      long to = Math.min(entries, from + per);
      workers[i] = new Thread(() -> {
        try {
          sums[id] = fillRange(map, in, from, to);
        } catch (Throwable e) {
          failure[id] = e;
        }
      }, "ciku-store-fill-" + i);
      workers[i].start();
    }
    for (Thread w : workers) {
      try {
        w.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while writing the store", e);
      }
    }
    for (Throwable f : failure) {
      if (f instanceof IOException io) {
        throw io;
      } else if (f instanceof RuntimeException re) {
        throw re;
      } else if (f != null) {
        throw new IllegalStateException(f);
      }
    }
    long sum = 0;
    for (long s : sums) {
      sum += s;
    }
    return sum;
  }

  /** Puts rows {@code from..to)}; returns their share of the checksum. */
  private static long fillRange(ChronicleMap<GramKey, Long> map, FileChannel in, long from,
      long to) throws IOException {
    long sum = 0;
    ByteBuffer b = ByteBuffer.allocate(ROW * 8192).order(ByteOrder.nativeOrder());
    GramKey k = new GramKey();
    long pos = from * ROW;
    long end = to * ROW;
    while (pos < end) {
      b.clear().limit((int) Math.min(b.capacity(), end - pos));
      while (b.hasRemaining()) {
        if (in.read(b, pos + b.position()) < 0) {
          throw new IOException("buffered grams ended early");
        }
      }
      b.flip();
      while (b.remaining() >= ROW) {
        long hi = b.getLong();
        long lo = b.getLong();
        long c = b.getLong();
        sum += StoreMeta.mix(hi, lo, c);
        map.put(k.set(hi, lo), c);
      }
      pos += b.limit();
    }
    return sum;
  }

  /** Grams written so far. */
  public long entries() {
    return entries;
  }

  /** Deletes the temporary files unless {@link #finish} succeeded. */
  @Override
  public void close() throws IOException {
    if (!done) {
      try {
        channel.close();
      } finally {
        try {
          TempFiles.delete(rows);
        } finally {
          TempFiles.delete(temp);
        }
      }
    }
  }
}
