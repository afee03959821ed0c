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

  /** @param sink receives every gram, on the thread that feeds this object and joins its parts */
  public BufferedParts(GramSink sink) {
    this.sink = sink;
  }

  @Override
  public void accept(long hi, long lo, long count) {
    sink.accept(hi, lo, count);
  }

  /** A part that buffers its grams. */
  @Override
  public PartitionedSink part() {
    return new Buffer();
  }

  /** Replays the grams {@code part} buffered into the sink, in the order they came. */
  @Override
  public void join(PartitionedSink part) {
    if (!(part instanceof Buffer p)) {
      throw new IllegalArgumentException("not a part of a BufferedParts");
    }
    long[] b = p.grams;
    for (int i = 0; i < p.used; i += 3) {
      sink.accept(b[i], b[i + 1], b[i + 2]);
    }
    p.used = 0;
    p.grams = new long[0];
  }

  /** The grams of one range, in arrival order. */
  private static final class Buffer implements PartitionedSink {
    private long[] grams = new long[3 << 12];
    private int used;

    @Override
    public void accept(long hi, long lo, long count) {
      if (used + 3 > grams.length) {
        grams = Arrays.copyOf(grams, (int) Math.min(Integer.MAX_VALUE - 8, 2L * grams.length));
        if (used + 3 > grams.length) {
          throw new IllegalStateException("too many grams in one merge range");
        }
      }
      grams[used] = hi;
      grams[used + 1] = lo;
      grams[used + 2] = count;
      used += 3;
    }

    @Override
    public PartitionedSink part() {
      throw new UnsupportedOperationException("a part is not partitioned again");
    }

    @Override
    public void join(PartitionedSink part) {
      throw new UnsupportedOperationException("a part is not partitioned again");
    }
  }
}
