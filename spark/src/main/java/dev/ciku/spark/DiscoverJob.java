package dev.ciku.spark;

import dev.ciku.cli.CikuException;
import dev.ciku.cli.DiscoveryOptions;
import dev.ciku.cli.InputChecks;
import dev.ciku.cli.Log;
import dev.ciku.cli.ReestimationOptions;
import dev.ciku.corpus.LogNumbers;
import dev.ciku.discover.DiscoverOptions;
import dev.ciku.discover.WordDiscoverer;
import dev.ciku.discover.WordFilter;
import dev.ciku.output.DiscoveredWordRows;
import dev.ciku.output.Output;
import dev.ciku.output.OutputFormat;
import dev.ciku.store.NgramStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import org.apache.spark.api.java.JavaRDD;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ciku-spark discover}: parses, runs {@link SparkDiscoverer} (counting and the cut pass,
 * or the cut pass alone on the counts of {@code --counts}) and writes the word list on the
 * driver.
 */
@Command(name = "discover", sortOptions = false, mixinStandardHelpOptions = true,
    description = "New words, as 'ciku discover' finds them: counting and the cut pass run on"
        + " the cluster, scoring on the driver.")
final class DiscoverJob implements Callable<Integer>, JobHelp {
  private static final EnumSet<OutputFormat> FORMATS =
      EnumSet.of(OutputFormat.TSV, OutputFormat.JSONL, OutputFormat.DICT);

  @Mixin JobInputs input;

  @Mixin DiscoveryOptions discovery;
  @Mixin ReestimationOptions reestimation;

  @Option(names = "--redundancy", paramLabel = "NATS", defaultValue = "6.0",
      description = "De-redundancy threshold per extra unit, as in 'ciku discover' (0: off).")
  double redundancy;

  @Option(names = "--known", paramLabel = "LEXICON",
      description = "Drop the words listed in LEXICON (a local file). Repeatable.")
  List<Path> known = new ArrayList<>();

  @Option(names = "--new-only",
      description = "Drop the words of ciku's bundled general lexicon, its stopwords, words"
          + " that begin or end with a one-character stopword and number expressions, as"
          + " 'ciku discover --new-only': only new words remain.")
  boolean newOnly;

  @Mixin TopOption top;

  @Mixin ExplainOption explain;

  @Mixin RowsOutput out;

  @Mixin DriverOptions driver;

  @Option(names = "--counts-out", paramLabel = "STORE",
      description = "Keep the n-gram store counted on the way (order N, min count 2).")
  Path countsOut;

  @Option(names = "--counts", paramLabel = "STORE",
      description = "Use the n-gram counts of STORE, a local file that 'ciku count -o' or"
          + " 'ciku-spark count -o' wrote from the same INPUT with the same --lowercase and"
          + " --simplify: the cluster then runs only the cut pass (as 'ciku discover --counts"
          + " STORE INPUT').")
  Path counts;

  /** Nanosecond clock of the times the job reports. */
  private final LongSupplier clock;

  DiscoverJob() {
    this(System::nanoTime);
  }

  DiscoverJob(LongSupplier clock) {
    this.clock = clock;
  }

  @Override
  public Map<String, String> optionHelp() {
    return Map.of("format", "Output format: tsv (default), jsonl (one JSON object a line) or dict"
        + " ('word count' lines, a segmenter dictionary).",
        "top", "Print only the best K words (0: all).",
        "explain", "Instead of the list, say for each WORD whether the list has it or which stage"
            + " dropped it, on what figures, as 'ciku discover --explain'. Repeatable, or"
            + " comma-separated (, or \uFF0C).");
  }

  @Override
  public Integer call() throws Exception {
    input.check();
    JobBudgets budgets = driver.budgets();
    OutputFormat f = out.rows.format(FORMATS);
    int k = top.top();
    List<String> words = explain.words();
    if (!words.isEmpty() && f == OutputFormat.DICT) {
      throw new CikuException(CikuException.USAGE, "--explain writes tsv or jsonl, not dict");
    }
    Main.checkStoreFile("--counts-out", countsOut);
    if (counts != null && countsOut != null) {
      throw new CikuException(CikuException.USAGE, "--counts-out keeps the counts the job makes;"
          + " with --counts it makes none (the store is " + counts + ")");
    }
    // Checked with the corpus's local files once they are listed (JobInputs#lines); a --counts
    // that is a directory or a pipe is refused at once.
    InputChecks checks = new InputChecks().files("--known", known).store("--counts", counts)
        .output("-o", out.output).output("--counts-out", countsOut);
    if (countsOut != null && Output.sameDestination(countsOut, out.output)) {
      throw new CikuException(CikuException.USAGE, "--counts-out and -o both go to "
          + countsOut + ": give them different files");
    }
    DiscoverOptions options = reestimation.applyTo(discovery.toOptions(redundancy));
    WordFilter filter = WordFilter.create(known, newOnly, input.lowercase(), Main::warn);
    Path tmp = driver.tempDir();
    long t0 = clock.getAsLong();
    // The store and the output are opened before the job: a store that cannot be read or was
    // counted otherwise, or an output that cannot be written, is said at once.
    try (NgramStore store = counts == null ? null : NgramStore.open(counts);
        Output o = Output.open(out.output)) {
      if (store != null) {
        store.requireNormalization(input.normalization(), "");
      }
      WordDiscoverer.Result result = Main.withSpark("ciku discover", sc -> {
        SparkDiscoverer discoverer = new SparkDiscoverer(sc, options, input.lowercase(),
            input.simplify(), input.reducePartitions()).withTaskMemory(budgets.taskRuns())
            .withExplanations(words).withClock(clock);
        JavaRDD<String> lines = input.lines(sc, checks);
        return store != null
            ? discoverer.discover(lines, store, budgets.driver(), tmp, Main::warn, Main::info)
            : discoverer.discover(lines, countsOut, budgets.driver(), tmp, Main::warn,
                Main::info);
      });
      if (result.positions() == 0) {
        Main.warn(Log.noUnits("no words"));
      }
      if (newOnly) {
        String small = WordFilter.smallCorpusWarning(result.positions(), result.minCount());
        if (small != null) {
          Main.warn(small);
        }
      }
      int written = DiscoveredWordRows.write(result, filter, k, f, out.rows.header(),
          o.writer());
      o.commit();
      if (!words.isEmpty()) {
        return 0;
      }
      Main.info(LogNumbers.count(written, "word") + String.format(Locale.ROOT,
          " written (%,d found) in %.1f s", result.words().size(),
          (clock.getAsLong() - t0) / 1e9));
    }
    return 0;
  }
}
