package dev.ciku.cli;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.UnitTable;
import dev.ciku.count.CountOptions;
import dev.ciku.count.CountSummary;
import dev.ciku.count.GramSink;
import dev.ciku.count.GramRows;
import dev.ciku.count.NgramCounter;
import dev.ciku.count.RankedGrams;
import dev.ciku.output.Output;
import dev.ciku.output.OutputFormat;
import dev.ciku.output.RowWriter;
import dev.ciku.store.NgramStore;
import dev.ciku.store.Normalization;
import dev.ciku.store.StoreMerger;
import dev.ciku.store.StoreWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
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
final class CountCommand implements Callable<Integer> {
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

  @Option(names = "--top", paramLabel = "K", defaultValue = "0",
      description = "Print only the first K rows (0: all).")
  int top;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "tsv",
      description = "tsv (default) or jsonl.")
  String format;

  @Option(names = "--no-header", description = "No header line in TSV output.")
  boolean noHeader;

  @Mixin MemoryOptions memory;
  @Mixin RunOptions run;
  @Spec CommandSpec spec;

  /** The options that shape printed rows, which a store (-o) does not have. */
  private static final List<String> PRINT_OPTIONS =
      List.of("--top", "--format", "--sort", "--no-header");

  /** The options of reading a corpus, besides --lowercase and --simplify (checked by merges). */
  private static final List<String> READING_OPTIONS = List.of("--order", "--encoding",
      "--input-format", "--field", "--column", "--skip-header");

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
    OutputFormat fmt = parseFormat();
    boolean byCount = switch (sort.toLowerCase(Locale.ROOT)) {
      case "count" -> true;
      case "ngram" -> false;
      default -> throw new CikuException(CikuException.USAGE,
          "--sort must be count or ngram, not '" + sort + "'");
    };
    if (top < 0) {
      throw new CikuException(CikuException.USAGE, "--top must be 0 or more");
    }
    Log log = run.log();
    String stream = Output.standardStreamName(store);
    if (stream != null) {
      throw new CikuException(CikuException.USAGE, "-o " + store + " : a store is a file, it"
          + " cannot go to " + stream + " (without -o, count prints TSV to standard output)");
    }
    new InputChecks().corpus(input.inputs, !merge).output("-o", store).check();
    if (store != null) {
      try (StoreWriter w = new StoreWriter(store)) {
        CountSummary s = produce(new UnitTable(), w, log);
        w.finish(s, normalization);
        log.info(String.format(Locale.ROOT, "wrote %,d grams of 1..%d units (min count %d) to %s",
            w.entries(), s.order(), s.minCount(), store));
      }
      return 0;
    }
    try (Output out = Output.stdout()) {
      RowWriter rows = new RowWriter(out.writer(), fmt, GramRows.COLUMNS, !noHeader);
      UnitTable units = new UnitTable();
      GramSink print = new GramRows(rows, units, top);
      if (byCount) {
        // Ranking every gram is bounded too: the merge ranges (one a thread) share a quarter of
        // the budget, then ranked buffers spill next to the counting runs.
        try (RankedGrams ranked = new RankedGrams(top, memory.bytes() / 4 / run.threads(),
            memory.tempDir())) {
          produce(units, ranked, log);
          ranked.drain(print);
        }
      } else {
        produce(units, print, log);
      }
      rows.finish();
      out.commit();
    }
    return 0;
  }

  /**
   * How the counted text is normalised: as --lowercase/--simplify say, or with --merge as the
   * stores were (set by {@link #produce}).
   */
  private Normalization normalization;

  /**
   * The normalisation the merged stores share; refused (usage) when they differ, or when
   * --lowercase/--simplify are given and differ from theirs.
   */
  private Normalization mergedNormalization(List<NgramStore> stores) {
    NgramStore first = stores.get(0);
    for (NgramStore s : stores) {
      if (!s.normalization().equals(first.normalization())) {
        throw new CikuException(CikuException.USAGE, "cannot merge stores counted differently: "
            + first.path() + " was counted " + first.normalization().describe() + ", "
            + s.path() + " " + s.normalization().describe());
      }
    }
    if ((text.lowercase || text.simplify)
        && !first.normalization().equals(new Normalization(text.lowercase, text.simplify))) {
      throw new CikuException(CikuException.USAGE, first.path() + " was counted "
          + first.normalization().describe() + "; give the same --simplify/--lowercase as when"
          + " counting (or none with --merge)");
    }
    return first.normalization();
  }

  /**
   * Refuses (usage) a store given twice to --merge, under any name (a symbolic link, another
   * spelling of its path, a hard link): its counts would be doubled. Missing files are left to
   * the store's own message.
   */
  private static void refuseRepeatedStores(List<String> stores) throws IOException {
    List<Path> seen = new ArrayList<>();
    for (String s : stores) {
      Path p = Path.of(s);
      if (!Files.exists(p)) {
        continue;
      }
      for (Path q : seen) {
        if (Files.isSameFile(p, q)) {
          throw new CikuException(CikuException.USAGE, "--merge was given the store " + q
              + (q.toString().equals(s) ? " twice" : " twice (also as " + s + ")")
              + ": merging a store with itself would double its counts");
        }
      }
      seen.add(p);
    }
  }

  private CountSummary produce(UnitTable units, GramSink sink, Log log) throws IOException {
    normalization = new Normalization(text.lowercase, text.simplify);
    if (merge) {
      List<NgramStore> stores = new ArrayList<>();
      try {
        InputChecks checks = new InputChecks();
        for (String p : input.inputs) {
          checks.store("--merge", Path.of(p));
        }
        refuseRepeatedStores(input.inputs);
        for (String p : input.inputs) {
          stores.add(NgramStore.open(Path.of(p)));
        }
        if (stores.isEmpty()) {
          throw new CikuException(CikuException.USAGE, "--merge needs one or more stores");
        }
        normalization = mergedNormalization(stores);
        // One store alone loses nothing: its counts are copied (or filtered further) as they are.
        for (NgramStore s : stores) {
          if (stores.size() > 1 && s.minCount() > 1) {
            log.warn(s.path() + " was counted with --min-count " + s.minCount()
                + ": merged counts miss its pruned occurrences");
          }
        }
        // The merge keeps the lowest order (a higher gram's count in a lower-order store is
        // unknown): say what each higher-order store loses.
        NgramStore lowest = stores.get(0);
        for (NgramStore s : stores) {
          if (s.order() < lowest.order()) {
            lowest = s;
          }
        }
        for (NgramStore s : stores) {
          if (s.order() > lowest.order()) {
            log.warn(s.path() + " holds grams of up to " + s.order() + " units; the merge keeps"
                + " 1.." + lowest.order() + ", the order of " + lowest.path());
          }
        }
        return StoreMerger.merge(stores, minCount, units, sink, memory.bytes(), run.threads(),
            memory.tempDir());
      } finally {
        for (NgramStore s : stores) {
          s.close();
        }
      }
    }
    List<CorpusInput> corpus = input.corpus(log);
    ByteCounter bytes = new ByteCounter();
    CountOptions options;
    try {
      options = new CountOptions(order, minCount, run.threads(), memory.bytes(), memory.tempDir());
    } catch (IllegalArgumentException e) {
      throw new CikuException(CikuException.USAGE, e.getMessage());
    }
    // Without -o the rows are printed while the bar runs.
    try (Progress p = Progress.start(run.progress(store == null), System.err, "counting",
        bytes::get, InputOptions.totalSize(corpus))) {
      return new NgramCounter(options, text.readerOptions(input)).count(corpus, units, bytes, log::warn,
          sink);
    }
  }

  private OutputFormat parseFormat() {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "tsv" -> OutputFormat.TSV;
      case "jsonl" -> OutputFormat.JSONL;
      default -> throw new CikuException(CikuException.USAGE,
          "--format must be tsv or jsonl, not '" + format + "'");
    };
  }
}
