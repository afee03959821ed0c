package dev.ciku.score;

/**
 * Boundary entropy (自由度) from sufficient statistics. For a string {@code w} seen {@code c}
 * times, whose extensions by one unit on one side were seen {@code c_1..c_k} times, the neighbour
 * distribution is {@code c_i / c} plus the occurrences at a clause boundary, {@code c - Σ c_i}.
 * ciku counts every boundary occurrence as a distinct neighbour (a clause boundary is strong
 * evidence of a word boundary, and punctuation varies), so the entropy in nats is
 *
 * <pre>H = ln c - (Σ c_i ln c_i) / c</pre>
 *
 * A neighbour seen once contributes {@code 1·ln 1 = 0} either way, so an n-gram store pruned at
 * min-count 2 still gives exact entropies. Stateless and thread-safe.
 */
public final class BoundaryEntropy {
  private BoundaryEntropy() {}

  /** The entropy in nats of a string seen {@code count} times with the given sum. */
  public static double of(long count, double sumCLnC) {
    if (count <= 0) {
      return 0;
    }
    double h = Math.log(count) - sumCLnC / count;
    return h < 0 ? 0 : h;
  }

  /** {@code c ln c}, the contribution of one neighbour seen {@code c} times. */
  public static double term(long c) {
    return c <= 1 ? 0 : c * Math.log(c);
  }
}
