package dev.ciku.cli;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.CorpusStats;
import dev.ciku.output.Json;
import dev.ciku.output.Numbers;
import dev.ciku.output.Output;
import dev.ciku.output.OutputFormat;
import dev.ciku.output.RowWriter;
import java.io.Writer;
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
final class StatsCommand implements Callable<Integer>, OutputOptions.Formats {
  @Override
  public EnumSet<OutputFormat> formats() {
    return EnumSet.of(OutputFormat.TSV, OutputFormat.JSONL, OutputFormat.JSON);
  }

  private static final List<String> COLUMNS = List.of("lines", "chars", "han_chars", "traditional_chars", "clauses",
      "units", "latin_units", "urls", "distinct_units", "entropy_bits", "malformed");

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
    new InputChecks().corpus(input.inputs, true).output("-o", output.output).check();
    List<CorpusInput> corpus = input.corpus(log);
    // The output is opened first: a -o that cannot be written fails before the work.
    try (Output out = output.open()) {
      ByteCounter bytes = new ByteCounter();
      CorpusStats s;
      try (Progress p = Progress.start(run.progress(), System.err, "reading", bytes::get,
          InputOptions.totalSize(corpus))) {
        s = CorpusStats.compute(corpus, text.readerOptions(input), bytes, log::warn);
      }
      // One value a column, in COLUMNS order: counts, and the entropy (4 decimals).
      Object[] values = {s.lines(), s.chars(), s.hanChars(), s.traditionalChars(), s.clauses(),
          s.units(), s.latinUnits(), s.urls(), s.distinctUnits(), s.entropyBits(), s.malformed()};
      if (format == OutputFormat.JSON) {
        Writer w = out.writer();
        w.write("{");
        for (int i = 0; i < COLUMNS.size(); i++) {
          if (i > 0) {
            w.write(",");
          }
          Json.writeString(w, COLUMNS.get(i));
          w.write(":" + (values[i] instanceof Double d ? Numbers.format(d, 4) : values[i]));
        }
        w.write("}\n");
      } else {
        RowWriter rows = output.rows(out, format, COLUMNS);
        rows.begin();
        for (Object v : values) {
          if (v instanceof Double d) {
            rows.decimal(d, 4);
          } else {
            rows.integer((Long) v);
          }
        }
        rows.end();
      }
      out.commit();
    }
    return 0;
  }
}
