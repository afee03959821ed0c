package dev.ciku.count;

import java.util.Arrays;

/**
 * Lets a sequential {@link GramSink} take a partitioned merge: the range of the calling thread
 * goes straight to the sink, each other range is buffered by its part (24 bytes a gram) and
 * replayed into the sink when joined. Parts are joined in range order, so the sink receives the
 * very sequence a one-thread merge gives it — for a sink whose state depends on insertion order
 * (a hash table that is iterated later), the result does not depend on the thread count.
 *
 * <p>Memory: the grams of every range but the first, until joined. A part is fed by one thread.
 */
public final class BufferedParts implements PartitionedSink {
  private final GramSink sink;
  private long[] buffer;
  private int used;

  /** @param sink receives every gram, on the thread that feeds this object and joins its parts */
  public BufferedParts(GramSink sink) {
    this.sink = sink;
  }

  private BufferedParts() {
    this.sink = null;
    this.buffer = new long[3 << 12];
  }

  @Override
  public void accept(long hi, long lo, long count) {
    if (sink != null) {
      sink.accept(hi, lo, count);
      return;
    }
    if (used + 3 > buffer.length) {
      buffer = Arrays.copyOf(buffer, (int) Math.min(Integer.MAX_VALUE - 8, 2L * buffer.length));
      if (used + 3 > buffer.length) {
        throw new IllegalStateException("too many grams in one merge range");
      }
    }
    buffer[used] = hi;
    buffer[used + 1] = lo;
    buffer[used + 2] = count;
    used += 3;
  }

  /** A part that buffers its grams. */
  @Override
  public PartitionedSink part() {
    return new BufferedParts();
  }

  /** Replays the grams {@code part} buffered into the sink, in the order they came. */
  @Override
  public void join(PartitionedSink part) {
    BufferedParts p = (BufferedParts) part;
    if (p.sink != null) {
      throw new IllegalArgumentException("not a part of a BufferedParts");
    }
    long[] b = p.buffer;
    for (int i = 0; i < p.used; i += 3) {
      accept(b[i], b[i + 1], b[i + 2]);
    }
    p.used = 0;
    p.buffer = new long[0];
  }
}
