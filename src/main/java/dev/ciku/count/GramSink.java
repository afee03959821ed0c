package dev.ciku.count;

/** Receives grams with their counts. */
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
