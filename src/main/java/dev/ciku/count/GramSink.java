package dev.ciku.count;

/** Receives grams with their counts. */
@FunctionalInterface
public interface GramSink {
  /** One gram ({@link Grams} packing) and its count. */
  void accept(long hi, long lo, long count);
}
