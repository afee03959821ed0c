package dev.ciku.store;

/**
 * A mutable n-gram key of a Chronicle-backed store: the two longs of the {@link
 * dev.ciku.count.Grams} packing. Instances are reused across lookups to avoid allocation; it is
 * serialised as 16 bytes by {@link GramKeyMarshaller}.
 *
 * <p>Keys with {@code hi == 0} are never grams (every unit id is non-zero); the store keeps its
 * metadata under them. Not thread-safe.
 */
public final class GramKey {
  /** Units 0..2 of the gram (read and written by the store's marshaller). */
  long hi;
  /** Units 3..5 of the gram. */
  long lo;

  public GramKey() {}

  public GramKey(long hi, long lo) {
    this.hi = hi;
    this.lo = lo;
  }

  /** Sets both halves and returns this key. */
  public GramKey set(long hi, long lo) {
    this.hi = hi;
    this.lo = lo;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GramKey k && k.hi == hi && k.lo == lo;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(dev.ciku.count.Grams.hash(hi, lo));
  }

  @Override
  public String toString() {
    return "GramKey[" + Long.toHexString(hi) + ", " + Long.toHexString(lo) + "]";
  }
}
