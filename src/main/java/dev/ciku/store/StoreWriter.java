package dev.ciku.store;

import dev.ciku.count.CountSummary;
import dev.ciku.count.GramSink;
import dev.ciku.count.Grams;
import dev.ciku.output.Output;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import net.openhft.chronicle.map.ChronicleMap;

/**
 * Writes an {@link NgramStore}. A Chronicle map must be sized for its exact entry count, which is
 * only known once the counter's merge ends, so the grams are first appended to a hidden
 * temporary file of 24-byte rows (sequential, about disk speed); {@link #finish} then creates the
 * map for exactly that many grams plus the metadata, fills it from the rows, and renames it over
 * the target. An interrupted run leaves only hidden temporary files (removed by {@link #close}),
 * never a half-written store under the target name.
 *
 * <p>Cost of {@code finish}: one Chronicle put per gram (roughly 1 M puts a second) plus 2-4 s of
 * Chronicle start-up. Not thread-safe.
 */
public final class StoreWriter implements GramSink, AutoCloseable {
  private static final int ROW = 24;

  private final Path target;
  private final Path rows;
  private final Path temp;
  private final FileChannel channel;
  private final ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.nativeOrder());
  private long entries;
  private long lastHi = -1;
  private long lastLo = -1;
  private boolean done;

  /** Starts writing a store that will be renamed to {@code target} by {@link #finish}. */
  public StoreWriter(Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new java.nio.file.NoSuchFileException(dir.toString(), null,
          "output directory does not exist");
    }
    this.target = abs;
    this.rows = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".rows");
    // Chronicle creates the map file itself: reserve a unique name, then free it.
    this.temp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
    Files.delete(temp);
    this.channel = FileChannel.open(rows, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
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
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
    buf.clear();
  }

  /** Builds the Chronicle map from the buffered grams and renames it over the target. */
  public void finish(CountSummary summary) throws IOException {
    flush();
    channel.close();
    byte[] blob = StoreMeta.unitBlob(summary.units());
    long total = entries + StoreMeta.entries(blob.length);
    try (ChronicleMap<GramKey, Long> map = ChronicleGrams.create(temp.toFile(), total)) {
      GramKey k = new GramKey();
      try (FileChannel in = FileChannel.open(rows, StandardOpenOption.READ)) {
        buf.clear();
        long left = entries;
        while (left > 0) {
          if (in.read(buf) < 0) {
            throw new IOException(rows + ": buffered grams ended early");
          }
          buf.flip();
          while (buf.remaining() >= ROW && left > 0) {
            map.put(k.set(buf.getLong(), buf.getLong()), buf.getLong());
            left--;
          }
          buf.compact();
        }
      }
      StoreMeta.write(summary, entries, blob, (key, value) -> map.put(k.set(0, key), value));
    }
    Files.deleteIfExists(rows);
    Output.moveAtomically(temp, target);
    done = true;
  }

  /** Grams written so far. */
  public long entries() {
    return entries;
  }

  /** Deletes the temporary files unless {@link #finish} succeeded. */
  @Override
  public void close() throws IOException {
    if (!done) {
      channel.close();
      Files.deleteIfExists(rows);
      Files.deleteIfExists(temp);
    }
  }
}
