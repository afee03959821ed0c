package dev.ciku.spark;

import dev.ciku.count.Grams;
import dev.ciku.corpus.UnitTable;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Cuts the gram space into contiguous ranges of first units, one per reduce partition, balanced by
 * the number of gram positions starting in each bucket of 64 Han code points (all Latin units
 * share the last bucket: their ids sort after every Han character). Because ranges follow gram
 * order, reduce partitions read in order give the whole result in gram order.
 */
final class RangePlan implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Han ids are below {@code LATIN_BASE = 2^18}: 4096 buckets of 64, plus one for Latin. */
  static final int BUCKETS = (UnitTable.LATIN_BASE >>> 6) + 1;

  /** {@code starts[r]} = first bucket of range {@code r + 1}. */
  private final int[] starts;

  private RangePlan(int[] starts) {
    this.starts = starts;
  }

  static int bucket(int unit) {
    return Math.min(unit >>> 6, BUCKETS - 1);
  }

  /** Ranges of about equal weight. */
  static RangePlan balanced(long[] weights, int ranges) {
    long total = 0;
    for (long w : weights) {
      total += w;
    }
    int[] starts = new int[Math.max(0, ranges - 1)];
    int r = 0;
    long seen = 0;
    for (int b = 0; b < weights.length && r < starts.length; b++) {
      seen += weights[b];
      // Close range r after bucket b once it holds its share.
      while (r < starts.length && seen * ranges >= total * (r + 1)) {
        starts[r++] = b + 1;
      }
    }
    while (r < starts.length) {
      starts[r++] = weights.length;
    }
    return new RangePlan(starts);
  }

  int ranges() {
    return starts.length + 1;
  }

  /** The range of a gram. */
  int range(long hi) {
    int b = bucket(Grams.unit(hi, 0, 0));
    int i = Arrays.binarySearch(starts, b);
    if (i < 0) {
      return -i - 1;
    }
    // Several ranges may start at the same bucket (empty ranges): take the last.
    while (i + 1 < starts.length && starts[i + 1] == b) {
      i++;
    }
    return i + 1;
  }
}
