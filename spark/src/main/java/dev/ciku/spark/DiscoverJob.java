package dev.ciku.spark;

import dev.ciku.cli.CikuException;
import dev.ciku.cli.DiscoveryOptions;
import dev.ciku.cli.InputChecks;
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
import dev.ciku.output.RowWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ciku-spark discover}: parses, runs {@link SparkDiscoverer} and writes the word list on
 * the driver.
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

  @Option(names = "--top", paramLabel = "K", defaultValue = "0",
      description = "Print only the best K words (0: all).")
  int top;

  @Mixin Main.DriverOutput driver;

  @Option(names = "--counts-out", paramLabel = "STORE",
      description = "Keep the n-gram store counted on the way (order N, min count 2).")
  Path countsOut;

  @Override
  public Integer call() throws Exception {
    input.check();
    driver.check();
    OutputOptions.checkTop(top);
    Main.checkStoreFile("--counts-out", countsOut);
    // Checked with the corpus's local files once they are listed (JobInputs#lines).
    InputChecks checks = new InputChecks().files("--known", known).output("-o", driver.output)
        .output("--counts-out", countsOut);
    if (countsOut != null && Output.sameDestination(countsOut, driver.output)) {
      throw new CikuException(CikuException.USAGE, "--counts-out and -o both go to "
          + countsOut + ": give them different files");
    }
    DiscoverOptions options = reestimation.applyTo(discovery.toOptions(redundancy));
    WordFilter filter = WordFilter.create(known, false, input.lowercase);
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    long t0 = System.nanoTime();
    // The output is opened before the job: if it cannot be written, that is said at once.
    try (Output out = Output.open(driver.output)) {
      Path storeFile = countsOut != null ? countsOut
          : TempFiles.create(tmp, "ciku-spark-", ".ngrams");
      WordDiscoverer.Result result = Main.withSpark("ciku discover",
          sc -> new SparkDiscoverer(sc, options, input.lowercase, input.simplify,
              input.reducePartitions)
              .discover(input.lines(sc, checks), storeFile, countsOut != null,
                  driver.driverMemory, tmp, Main::info));
      RowWriter rows = new RowWriter(out.writer(), OutputFormat.TSV, DiscoveredWordRows.COLUMNS,
          !driver.noHeader);
      int written = DiscoveredWordRows.write(result.words(), filter, top, rows, out.writer());
      out.commit();
      Main.info(Numbers.count(written, "word") + String.format(Locale.ROOT,
          " written (%,d found) in %.1f s", result.words().size(),
          (System.nanoTime() - t0) / 1e9));
    }
    return 0;
  }
}
