package dev.ciku.spark;

import dev.ciku.corpus.ClauseScanner;
import dev.ciku.corpus.CorpusStats;
import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.LatinForms;
import dev.ciku.corpus.UnitTable;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;

/**
 * Corpus statistics on Spark, those {@code ciku stats} counts: every partition scans its lines
 * ({@link Part}), and the driver sums the parts as they arrive, one at a time in partition order
 * ({@link Part.Totals}), so that Latin units are numbered, and the entropy summed, as a
 * sequential read does.
 *
 * <p>Cost: one read of the input. A task holds a unit table of its partition's Latin units and a
 * count per Han code point (2 MB); its part, sent to the driver, holds the units that occurred
 * and their counts (of each Latin form). The driver holds the sums (a count per Han code point
 * and per Latin unit of the union, capped at {@link UnitTable#MAX_LATIN} forms) and one part at
 * a time.
 *
 * <p>Thread-safety: immutable; calls, also on several driver threads at once, share only the
 * Spark context of their lines.
 */
public final class SparkStats {
  private final LatinCase latinCase;
  private final boolean simplify;

  /**
   * @param latinCase how Latin letters are compared (the CLI's default, {@code --lowercase} or
   *     {@code --keep-case})
   * @param simplify fold traditional Han characters to simplified (the CLI's {@code --simplify})
   */
  public SparkStats(LatinCase latinCase, boolean simplify) {
    this.latinCase = java.util.Objects.requireNonNull(latinCase, "latinCase");
    this.simplify = simplify;
  }

  /**
   * The statistics of {@code lines}; {@code warnings} hears of Latin units beyond the unit
   * table's capacity and of U+FFFD characters in the text, as the CLI warns of them.
   */
  public CorpusStats stats(JavaRDD<String> lines, Consumer<String> warnings) {
    return stats(InputText.of(lines), warnings);
  }

  /**
   * As {@link #stats(JavaRDD, Consumer)}, on {@code text}'s lines, whose scan is its first pass
   * ({@link InputText#firstPassDone}: its warnings come before this one's).
   */
  CorpusStats stats(InputText text, Consumer<String> warnings) {
    LatinCase lc = latinCase;
    boolean simp = simplify;
    // Summed as the parts arrive, in partition order: the driver holds the sums and one part.
    Part.Totals totals = new Part.Totals(lc);
    PartitionResults.forEach(
        text.lines().mapPartitions(it -> List.of(Part.of(it, lc, simp)).iterator()), totals::add);
    text.firstPassDone();
    CorpusStats stats = totals.stats(warnings);
    if (stats.malformed() > 0) {
      warnings.accept(Lines.replaced(stats.malformed()));
    }
    return stats;
  }

  /**
   * What one partition's scan counted: the scanner's counters, each Han unit that occurred
   * (code point and count), its Latin forms in order of first appearance with their counts, and
   * its U+FFFD characters. Parts of one corpus, in partition order, sum to the statistics of a
   * sequential read ({@link Totals}).
   */
  static final class Part implements Serializable {
    private static final long serialVersionUID = 1L;

    final CorpusStats.Scan scan;
    final int[] hanUnits;
    final long[] hanCounts;
    final LatinForms latin;
    final long replaced;

    private Part(CorpusStats.Scan scan, long[] han, LatinForms latin, long replaced) {
      this.scan = scan;
      int n = 0;
      for (long c : han) {
        if (c > 0) {
          n++;
        }
      }
      hanUnits = new int[n];
      hanCounts = new long[n];
      for (int cp = 0, k = 0; cp < han.length; cp++) {
        if (han[cp] > 0) {
          hanUnits[k] = cp;
          hanCounts[k++] = han[cp];
        }
      }
      this.latin = latin;
      this.replaced = replaced;
    }

    /** Scans the lines of one partition. */
    static Part of(Iterator<String> lines, LatinCase latinCase, boolean simplify) {
      UnitTable units = UnitTable.of(latinCase);
      CorpusStats.Tally tally = new CorpusStats.Tally();
      ClauseScanner scanner = new ClauseScanner(units, latinCase, simplify, tally);
      long replaced = Lines.feed(lines, scanner);
      // Every form the table recorded, with the occurrences it counted of it (those of a unit
      // add up to the unit's): the driver numbers them as the CLI's table does, which matters
      // once it is full, and writes each unit in its most frequent form over all parts.
      return new Part(CorpusStats.Scan.of(scanner), tally.han(), units.forms(), replaced);
    }

    /**
     * The parts of a corpus summed on the driver, added one at a time in partition order: Latin
     * units are numbered in order of first appearance across the parts (the ids a sequential
     * read gives them, and so its order of summing the entropy), up to {@link
     * UnitTable#MAX_LATIN} forms, as in the CLI; a later one is left out of the counts.
     *
     * <p>Cost: a unit table of the union of the parts' Latin units (capped), a count per Latin
     * unit and one per Han code point (2 MB); a part is read once and not kept. Not thread-safe.
     */
    static final class Totals {
      private CorpusStats.Scan scan = new CorpusStats.Scan(0, 0, 0, 0, 0, 0, 0, 0);
      private final long[] han = new long[UnitTable.LATIN_BASE];
      private final UnitTable latin;
      private long[] latinCounts = new long[1024];
      private long replaced;
      private long beyond;

      /** Empty totals of parts read with {@code latinCase}. */
      Totals(LatinCase latinCase) {
        latin = UnitTable.of(latinCase);
      }

      /** Adds the part of the partition after those added so far. */
      void add(Part p) {
        scan = scan.plus(p.scan);
        for (int k = 0; k < p.hanUnits.length; k++) {
          han[p.hanUnits[k]] += p.hanCounts[k];
        }
        for (int k = 0; k < p.latin.size(); k++) {
          long count = p.latin.counts()[k];
          int id = latin.latinId(p.latin.forms()[k], count);
          if (id < 0) {
            beyond++;
            continue;
          }
          int i = id - UnitTable.LATIN_BASE;
          if (i >= latinCounts.length) {
            latinCounts = Arrays.copyOf(latinCounts, Math.max(i + 1, 2 * latinCounts.length));
          }
          latinCounts[i] += count;
        }
        replaced += p.replaced;
      }

      /**
       * The statistics of the corpus whose partitions, in order, gave the parts added; {@code
       * warnings} hears of Latin units left out (the CLI warns of them too).
       */
      CorpusStats stats(Consumer<String> warnings) {
        if (beyond > 0) {
          // The CLI reads such runs as boundaries from the start; here the partitions counted
          // them as units before the driver knew which came first.
          warnings.accept(String.format(Locale.ROOT, "%,d distinct Latin/digit runs (counted"
              + " once per partition) came after the first %,d and are boundaries, not units:"
              + " they are not in the distinct units and the entropy, but the totals of units,"
              + " Latin units and clauses still count them, so these differ from the CLI's",
              beyond, UnitTable.MAX_LATIN));
        }
        return CorpusStats.of(scan, han, Arrays.copyOf(latinCounts, latin.latinCount()),
            replaced);
      }
    }
  }
}
