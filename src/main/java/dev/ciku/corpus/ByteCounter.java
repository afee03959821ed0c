package dev.ciku.corpus;

/**
 * Bytes read so far, written by the reader thread and read by a progress display. Thread-safe:
 * one writer, any number of readers.
 */
public final class ByteCounter {
  private volatile long bytes;

  /** Adds {@code n} bytes; only the reading thread calls this. */
  public void add(long n) {
    bytes += n;
  }

  /** Bytes read so far. */
  public long get() {
    return bytes;
  }
}
