package dev.ciku.domain;

/**
 * Occurrence counts of strings in a reference corpus, for contrast with a domain corpus.
 * Implementations: {@link ReferenceProfile} (a compact, bundled table of n-gram counts) and
 * {@link CorpusReference} (exact counts of given strings, from one pass over a corpus).
 *
 * <p>Both are immutable once built and thread-safe; {@link #count} is one hash look-up (of the
 * term's string).
 */
public interface ReferenceCounts {
  /**
   * How often {@code term} (its unit text, as ciku writes it) occurs in the reference, as a
   * substring inside clauses. 0 when absent (or, for a profile, below its count cut).
   */
  long count(String term);

  /** Number of unit positions of the reference (its size in units). */
  long positions();

  /** One line saying what the reference is, for logs. */
  String describe();
}
