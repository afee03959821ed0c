package dev.ciku.spark;

import dev.ciku.cli.CikuException;
import dev.ciku.cli.DiscoveryOptions;
import dev.ciku.cli.ExplainOption;
import dev.ciku.cli.InputChecks;
import dev.ciku.cli.Log;
import dev.ciku.cli.OutputFileOption;
import dev.ciku.cli.ReestimationOptions;
import dev.ciku.cli.RowOptions;
import dev.ciku.cli.TopOption;
import dev.ciku.cli.WordListOptions;
import dev.ciku.corpus.LogNumbers;
import dev.ciku.discover.DiscoverOptions;
import dev.ciku.discover.WordDiscoverer;
import dev.ciku.discover.WordFilter;
import dev.ciku.output.DiscoveredWordRows;
import dev.ciku.output.Output;
import dev.ciku.output.OutputFormat;
import dev.ciku.store.NgramStore;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ciku-spark discover}: parses, runs {@link SparkDiscoverer} (counting and the cut pass,
 * or the cut pass alone on the counts of {@code --counts}) and writes the word list on the
 * driver.
 */
@Command(name = "discover", sortOptions = false, mixinStandardHelpOptions = true,
    description = "New words, as 'ciku discover' finds them: counting and the cut pass run on"
        + " the cluster, scoring on the driver.")
final class DiscoverJob implements Callable<Integer>, RowOptions.Formats {
  @Mixin JobInputs input;
  @Mixin ReducePartitions reduce;

  @Mixin DiscoveryOptions discovery;
  @Mixin ReestimationOptions reestimation;

  // The lexicons of --known are read on the driver: its text says they are local files.
  @Mixin WordListOptions list =
      new WordListOptions("Drop the words listed in LEXICON (a local file). Repeatable.");

  @Mixin TopOption top = new TopOption(0, "Print only the best K words (0: all).");

  @Mixin ExplainOption explain = new ExplainOption("Instead of the list, say for each WORD"
      + " whether the list has it or which stage dropped it, on what figures, as 'ciku discover"
      + " --explain'. Repeatable, or comma-separated (, or \uFF0C).");

  @Mixin OutputFileOption out = new OutputFileOption(Main.OUTPUT_HELP);
  @Mixin RowOptions rows;

  @Mixin DriverOptions driver;

  // The job's own: the CLI has no --counts-out ('ciku count -o' writes a store), and 'ciku
  // discover --counts' also runs without INPUT, where the job's needs the corpus for its cut pass.
  @Option(names = "--counts-out", paramLabel = "STORE",
      description = "Keep the n-gram store counted on the way (order N, min count 2).")
  Path countsOut;

  @Option(names = "--counts", paramLabel = "STORE",
      description = "Use the n-gram counts of STORE, a local file that 'ciku count -o' or"
          + " 'ciku-spark count -o' wrote from the same INPUT with the same --lowercase,"
          + " --keep-case and"
          + " --simplify: the cluster then runs only the cut pass (as 'ciku discover --counts"
          + " STORE INPUT').")
  Path counts;

  /** The jobs' command, whose clock times the run (its progress lines). */
  @ParentCommand Main main;

  @Override
  public EnumSet<OutputFormat> formats() {
    return EnumSet.of(OutputFormat.TSV, OutputFormat.JSONL, OutputFormat.DICT);
  }

  @Override
  public Integer call() throws Exception {
    LongSupplier clock = main.clock();
    input.check();
    int reducePartitions = reduce.value();
    JobBudgets budgets = driver.budgets();
    OutputFormat f = rows.format(this);
    int k = top.value();
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
    InputChecks checks = new InputChecks().files("--known", list.known())
        .store("--counts", counts).output("-o", out.path()).output("--counts-out", countsOut);
    if (countsOut != null && Output.sameDestination(countsOut, out.path())) {
      throw new CikuException(CikuException.USAGE, "--counts-out and -o both go to "
          + countsOut + ": give them different files");
    }
    if (countsOut != null) {
      // Written once the counting is done, but checked now, before any pass over the inputs.
      dev.ciku.io.OutputTarget.resolve(countsOut);
    }
    DiscoverOptions options = reestimation.applyTo(discovery.toOptions(list.redundancy()));
    WordFilter filter = list.filter(input.latinCase().folds(), Main::warn);
    Path tmp = driver.tempDir();
    long t0 = clock.getAsLong();
    // The store and the output are opened before the job: a store that cannot be read or was
    // counted otherwise, or an output that cannot be written, is said at once.
    try (NgramStore store = counts == null ? null : NgramStore.open(counts);
        Output o = out.open()) {
      if (store != null) {
        store.requireNormalization(input.normalization(), "");
      }
      WordDiscoverer.Result result = Main.withSpark("ciku discover", sc -> {
        SparkDiscoverer discoverer = new SparkDiscoverer(sc, options, input.latinCase(),
            input.simplify(), reducePartitions).withTaskMemory(budgets.taskRuns())
            .withExplanations(words).withClock(clock);
        InputText lines = input.lines(sc, checks);
        return store != null
            ? discoverer.discover(lines, store, budgets.driver(), tmp, Main::warn, Main::info)
            : discoverer.discover(lines, countsOut, budgets.driver(), tmp, Main::warn,
                Main::info);
      });
      if (result.positions() == 0) {
        Main.warn(Log.noUnits("no words"));
      }
      if (list.newOnly()) {
        String small = WordFilter.smallCorpusWarning(result.positions(), result.minCount());
        if (small != null) {
          Main.warn(small);
        }
      }
      int written = DiscoveredWordRows.write(result, filter, k, f, rows.header(), o.writer());
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
