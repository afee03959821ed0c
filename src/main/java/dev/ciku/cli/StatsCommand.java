package dev.ciku.cli;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.CorpusStats;
import dev.ciku.corpus.Simplified;
import dev.ciku.output.CorpusStatsRows;
import dev.ciku.output.Output;
import dev.ciku.output.OutputFormat;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ciku stats}: what is in a corpus. */
@Command(name = "stats", sortOptions = false,
    description = {
        "Count lines, characters, Han characters (and how many of them are traditional forms),"
            + " clauses, units and skipped URLs of a corpus, and the unigram entropy of its units"
            + " in bits.",
        "A unit is a Han character or a run of Latin letters/digits (iPhone7, 5G); a clause is a"
            + " maximal run of units (punctuation, spaces and symbols end it; a URL or an HTML"
            + " character reference such as &amp; is skipped whole).",
        "Reads in one thread (it is bound by reading); --threads is checked as elsewhere."})
final class StatsCommand implements Callable<Integer>, RowOptions.Formats {
  @Override
  public EnumSet<OutputFormat> formats() {
    return EnumSet.of(OutputFormat.TSV, OutputFormat.JSONL, OutputFormat.JSON);
  }

  @Mixin InputOptions input;
  @Mixin FormatOptions text;
  @Mixin OutputOptions output;
  @Mixin RunOptions run;

  @Override
  public Integer call() throws Exception {
    OutputFormat format = output.format(this);
    Log log = run.log();
    // One reading thread does the work; --threads is checked all the same, as in every command.
    run.threads();
    // The t2s table tells the traditional characters apart, with or without --simplify.
    new InputChecks().corpus(input.inputs, true, input.binaryData()).bundled(Simplified.RESOURCE)
        .output("-o", output.path()).check();
    List<CorpusInput> corpus = input.corpus(log);
    // The output is opened first: a -o that cannot be written fails before the work.
    try (Output out = output.open()) {
      ByteCounter bytes = new ByteCounter();
      CorpusStats s;
      try (Progress p = Progress.start(run.progress(), System.err, "reading", bytes::get,
          InputOptions.totalSize(corpus))) {
        s = CorpusStats.compute(corpus, text.readerOptions(input), bytes, log::warn);
      }
      CorpusStatsRows.write(s, format, output.header(), out.writer());
      out.commit();
    }
    return 0;
  }
}
