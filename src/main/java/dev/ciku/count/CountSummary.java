package dev.ciku.count;

import dev.ciku.corpus.UnitTable;

/**
 * What a count produced besides the grams: the unit table that decodes them, and totals.
 *
 * @param order longest n-gram counted
 * @param minCount smallest count kept
 * @param units decodes unit ids
 * @param positions {@code positions[n]} = number of n-gram positions (occurrences of all n-grams
 *     before pruning), for n = 1..order; index 0 unused
 * @param clauses clauses read
 * @param chars characters read
 * @param distinct grams written (after pruning)
 * @param spilledRuns sorted runs that went to disk
 */
public record CountSummary(int order, long minCount, UnitTable units, long[] positions,
    long clauses, long chars, long distinct, int spilledRuns) {

  /** Total n-gram positions of length {@code n}. */
  public long positions(int n) {
    return positions[n];
  }
}
