package dev.ciku.discover;

/**
 * Thresholds that adapt to corpus size, so that the defaults hold from a 1 MB sample to a
 * multi-GB corpus (every peer's users complain that fixed thresholds break at other sizes).
 *
 * <p>The minimum count grows with the square root of the number of unit positions {@code N}:
 * {@code max(2, round(sqrt(N) / 1500))} — 2 below 14.06 M units (a 16 M-character text), 3 up to
 * 27.56 M, 4 at 35 M (bench-mixed, where it measured best on the SIGHAN protocol), 21 at 1 G. Frequency of a real word grows linearly
 * with N while the count at which chance co-occurrences stop passing the cohesion test grows
 * more slowly, so a square-root law keeps recall on small corpora without flooding large ones.
 */
public final class Thresholds {
  private Thresholds() {}

  /** The minimum fragment count for a corpus of {@code positions} units. */
  public static long minCount(long positions) {
    return Math.max(2, Math.round(Math.sqrt(Math.max(0, positions)) / 1500.0));
  }
}
