package dev.ciku.count;

import dev.ciku.corpus.Params;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to count.
 *
 * @param order longest n-gram, 1..{@link Grams#MAX_ORDER}
 * @param minCount grams counted fewer times are dropped from the result (counts of the others
 *     are exact and unchanged)
 * @param threads counting threads, at least 1
 * @param memoryBytes budget for hash tables and in-memory runs; beyond it sorted runs spill to
 *     {@code tempDir}
 * @param tempDir where spilled runs go
 */
public record CountOptions(int order, long minCount, int threads, long memoryBytes, Path tempDir) {
  /** The smallest budget counting works in: 16 MiB (hash tables and run buffers). */
  public static final long MIN_MEMORY = 16L << 20;

  public CountOptions {
    Params.between("--order", order, 1, Grams.MAX_ORDER);
    Params.atLeast("--min-count", minCount, 1);
    Params.atLeast("--threads", threads, 1);
    if (memoryBytes < MIN_MEMORY) {
      throw new IllegalArgumentException("--memory must be at least 16m, not " + memoryBytes);
    }
    Objects.requireNonNull(tempDir, "tempDir");
  }
}
