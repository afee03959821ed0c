package dev.ciku.count;

/**
 * A {@link GramSink} whose result does not depend on the order in which grams arrive, so that a
 * merge cut into disjoint key ranges may feed every range at once, each on its own thread and
 * into its own part, instead of streaming the ranges one after the other.
 *
 * <p>The sink itself receives one range on the calling thread; {@link #part} makes the sink of
 * each other range (fed by one other thread, so a part need not be thread-safe), and
 * {@link #join} folds a finished part back in, on the calling thread, in range order. The joined
 * result must equal what feeding every gram to this sink alone would give.
 */
public interface PartitionedSink extends GramSink {
  /**
   * A new, empty part (a plain sink: it is not partitioned again), to be fed by one thread and
   * then passed to {@link #join}.
   */
  GramSink part();

  /** Adds the grams {@code part} received to this sink. Called once a part, after it is done. */
  void join(GramSink part);
}
