package dev.ciku.spark;

import dev.ciku.cli.InputChecks;
import dev.ciku.cli.OutputOptions;
import dev.ciku.corpus.ClauseScanner;
import dev.ciku.corpus.CorpusStats;
import dev.ciku.corpus.CorpusStatsRows;
import dev.ciku.corpus.UnitTable;
import dev.ciku.output.Output;
import dev.ciku.output.OutputFormat;
import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ciku-spark stats}: parses, has every partition scan its lines ({@link Part}), sums the
 * parts on the driver as they arrive ({@link Part.Totals}) and writes the row {@code ciku stats}
 * writes.
 */
@Command(name = "stats", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"What is in a corpus, as 'ciku stats' counts it: lines, characters, Han"
        + " characters (and how many are traditional forms), clauses, units, skipped URLs,"
        + " distinct units and the unigram entropy of the units in bits. Every partition scans"
        + " its lines; the driver sums them.",
        "The malformed column counts the U+FFFD characters of the text, which is what decoding"
            + " makes of malformed bytes (the CLI counts the malformed sequences it replaces)."})
final class StatsJob implements Callable<Integer> {
  @Mixin JobInputs input;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "tsv",
      description = "Output format: tsv (default), jsonl (one JSON object a line) or json (one"
          + " JSON object).")
  String format;

  @Mixin Main.RowsOutput rows;

  @Override
  public Integer call() throws Exception {
    input.check();
    OutputFormat f = OutputOptions.format(format,
        EnumSet.of(OutputFormat.TSV, OutputFormat.JSONL, OutputFormat.JSON));
    // Checked with the corpus's local files once they are listed (JobInputs#lines).
    InputChecks checks = new InputChecks().output("-o", rows.output);
    long t0 = System.nanoTime();
    boolean lc = input.lowercase;
    boolean simp = input.simplify;
    // The output is opened before the job: if it cannot be written, that is said at once.
    try (Output out = Output.open(rows.output)) {
      CorpusStats stats = Main.withSpark("ciku stats", sc -> {
        // Summed as the parts arrive, in partition order: the driver holds the sums and one part.
        Part.Totals totals = new Part.Totals();
        PartitionResults.forEach(input.lines(sc, checks)
            .mapPartitions(lines -> List.of(Part.of(lines, lc, simp)).iterator()), totals::add);
        return totals.stats(Main::warn);
      });
      if (stats.malformed() > 0) {
        Main.warn(Lines.replaced(stats.malformed()));
      }
      CorpusStatsRows.write(stats, f, !rows.noHeader, out.writer());
      out.commit();
      Main.info(String.format(Locale.ROOT, "%,d lines, %,d units in %.1f s", stats.lines(),
          stats.units(), (System.nanoTime() - t0) / 1e9));
    }
    return 0;
  }

  /**
   * What one partition's scan counted: the scanner's counters, each Han unit that occurred
   * (code point and count), its Latin units in order of first appearance with their counts, and
   * its U+FFFD characters. Parts of one corpus, in partition order, sum to the statistics of a
   * sequential read ({@link Totals}).
   */
  static final class Part implements Serializable {
    private static final long serialVersionUID = 1L;

    final CorpusStats.Scan scan;
    final int[] hanUnits;
    final long[] hanCounts;
    final String[] latinUnits;
    final long[] latinCounts;
    final long replaced;

    private Part(CorpusStats.Scan scan, long[] han, String[] latinUnits, long[] latinCounts,
        long replaced) {
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
      this.latinUnits = latinUnits;
      this.latinCounts = latinCounts;
      this.replaced = replaced;
    }

    /** Scans the lines of one partition. */
    static Part of(Iterator<String> lines, boolean lowercase, boolean simplify) {
      UnitTable units = new UnitTable();
      CorpusStats.Tally tally = new CorpusStats.Tally();
      ClauseScanner scanner = new ClauseScanner(units, lowercase, simplify, tally);
      long replaced = Lines.feed(lines, scanner);
      // Every unit the table numbered, counted or not: the driver numbers them as the CLI's
      // table does, which matters once it is full.
      long[] latin = Arrays.copyOf(tally.latin(), units.latinCount());
      return new Part(CorpusStats.Scan.of(scanner), tally.han(),
          units.latinUnits().toArray(new String[0]), latin, replaced);
    }

    /**
     * The parts of a corpus summed on the driver, added one at a time in partition order: Latin
     * units are numbered in order of first appearance across the parts (the ids a sequential
     * read gives them, and so its order of summing the entropy), up to {@link
     * UnitTable#MAX_LATIN} of them, as in the CLI; a later one is left out of the counts.
     *
     * <p>Cost: a unit table of the union of the parts' Latin units (capped), a count per Latin
     * unit and one per Han code point (2 MB); a part is read once and not kept. Not thread-safe.
     */
    static final class Totals {
      private CorpusStats.Scan scan = new CorpusStats.Scan(0, 0, 0, 0, 0, 0, 0, 0);
      private final long[] han = new long[UnitTable.LATIN_BASE];
      private final UnitTable latin = new UnitTable();
      private long[] latinCounts = new long[1024];
      private long replaced;
      private long beyond;

      /** Adds the part of the partition after those added so far. */
      void add(Part p) {
        scan = scan.plus(p.scan);
        for (int k = 0; k < p.hanUnits.length; k++) {
          han[p.hanUnits[k]] += p.hanCounts[k];
        }
        for (int k = 0; k < p.latinUnits.length; k++) {
          int id = latin.latinId(p.latinUnits[k]);
          if (id < 0) {
            beyond++;
            continue;
          }
          int i = id - UnitTable.LATIN_BASE;
          if (i >= latinCounts.length) {
            latinCounts = Arrays.copyOf(latinCounts, Math.max(i + 1, 2 * latinCounts.length));
          }
          latinCounts[i] += p.latinCounts[k];
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
