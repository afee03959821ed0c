package dev.ciku.count;

/**
 * Turns a stream of longest grams in gram order into the exact counts of every gram of every
 * order: each gram received adds its count to itself and to each of its prefixes, and a prefix
 * is passed on as soon as the stream has left it, that is after all its extensions ("post-order":
 * 的人民, 的人, 的, ...). Only the current gram's prefixes are open, so memory is constant.
 *
 * <p>Fed by a merge of runs of longest grams ({@link CountingTable#drainLongest}); the counts it
 * passes on equal those of merging {@link CountingTable#drainWithPrefixes} runs, in another
 * order. Not thread-safe; one expander a stream.
 */
final class PrefixExpander implements GramSink {
  private final GramSink sink;
  private final long minCount;
  private final long[] sums = new long[Grams.MAX_ORDER + 1];
  private long hi;
  private long lo;
  private int depth;

  /**
   * @param sink receives every gram whose expanded count reaches {@code minCount}
   * @param minCount the smallest count passed on
   */
  PrefixExpander(GramSink sink, long minCount) {
    this.sink = sink;
    this.minCount = minCount;
  }

  /** One gram, strictly after the previous one in gram order, and its count as a longest gram. */
  @Override
  public void accept(long hi, long lo, long count) {
    close(Grams.commonPrefix(this.hi, this.lo, hi, lo));
    int len = Grams.length(hi, lo);
    for (int k = 1; k <= len; k++) {
      sums[k] += count;
    }
    this.hi = hi;
    this.lo = lo;
    depth = len;
  }

  /** Passes on the prefixes still open; call once at the end of the stream. */
  void finish() {
    close(0);
  }

  /** Passes on the open prefixes longer than {@code keep} units, longest first. */
  private void close(int keep) {
    for (int k = depth; k > keep; k--) {
      long c = sums[k];
      sums[k] = 0;
      if (c >= minCount) {
        sink.accept(Grams.prefixHi(hi, k), Grams.prefixLo(lo, k), c);
      }
    }
    if (depth > keep) {
      depth = keep;
    }
  }
}
