package dev.ciku.spark;

import dev.ciku.cli.InputChecks;
import dev.ciku.cli.OutputFileOption;
import dev.ciku.cli.RowOptions;
import dev.ciku.corpus.CorpusStats;
import dev.ciku.output.CorpusStatsRows;
import dev.ciku.output.Output;
import dev.ciku.output.OutputFormat;
import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ciku-spark stats}: parses, runs {@link SparkStats} and writes the row {@code ciku stats}
 * writes.
 */
@Command(name = "stats", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"What is in a corpus, as 'ciku stats' counts it: lines, characters, Han"
        + " characters (and how many are traditional forms), clauses, units, skipped URLs,"
        + " distinct units and the unigram entropy of the units in bits. Every partition scans"
        + " its lines; the driver sums them.",
        "The malformed column counts the U+FFFD characters of the text, which is what decoding"
            + " makes of malformed bytes (the CLI counts the malformed sequences it replaces)."})
final class StatsJob implements Callable<Integer>, RowOptions.Formats {
  @Mixin JobInputs input;

  @Mixin OutputFileOption out = new OutputFileOption(Main.OUTPUT_HELP);
  @Mixin RowOptions rows;

  /** The jobs' command, whose clock times the run (its progress lines). */
  @ParentCommand Main main;

  @Override
  public EnumSet<OutputFormat> formats() {
    return EnumSet.of(OutputFormat.TSV, OutputFormat.JSONL, OutputFormat.JSON);
  }

  @Override
  public Integer call() throws Exception {
    LongSupplier clock = main.clock();
    input.check();
    OutputFormat f = rows.format(this);
    // Checked with the corpus's local files once they are listed (JobInputs#lines).
    InputChecks checks = new InputChecks().output("-o", out.path());
    long t0 = clock.getAsLong();
    SparkStats engine = new SparkStats(input.latinCase(), input.simplify());
    // The output is opened before the job: if it cannot be written, that is said at once.
    try (Output o = out.open()) {
      CorpusStats stats = Main.withSpark("ciku stats",
          sc -> engine.stats(input.lines(sc, checks), Main::warn));
      CorpusStatsRows.write(stats, f, rows.header(), o.writer());
      o.commit();
      Main.info(String.format(Locale.ROOT, "%,d lines, %,d units in %.1f s", stats.lines(),
          stats.units(), (clock.getAsLong() - t0) / 1e9));
    }
    return 0;
  }
}
