package dev.ciku.spark;

import dev.ciku.cli.CikuException;
import dev.ciku.cli.DiscoveryOptions;
import dev.ciku.cli.ExplainArguments;
import dev.ciku.cli.InputChecks;
import dev.ciku.cli.Log;
import dev.ciku.cli.OutputOptions;
import dev.ciku.cli.ReestimationOptions;
import dev.ciku.discover.DiscoverOptions;
import dev.ciku.discover.DiscoveredWordRows;
import dev.ciku.discover.WordDiscoverer;
import dev.ciku.discover.WordFilter;
import dev.ciku.io.TempFiles;
import dev.ciku.output.Numbers;
import dev.ciku.output.Output;
import dev.ciku.output.OutputFormat;
import dev.ciku.store.NgramStore;
import dev.ciku.store.Normalization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ciku-spark discover}: parses, runs {@link SparkDiscoverer} (counting and the cut pass,
 * or the cut pass alone on the counts of {@code --counts}) and writes the word list on the
 * driver.
 */
@Command(name = "discover", sortOptions = false, mixinStandardHelpOptions = true,
    description = "New words, as 'ciku discover' finds them: counting and the cut pass run on"
        + " the cluster, scoring on the driver.")
final class DiscoverJob implements Callable<Integer> {
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

  @Option(names = "--top", paramLabel = "K", defaultValue = "0",
      description = "Print only the best K words (0: all).")
  int top;

  // Split by ExplainArguments, not by picocli.
  @Option(names = "--explain", paramLabel = "WORD[,WORD...]",
      description = "Instead of the list, say for each WORD whether the list has it or which"
          + " stage dropped it, on what figures, as 'ciku discover --explain'. Repeatable, or"
          + " comma-separated (, or \uFF0C).")
  List<String> explainArgs = new ArrayList<>();

  @Spec CommandSpec spec;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "tsv",
      description = "Output format: tsv (default), jsonl (one JSON object a line) or dict ('word"
          + " count' lines, a segmenter dictionary).")
  String format;

  @Mixin Main.DriverOutput driver;

  @Option(names = "--counts-out", paramLabel = "STORE",
      description = "Keep the n-gram store counted on the way (order N, min count 2).")
  Path countsOut;

  @Option(names = "--counts", paramLabel = "STORE",
      description = "Use the n-gram counts of STORE, a local file that 'ciku count -o' or"
          + " 'ciku-spark count -o' wrote from the same INPUT with the same --lowercase and"
          + " --simplify: the cluster then runs only the cut pass (as 'ciku discover --counts"
          + " STORE INPUT').")
  Path counts;

  @Override
  public Integer call() throws Exception {
    input.check();
    driver.check();
    OutputFormat f = OutputOptions.format(format,
        EnumSet.of(OutputFormat.TSV, OutputFormat.JSONL, OutputFormat.DICT));
    OutputOptions.checkTop(top);
    List<String> explain = ExplainArguments.words(explainArgs, spec);
    if (!explain.isEmpty() && f == OutputFormat.DICT) {
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
        .output("-o", driver.rows.output).output("--counts-out", countsOut);
    if (countsOut != null && Output.sameDestination(countsOut, driver.rows.output)) {
      throw new CikuException(CikuException.USAGE, "--counts-out and -o both go to "
          + countsOut + ": give them different files");
    }
    DiscoverOptions options = reestimation.applyTo(discovery.toOptions(redundancy));
    WordFilter filter = WordFilter.create(known, newOnly, input.lowercase, Main::warn);
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    long t0 = System.nanoTime();
    // The store and the output are opened before the job: a store that cannot be read or was
    // counted otherwise, or an output that cannot be written, is said at once.
    try (NgramStore store = counts == null ? null : NgramStore.open(counts);
        Output out = Output.open(driver.rows.output)) {
      if (store != null) {
        store.requireNormalization(new Normalization(input.lowercase, input.simplify), "");
      }
      WordDiscoverer.Result result = Main.withSpark("ciku discover", sc -> {
        SparkDiscoverer discoverer = new SparkDiscoverer(sc, options, input.lowercase,
            input.simplify, input.reducePartitions).withExplanations(explain);
        if (store != null) {
          return discoverer.discover(input.lines(sc, checks), store, driver.driverMemory, tmp,
              Main::warn, Main::info);
        }
        Path storeFile = countsOut != null ? countsOut
            : TempFiles.create(tmp, "ciku-spark-", ".ngrams");
        return discoverer.discover(input.lines(sc, checks), storeFile, countsOut != null,
            driver.driverMemory, tmp, Main::warn, Main::info);
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
      int written = DiscoveredWordRows.write(result, filter, top, f, !driver.rows.noHeader,
          out.writer());
      out.commit();
      if (!explain.isEmpty()) {
        return 0;
      }
      Main.info(Numbers.count(written, "word") + String.format(Locale.ROOT,
          " written (%,d found) in %.1f s", result.words().size(),
          (System.nanoTime() - t0) / 1e9));
    }
    return 0;
  }
}
