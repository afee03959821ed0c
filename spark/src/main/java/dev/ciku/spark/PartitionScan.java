package dev.ciku.spark;

import dev.ciku.corpus.ClauseScanner;
import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.LatinForms;
import dev.ciku.corpus.UnitTable;
import java.io.Serializable;
import java.util.Iterator;

/**
 * What the first pass learns from one partition: its Latin forms in order of first appearance,
 * with how often each was read (merged in partition order on the driver, they give the unit
 * table a sequential read would give, the same ids and the same written forms), its n-gram
 * positions, clauses and characters (the store header), how many grams start
 * in each bucket of first units (to cut the gram space into balanced ranges), and how many
 * characters are U+FFFD (what decoding makes of malformed bytes).
 */
final class PartitionScan implements Serializable {
  private static final long serialVersionUID = 1L;

  final LatinForms latin;
  final long[] positions;
  final long clauses;
  final long chars;
  final long replaced;
  /** Non-empty buckets only (a partition of Chinese text fills a few hundred of 4097). */
  private final int[] bucketIds;
  private final long[] bucketWeights;

  private PartitionScan(LatinForms latin, long[] positions, long clauses, long chars,
      long replaced, long[] buckets) {
    this.latin = latin;
    this.positions = positions;
    this.clauses = clauses;
    this.chars = chars;
    this.replaced = replaced;
    int n = 0;
    for (long w : buckets) {
      if (w != 0) {
        n++;
      }
    }
    bucketIds = new int[n];
    bucketWeights = new long[n];
    for (int b = 0, k = 0; b < buckets.length; b++) {
      if (buckets[b] != 0) {
        bucketIds[k] = b;
        bucketWeights[k++] = buckets[b];
      }
    }
  }

  /** Adds this partition's gram starts per bucket to {@code weights}. */
  void addWeights(long[] weights) {
    for (int k = 0; k < bucketIds.length; k++) {
      weights[bucketIds[k]] += bucketWeights[k];
    }
  }

  /**
   * The scans of a corpus's partitions summed on the driver, added one at a time in partition
   * order: their Latin forms merged into a unit table in order of first appearance, their counts
   * added (the table a sequential read of the corpus builds, up to {@link UnitTable#MAX_LATIN}
   * forms, whose units are written in their most frequent forms over all partitions),
   * everything else added up.
   *
   * <p>Cost: the unit table, which holds the union of the partitions' Latin units (capped), and
   * {@link RangePlan#BUCKETS} longs; a scan is read once and not kept. Not thread-safe.
   */
  static final class Totals {
    private final UnitTable units;
    private final long[] positions;
    private final long[] weights = new long[RangePlan.BUCKETS];
    private long clauses;
    private long chars;
    private long replaced;
    private long beyond;
    private int partitions;

    /**
     * @param order the order of the scans' positions
     * @param units the table to fill, empty
     */
    Totals(int order, UnitTable units) {
      if (units.latinCount() != 0) {
        throw new IllegalArgumentException("the unit table must be empty");
      }
      this.positions = new long[order + 1];
      this.units = units;
    }

    /** Adds the scan of the partition after those added so far. */
    void add(PartitionScan s) {
      if (s.positions.length != positions.length) {
        throw new IllegalArgumentException("a scan of order " + (s.positions.length - 1)
            + ", not " + (positions.length - 1));
      }
      beyond += units.addAll(s.latin);
      for (int n = 1; n < positions.length; n++) {
        positions[n] += s.positions[n];
      }
      s.addWeights(weights);
      clauses += s.clauses;
      chars += s.chars;
      replaced += s.replaced;
      partitions++;
    }

    /** Unit positions of each order (index n; index 0 unused); the array itself. */
    long[] positions() {
      return positions;
    }

    /** Gram starts per bucket of first units; the array itself. */
    long[] weights() {
      return weights;
    }

    long clauses() {
      return clauses;
    }

    long chars() {
      return chars;
    }

    /** U+FFFD characters read. */
    long replaced() {
      return replaced;
    }

    /**
     * Latin forms left out of the table because it was full, once for each partition that had
     * them.
     */
    long beyond() {
      return beyond;
    }

    /** Scans added. */
    int partitions() {
      return partitions;
    }
  }

  /** Scans the lines of one partition. */
  static PartitionScan of(Iterator<String> lines, int order, LatinCase latinCase,
      boolean simplify) {
    UnitTable units = UnitTable.of(latinCase);
    long[] positions = new long[order + 1];
    long[] buckets = new long[RangePlan.BUCKETS];
    ClauseScanner scanner = new ClauseScanner(units, latinCase, simplify,
        (u, length, owned, start, end) -> {
          for (int n = 1; n <= order; n++) {
            positions[n] += Math.max(0, Math.min(owned, length - n + 1));
          }
          for (int i = 0; i < owned; i++) {
            buckets[RangePlan.bucket(u[i])] += Math.min(order, length - i);
          }
        });
    long replaced = Lines.feed(lines, scanner);
    return new PartitionScan(units.forms(), positions,
        scanner.clauses(), scanner.chars(), replaced, buckets);
  }
}
