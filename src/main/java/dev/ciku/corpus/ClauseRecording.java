package dev.ciku.corpus;

import dev.ciku.io.OutputException;
import dev.ciku.io.TempFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The clause batches of one pass over a corpus, written to a temporary file as the pass reads
 * them, so that a second pass ({@link ParallelClauses#replay}) gets the same clauses without
 * decompressing, decoding and scanning the corpus again. Two-pass jobs (discovery: count, then
 * cut) record the first pass. The file holds the unit ids (4 bytes a unit plus 9 bytes a clause)
 * and is deleted by {@link #close}.
 *
 * <p>Written by one thread (the reading thread of the first pass), then read by one thread at a
 * time; not thread-safe otherwise.
 */
public final class ClauseRecording implements AutoCloseable {
  private static final int HEADER = 16;
  private static final int MAX_BATCH_BYTES = HEADER + 4 * ParallelClauses.BATCH_UNITS
      + 9 * ParallelClauses.BATCH_CLAUSES;

  private final Path file;
  private FileChannel out;
  private ByteBuffer buffer;
  private long batches;

  private ClauseRecording(Path file, FileChannel out) {
    this.file = file;
    this.out = out;
  }

  /** A new, empty recording in a temporary file under {@code dir}. */
  public static ClauseRecording create(Path dir) throws IOException {
    Path f = TempFiles.create(dir, "ciku-clauses-", ".bin");
    try {
      return new ClauseRecording(f, FileChannel.open(f, StandardOpenOption.WRITE));
    } catch (IOException | RuntimeException e) {
      TempFiles.delete(f);
      throw e;
    }
  }

  /** Batches recorded. */
  public long batches() {
    return batches;
  }

  private ByteBuffer buffer() {
    if (buffer == null) {
      buffer = ByteBuffer.allocateDirect(MAX_BATCH_BYTES).order(ByteOrder.nativeOrder());
    }
    return buffer;
  }

  /** Appends one batch and the input bytes it stands for. */
  void write(ParallelClauses.Batch b, long bytes) throws IOException {
    if (out == null) {
      throw new IllegalStateException("the recording is closed for writing");
    }
    ByteBuffer buf = buffer();
    buf.clear();
    int clauses = b.clauses();
    int used = b.used();
    buf.putInt(clauses).putInt(used).putLong(bytes);
    buf.asIntBuffer().put(b.units, 0, used);
    buf.position(buf.position() + 4 * used);
    buf.asIntBuffer().put(b.ends, 0, clauses);
    buf.position(buf.position() + 4 * clauses);
    buf.asIntBuffer().put(b.owned, 0, clauses);
    buf.position(buf.position() + 4 * clauses);
    for (int i = 0; i < clauses; i++) {
      buf.put(b.clauseEnd[i] ? (byte) 1 : 0);
    }
    buf.flip();
    try {
      while (buf.hasRemaining()) {
        out.write(buf);
      }
    } catch (IOException e) {
      throw OutputException.of("temporary file " + file, e);
    }
    batches++;
  }

  /** Ends the writing; the recording can then be read any number of times. */
  void finishWriting() throws IOException {
    if (out != null) {
      out.close();
      out = null;
    }
  }

  /** A reader positioned at the first batch. */
  Reader reader() throws IOException {
    if (out != null) {
      throw new IllegalStateException("the recording is still being written");
    }
    return new Reader(FileChannel.open(file, StandardOpenOption.READ), buffer());
  }

  /** Reads batches back in the order they were written. */
  static final class Reader implements AutoCloseable {
    private final FileChannel in;
    private final ByteBuffer buf;

    private Reader(FileChannel in, ByteBuffer buf) {
      this.in = in;
      this.buf = buf;
    }

    /**
     * Fills {@code b} with the next batch; returns the input bytes it stands for, or -1 at the
     * end.
     */
    long read(ParallelClauses.Batch b) throws IOException {
      buf.clear().limit(HEADER);
      if (!fill()) {
        return -1;
      }
      buf.flip();
      int clauses = buf.getInt();
      int used = buf.getInt();
      long bytes = buf.getLong();
      if (clauses < 0 || clauses > b.ends.length || used < 0 || used > b.units.length) {
        throw new IOException("corrupt clause recording");
      }
      buf.clear().limit(4 * used + 9 * clauses);
      if (!fill() && buf.limit() > 0) {
        throw new IOException("clause recording ended early");
      }
      buf.flip();
      buf.asIntBuffer().get(b.units, 0, used);
      buf.position(4 * used);
      buf.asIntBuffer().get(b.ends, 0, clauses);
      buf.position(4 * used + 4 * clauses);
      buf.asIntBuffer().get(b.owned, 0, clauses);
      buf.position(4 * used + 8 * clauses);
      for (int i = 0; i < clauses; i++) {
        b.clauseEnd[i] = buf.get() != 0;
      }
      b.filled(used, clauses);
      return bytes;
    }

    /** Reads until the buffer's limit; false if the file ended before any byte was read. */
    private boolean fill() throws IOException {
      boolean any = false;
      while (buf.hasRemaining()) {
        int n = in.read(buf);
        if (n < 0) {
          if (any) {
            throw new IOException("clause recording ended early");
          }
          return false;
        }
        any |= n > 0;
      }
      return true;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** Deletes the file. */
  @Override
  public void close() {
    try {
      finishWriting();
      TempFiles.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
