package dev.ciku.count;

/**
 * Receives grams with their counts.
 *
 * <p>Producers ({@link NgramCounter}, {@link RunMerger}, the store merger) call a sink from one
 * thread, in gram order, so a sink needs no locking; only a {@link PartitionedSink} is fed
 * otherwise (its parts at once, each from a thread of its own; its grams in post-order). Each
 * call should be cheap: it is made once a gram.
 */
@FunctionalInterface
public interface GramSink {
  /** One gram ({@link Grams} packing) and its count. */
  void accept(long hi, long lo, long count);

  /**
   * Called by {@link NgramCounter} once counting is done and before the first gram, with the
   * number of unit positions of each gram length ({@code positions[n]}, n = 1..order). Does
   * nothing by default.
   */
  default void counted(long[] positions) {}
}
