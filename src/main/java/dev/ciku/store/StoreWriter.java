package dev.ciku.store;

import dev.ciku.count.CountSummary;
import dev.ciku.count.GramSink;
import dev.ciku.count.Grams;
import dev.ciku.corpus.UnitTable;
import dev.ciku.output.Output;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes an {@link NgramStore} file: entries are streamed in gram order as they come out of the
 * counter's merge, then the unit table and the header are written, and the file is renamed over
 * the target. An interrupted run leaves only a hidden temporary file, never a half-written store
 * under the target name. Not thread-safe.
 */
public final class StoreWriter implements GramSink, AutoCloseable {
  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
  private long entries;
  private long lastHi = -1;
  private long lastLo = -1;
  private boolean done;

  /** Starts writing a store that will be renamed to {@code target} by {@link #finish}. */
  public StoreWriter(Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new java.nio.file.NoSuchFileException(dir.toString(), null, "output directory does not exist");
    }
    this.target = abs;
    this.temp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
    this.channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    channel.position(NgramStore.HEADER);
  }

  @Override
  public void accept(long hi, long lo, long count) {
    if (Grams.compare(hi, lo, lastHi, lastLo) <= 0 && entries > 0) {
      throw new IllegalStateException("grams must be written in strictly increasing order");
    }
    lastHi = hi;
    lastLo = lo;
    try {
      if (buf.remaining() < NgramStore.ENTRY) {
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

  /** Writes unit table and header, then renames the file over the target. */
  public void finish(CountSummary summary) throws IOException {
    flush();
    UnitTable units = summary.units();
    long unitOffset = NgramStore.HEADER + entries * NgramStore.ENTRY;
    channel.position(unitOffset);
    ByteBuffer small = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    small.putInt(units.latinCount()).flip();
    channel.write(small);
    for (String s : units.latinUnits()) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      if (buf.remaining() < 4 + b.length) {
        flush();
      }
      buf.putInt(b.length).put(b);
    }
    flush();
    ByteBuffer h = ByteBuffer.allocate(NgramStore.HEADER).order(ByteOrder.LITTLE_ENDIAN);
    h.put(NgramStore.MAGIC).putInt(NgramStore.VERSION).putInt(summary.order());
    h.putLong(summary.minCount()).putLong(summary.clauses()).putLong(summary.chars());
    for (int i = 0; i <= Grams.MAX_ORDER; i++) {
      h.putLong(i < summary.positions().length ? summary.positions()[i] : 0);
    }
    h.putLong(entries).putLong(unitOffset);
    h.position(0).limit(NgramStore.HEADER);
    channel.position(0);
    while (h.hasRemaining()) {
      channel.write(h);
    }
    channel.force(false);
    channel.close();
    Output.moveAtomically(temp, target);
    done = true;
  }

  /** Grams written so far. */
  public long entries() {
    return entries;
  }

  /** Deletes the temporary file unless {@link #finish} succeeded. */
  @Override
  public void close() throws IOException {
    if (!done) {
      channel.close();
      Files.deleteIfExists(temp);
    }
  }
}
