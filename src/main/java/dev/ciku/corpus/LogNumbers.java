package dev.ciku.corpus;

/**
 * Counts as the progress and summary lines on standard error write them, in every stage of the
 * flow: locale-independent grouping and a regular plural. Data on standard output are written
 * by {@code dev.ciku.output} instead. Stateless and thread-safe.
 */
public final class LogNumbers {
  private LogNumbers() {}

  /**
   * {@code n} with grouping commas and the noun after it, plural unless {@code n} is 1
   * ("1 word", "0 words", "1,234 words"). Regular plurals only (noun + "s").
   */
  public static String count(long n, String noun) {
    return String.format(java.util.Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
  }
}
