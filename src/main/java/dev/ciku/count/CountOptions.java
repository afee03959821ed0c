package dev.ciku.count;

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
  public CountOptions {
    if (order < 1 || order > Grams.MAX_ORDER) {
      throw new IllegalArgumentException(
          "order must be between 1 and " + Grams.MAX_ORDER + ", got " + order);
    }
    if (minCount < 1) {
      throw new IllegalArgumentException("min-count must be 1 or more, got " + minCount);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be 1 or more, got " + threads);
    }
    if (memoryBytes < (16L << 20)) {
      throw new IllegalArgumentException("memory budget must be at least 16m, got " + memoryBytes);
    }
    Objects.requireNonNull(tempDir, "tempDir");
  }
}
