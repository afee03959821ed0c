package dev.ciku.count;

/**
 * Grams written as Han text, for tests: a Han character's unit id is its code point, so a
 * string of Han characters is its own gram.
 */
public final class HanGrams {
  private HanGrams() {}

  /** The units of {@code han}: its code points. */
  public static int[] units(String han) {
    return han.codePoints().toArray();
  }

  /** Counts the gram {@code han} {@code count} times in {@code index}. */
  public static void put(GramIndex index, String han, long count) {
    int[] u = units(han);
    index.accept(Grams.hi(u, 0, u.length), Grams.lo(u, 0, u.length), count);
  }
}
