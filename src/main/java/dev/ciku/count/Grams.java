package dev.ciku.count;

import dev.ciku.corpus.UnitTable;

/**
 * Packs n-grams of up to {@link #MAX_ORDER} units into two longs. Unit ids are below 2^21 and
 * never 0, so units 0..2 go into {@code hi} and units 3..5 into {@code lo}, 21 bits each, first
 * unit in the highest bits; unused slots are 0. Comparing {@code (hi, lo)} as signed longs (both
 * are non-negative) orders grams by their units, and a gram sorts right before its extensions:
 * all grams starting with {@code w} form one contiguous range.
 *
 * <p>All methods are static, allocation-free and thread-safe.
 */
public final class Grams {
  /** Largest n-gram length that fits in two longs. */
  public static final int MAX_ORDER = 6;
  /** Bits of one unit id in a packed gram: three units a long. */
  public static final int BITS = 21;
  static final long MASK = (1L << BITS) - 1;

  private Grams() {}

  /** The {@code hi} long of the gram {@code units[from..from+n)}. */
  public static long hi(int[] units, int from, int n) {
    long h = 0;
    int k = Math.min(n, 3);
    for (int i = 0; i < k; i++) {
      h |= (long) units[from + i] << (BITS * (2 - i));
    }
    return h;
  }

  /** The {@code lo} long of the gram {@code units[from..from+n)}. */
  public static long lo(int[] units, int from, int n) {
    long l = 0;
    for (int i = 3; i < n; i++) {
      l |= (long) units[from + i] << (BITS * (5 - i));
    }
    return l;
  }

  /** Number of units in the gram. */
  public static int length(long hi, long lo) {
    if (lo != 0) {
      return (lo & MASK) != 0 ? 6 : ((lo >>> BITS) & MASK) != 0 ? 5 : 4;
    }
    return (hi & MASK) != 0 ? 3 : ((hi >>> BITS) & MASK) != 0 ? 2 : hi != 0 ? 1 : 0;
  }

  /** Unit {@code i} (0-based) of the gram. */
  public static int unit(long hi, long lo, int i) {
    return i < 3 ? (int) ((hi >>> (BITS * (2 - i))) & MASK) : (int) ((lo >>> (BITS * (5 - i))) & MASK);
  }

  /** {@code hi} of the first {@code n} units of the gram. */
  public static long prefixHi(long hi, int n) {
    return n >= 3 ? hi : n <= 0 ? 0 : hi & ~((1L << (BITS * (3 - n))) - 1);
  }

  /** The bits of a packed long that hold units (three of 21 bits). */
  private static final long USED = (1L << (3 * BITS)) - 1;

  /** {@code hi} of the gram without its first unit (no unpacking). */
  public static long tailHi(long hi, long lo) {
    return ((hi << BITS) | (lo >>> (2 * BITS))) & USED;
  }

  /** {@code lo} of the gram without its first unit (no unpacking). */
  public static long tailLo(long lo) {
    return (lo << BITS) & USED;
  }

  /** {@code lo} of the first {@code n} units of the gram. */
  public static long prefixLo(long lo, int n) {
    return n >= 6 ? lo : n <= 3 ? 0 : lo & ~((1L << (BITS * (6 - n))) - 1);
  }

  /**
   * Number of leading units two grams share (6 if equal). A gram and the empty gram {@code (0, 0)}
   * share none.
   */
  public static int commonPrefix(long hi1, long lo1, long hi2, long lo2) {
    long x = hi1 ^ hi2;
    if (x != 0) {
      return (Long.numberOfLeadingZeros(x) - 1) / BITS;
    }
    x = lo1 ^ lo2;
    return x != 0 ? 3 + (Long.numberOfLeadingZeros(x) - 1) / BITS : MAX_ORDER;
  }

  /** Writes the units of a gram into {@code out} and returns its length. */
  public static int units(long hi, long lo, int[] out) {
    int n = length(hi, lo);
    for (int i = 0; i < n; i++) {
      out[i] = unit(hi, lo, i);
    }
    return n;
  }

  /** Compares two grams in unit order. */
  public static int compare(long hi1, long lo1, long hi2, long lo2) {
    int c = Long.compare(hi1, hi2);
    return c != 0 ? c : Long.compare(lo1, lo2);
  }

  /** A 64-bit mix of the gram, for hash tables. */
  public static long hash(long hi, long lo) {
    long h = hi * 0x9E3779B97F4A7C15L + lo * 0xC2B2AE3D27D4EB4FL;
    h ^= h >>> 31;
    h *= 0xBF58476D1CE4E5B9L;
    return h ^ (h >>> 29);
  }

  /** The text of a gram. */
  public static String text(long hi, long lo, UnitTable table) {
    StringBuilder sb = new StringBuilder(8);
    append(sb, hi, lo, table);
    return sb.toString();
  }

  /** Appends the text of a gram to {@code sb}. */
  public static void append(StringBuilder sb, long hi, long lo, UnitTable table) {
    int n = length(hi, lo);
    for (int i = 0; i < n; i++) {
      table.append(sb, unit(hi, lo, i));
    }
  }
}
