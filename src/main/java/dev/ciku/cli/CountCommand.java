package dev.ciku.cli;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.count.CountSummary;
import dev.ciku.output.GramRows;
import dev.ciku.output.Output;
import dev.ciku.output.OutputFormat;
import dev.ciku.output.RowWriter;
import dev.ciku.store.Counting;
import dev.ciku.store.Normalization;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ciku count}: exact n-gram counts, printed or persisted as a store. */
@Command(name = "count", sortOptions = false,
    description = {
        "Count every n-gram of 1..ORDER units inside clauses, exactly, in parallel and within a"
            + " memory budget (sorted runs spill to disk beyond it).",
        "With -o, write a memory-mapped n-gram store that 'ciku discover --counts' reads (no"
            + " second counting of the corpus); --merge combines stores counted apart. Without -o,"
            + " print TSV ngram<TAB>count."})
final class CountCommand implements Callable<Integer>, RowOptions.Formats {
  @Override
  public EnumSet<OutputFormat> formats() {
    return EnumSet.of(OutputFormat.TSV, OutputFormat.JSONL);
  }

  @Mixin InputOptions input;
  @Mixin FormatOptions text;

  @Option(names = {"-n", "--order"}, paramLabel = "N", defaultValue = "6",
      description = "Longest n-gram, 1..6 (default: ${DEFAULT-VALUE}).")
  int order;

  @Option(names = "--min-count", paramLabel = "C", defaultValue = "2",
      description = "Drop grams seen fewer than C times (default: ${DEFAULT-VALUE}). Counts of the"
          + " rest are exact; boundary entropies stay exact at 2, since a pruned neighbour was"
          + " seen once.")
  long minCount;

  @Option(names = {"-o", "--output"}, paramLabel = "STORE",
      description = "Write an n-gram store to STORE (atomically) instead of printing TSV.")
  Path store;

  @Option(names = "--merge", description = "The inputs are stores to merge (into -o, or printed)."
      + " Stores of different orders merge at the lowest (a warning names each store whose"
      + " longer grams are dropped).")
  boolean merge;

  @Option(names = "--sort", paramLabel = "KEY", defaultValue = "count",
      description = "TSV order: count (descending; default) or ngram (unit order: Han by code"
          + " point, then Latin units in order of first appearance). 'ngram' streams without"
          + " holding the result.")
  String sort;

  @Mixin TopOption top;
  @Mixin RowOptions rows;
  @Mixin MemoryOptions memory;
  @Mixin RunOptions run;
  @Spec CommandSpec spec;

  /** The options that shape printed rows, which a store (-o) does not have. */
  private static final List<String> PRINT_OPTIONS =
      List.of("--top", "--format", "--sort", "--no-header");

  /**
   * The options of reading a corpus, besides --lowercase, --keep-case and --simplify (checked by
   * merges).
   */
  private static final List<String> READING_OPTIONS = Stream.concat(Stream.of("--order"),
      FormatOptions.READING_OPTIONS.stream()).toList();

  /**
   * Refuses an option that this run would ignore: a printing option with -o, a reading option
   * with --merge (its inputs are stores, merged at their lowest order).
   */
  private void requireOptionsThatApply() {
    for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
      String name = o.longestName();
      if (store != null && PRINT_OPTIONS.contains(name)) {
        throw new CikuException(CikuException.USAGE, name + " applies to printed rows, not to a"
            + " store (-o)");
      }
      if (merge && READING_OPTIONS.contains(name)) {
        throw new CikuException(CikuException.USAGE, name + " applies to counting a corpus, not"
            + " to --merge (its inputs are stores, merged at the lowest order among them)");
      }
    }
  }

  @Override
  public Integer call() throws Exception {
    requireOptionsThatApply();
    OutputFormat fmt = rows.format(this);
    boolean byCount = OutputOptions.sortsByCount(sort);
    int k = top.value();
    Log log = run.log();
    String stream = Output.standardStreamName(store);
    if (stream != null) {
      throw new CikuException(CikuException.USAGE, "-o " + store + " : a store is a file, it"
          + " cannot go to " + stream + " (without -o, count prints TSV to standard output)");
    }
    new InputChecks().corpus(input.inputs, !merge, input.binaryData()).bundled(text.bundledData())
        .output("-o", store).check();
    if (store != null) {
      Counting.Result r = count(new Counting.StoreFile(store), log);
      CountSummary s = r.summary();
      log.info(String.format(Locale.ROOT, "wrote %,d grams of 1..%d units (min count %d) to %s",
          r.written(), s.order(), s.minCount(), store));
      return 0;
    }
    try (Output out = Output.open(null)) {
      RowWriter w = new RowWriter(out.writer(), fmt, GramRows.COLUMNS, rows.header());
      count(new Counting.Rows(units -> new GramRows(w, units, k), k, byCount), log);
      out.commit();
    }
    return 0;
  }

  /**
   * Counts the corpus, or merges the stores, into {@code destination}, with a progress bar
   * while a corpus is read (without -o the rows are printed while it runs).
   */
  private Counting.Result count(Counting.Destination destination, Log log) throws IOException {
    // The settings are checked before a store is opened or created: a usage error comes first,
    // with -o as without.
    // Runs with every prefix (-o, --sort ngram) can take up to 3 times the budget for a moment.
    long budget = !merge && (store != null || !OutputOptions.sortsByCount(sort))
        ? memory.bytes(MemoryOptions.WHOLE_RUNS_PEAK) : memory.bytes();
    int threads = run.threads();
    Path tempDir = memory.tempDir();
    Counting.Source source;
    long size = -1;
    if (merge) {
      InputChecks checks = new InputChecks();
      for (String p : input.inputs) {
        checks.store("--merge", Path.of(p));
      }
      source = new Counting.Stores(input.inputs, text.lowercase || text.keepCase || text.simplify
          ? new Normalization(text.latinCase(), text.simplify) : null);
    } else {
      Counting.Corpus corpus = new Counting.Corpus(input.corpus(log), text.readerOptions(input),
          order);
      size = InputOptions.totalSize(corpus.inputs());
      source = corpus;
    }
    Counting.Request request = CikuException.usage(() -> new Counting.Request(source, minCount,
        threads, budget, tempDir, destination));
    ByteCounter bytes = new ByteCounter();
    Counting.Result r;
    try (Progress p = Progress.start(!merge && run.progress(store == null), System.err,
        "counting", bytes::get, size)) {
      r = Counting.run(request, bytes, log::warn);
    }
    if (!merge) {
      log.warnIfNoUnits(r.summary().positions(1), "no grams");
    }
    return r;
  }
}
