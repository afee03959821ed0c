package dev.ciku.count;

/**
 * Grams with their counts that can be read in parts, each part on its own thread. Which part a
 * gram falls in is fixed by the source; a caller that needs one result from any thread count
 * must combine the parts' results in an order-free way (exact sums, sets).
 */
public interface GramSource {
  /** Calls {@code sink} for the grams of part {@code part} of {@code parts}. */
  void forEach(int part, int parts, GramSink sink);
}
