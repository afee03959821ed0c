package dev.ciku.corpus;

/**
 * Receives clauses from a {@link ClauseScanner}. The arrays passed in are reused: copy what must
 * outlive the call.
 *
 * <p>A scanner calls its sink from one thread, the one scanning; a sink needs no locking unless
 * it is shared by several scanners (each worker of {@link ParallelClauses} has its own).
 */
@FunctionalInterface
public interface ClauseSink {
  /**
   * One clause, or one chunk of a clause longer than {@link ClauseScanner#MAX_CHUNK} units.
   *
   * @param units unit ids; {@code units[0..length)} is valid
   * @param length number of units in the chunk
   * @param ownedEnd n-grams and fragments that <em>start</em> before this index belong to this
   *     chunk; positions from {@code ownedEnd} on are look-ahead that the next chunk owns again.
   *     Equal to {@code length} for every clause that fits in one chunk.
   * @param clauseStart whether {@code units[0]} starts a clause (false for a continuation chunk)
   * @param clauseEnd whether {@code units[length-1]} ends a clause (false if the clause goes on)
   */
  void clause(int[] units, int length, int ownedEnd, boolean clauseStart, boolean clauseEnd);
}
