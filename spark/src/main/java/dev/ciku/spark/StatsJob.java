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
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ciku-spark stats}: parses, has every partition scan its lines ({@link Part}), sums the
 * parts on the driver and writes the row {@code ciku stats} writes.
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
      CorpusStats stats = Main.withSpark("ciku stats", sc -> Part.total(input.lines(sc, checks)
          .mapPartitions(lines -> List.of(Part.of(lines, lc, simp)).iterator()).collect()));
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
   * sequential read ({@link #total}).
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
      long[] latin = tally.latin();
      return new Part(CorpusStats.Scan.of(scanner), tally.han(),
          units.latinUnits().subList(0, latin.length).toArray(new String[0]), latin,
          replaced);
    }

    /** The statistics of the corpus whose partitions, in order, gave {@code parts}. */
    static CorpusStats total(List<Part> parts) {
      CorpusStats.Scan scan = new CorpusStats.Scan(0, 0, 0, 0, 0, 0, 0, 0);
      long[] han = new long[UnitTable.LATIN_BASE];
      // Latin units in order of first appearance across the parts: the ids a sequential read
      // gives them, and so its order of summing.
      Map<String, Long> latin = new LinkedHashMap<>();
      long replaced = 0;
      for (Part p : parts) {
        scan = scan.plus(p.scan);
        for (int k = 0; k < p.hanUnits.length; k++) {
          han[p.hanUnits[k]] += p.hanCounts[k];
        }
        for (int k = 0; k < p.latinUnits.length; k++) {
          latin.merge(p.latinUnits[k], p.latinCounts[k], Long::sum);
        }
        replaced += p.replaced;
      }
      long[] latinCounts = new long[latin.size()];
      int k = 0;
      for (long c : latin.values()) {
        latinCounts[k++] = c;
      }
      return CorpusStats.of(scan, han, latinCounts, replaced);
    }
  }
}
