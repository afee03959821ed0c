package dev.ciku.spark;

import dev.ciku.cli.CikuException;
import dev.ciku.cli.DiscoveryOptions;
import dev.ciku.cli.ExplainArguments;
import dev.ciku.cli.InputChecks;
import dev.ciku.cli.Log;
import dev.ciku.cli.OutputOptions;
import dev.ciku.cli.TermOptions;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.discover.DiscoverOptions;
import dev.ciku.discover.WordDiscoverer;
import dev.ciku.domain.DomainTermMiner;
import dev.ciku.domain.DomainTermRows;
import dev.ciku.domain.ReferenceProfile;
import dev.ciku.domain.TermFilter;
import dev.ciku.domain.TermOccurrences;
import dev.ciku.io.TempFiles;
import dev.ciku.output.Numbers;
import dev.ciku.output.Output;
import dev.ciku.output.OutputFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaRDD;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ciku-spark domain}: parses, runs {@link SparkDiscoverer} and core's {@code
 * DomainTermMiner} (occurrences counted on the cluster) and writes the term list on the driver.
 */
@Command(name = "domain", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Domain terms, as 'ciku domain' finds them: discovery (counting and the cut"
        + " pass) runs on the cluster; filtering, the reference look-up and scoring on the"
        + " driver.",
        "The reference is a profile file on the driver (built by 'ciku domain --build-profile')"
            + " or, by default, ciku's bundled general-Chinese profile."})
final class DomainJob implements Callable<Integer> {
  @Mixin JobInputs input;

  @Mixin DiscoveryOptions discovery;

  @Option(names = "--reference", paramLabel = "PROFILE",
      description = "Reference profile on the driver (default: the bundled one).")
  Path reference;

  @Option(names = "--rank", paramLabel = "SCORE", defaultValue = "combined",
      description = "combined (default), gated-g2, share, g2, weirdness, cvalue or count.")
  String rank;

  @Mixin TermOptions terms;

  @Option(names = "--no-filter",
      description = "Keep stopwords, generic heads (the bundled dict/domain-stopwords.txt and"
          + " dict/domain-generic-heads.txt) and terms holding a digit: no bundled filter at all;"
          + " --stopwords and --generic-heads still apply.")
  boolean noFilter;

  @Option(names = "--stopwords", paramLabel = "FILE",
      description = "More patterns to drop (a local file), as 'ciku domain --stopwords'."
          + " Repeatable.")
  List<Path> stopwords = new ArrayList<>();

  @Option(names = "--generic-heads", paramLabel = "FILE",
      description = "More generic heads (a local file): a term equal to or ending with one is"
          + " dropped. Repeatable.")
  List<Path> heads = new ArrayList<>();

  @Option(names = "--top", paramLabel = "K", defaultValue = "0",
      description = "Print only the best K terms (0: all).")
  int top;

  // Split by ExplainArguments, not by picocli.
  @Option(names = "--explain", paramLabel = "WORD[,WORD...]",
      description = "Instead of the list, say for each WORD whether the list has it (with its"
          + " rank and scores) or which stage dropped it, on what figures, as 'ciku domain"
          + " --explain'. Repeatable, or comma-separated (, or \uFF0C).")
  List<String> explainArgs = new ArrayList<>();

  @Spec CommandSpec spec;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "tsv",
      description = "Output format: tsv (default) or jsonl (one JSON object a line).")
  String format;

  @Mixin Main.DriverOutput driver;

  @Override
  public Integer call() throws Exception {
    input.check();
    driver.check();
    OutputFormat f = OutputOptions.format(format, EnumSet.of(OutputFormat.TSV,
        OutputFormat.JSONL));
    OutputOptions.checkTop(top);
    List<String> explain = ExplainArguments.words(explainArgs, spec);
    DiscoverOptions options = discovery.toOptions(0);
    DomainTermMiner.Rank r = CikuException.usage(() -> DomainTermMiner.Rank.named(rank));
    terms.check();
    if (reference != null && (java.nio.file.Files.isDirectory(reference)
        || java.nio.file.Files.isRegularFile(reference)
        && !ReferenceProfile.isProfile(reference))) {
      // A corpus, as the CLI's --reference takes: here a profile only (its terms are looked up
      // on the driver).
      throw new CikuException(CikuException.USAGE, "--reference " + reference + " is not a"
          + " reference profile: on Spark the reference is a profile (build one with 'ciku domain"
          + " --build-profile CORPUS -o FILE'); a reference corpus is not supported");
    }
    // Checked with the corpus's local files once they are listed (JobInputs#lines).
    InputChecks checks = new InputChecks().file("--reference", reference)
        .files("--stopwords", stopwords).files("--generic-heads", heads)
        .output("-o", driver.rows.output);
    ReferenceProfile profile =
        reference == null ? ReferenceProfile.bundled() : ReferenceProfile.load(reference);
    TermFilter filter = noFilter ? TermFilter.none() : TermFilter.bundled();
    for (Path p : stopwords) {
      filter.addFile(p, false, Main::warn);
    }
    for (Path p : heads) {
      filter.addFile(p, true, Main::warn);
    }
    if (input.lowercase) {
      Main.warn(ReferenceProfile.LOWERCASE_WARNING);
    }
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    long t0 = System.nanoTime();
    boolean lc = input.lowercase;
    boolean simp = input.simplify;
    // The output is opened before the job: if it cannot be written, that is said at once.
    try (Output out = Output.open(driver.rows.output)) {
      Path storeFile = TempFiles.create(tmp, "ciku-spark-", ".ngrams");
      DomainTermMiner.Result result = Main.withSpark("ciku domain", sc -> {
        JavaRDD<String> text = input.lines(sc, checks);
        WordDiscoverer.Result found = new SparkDiscoverer(sc, options, input.lowercase,
            input.simplify, input.reducePartitions).withExplanations(explain)
            .discover(text, storeFile, false, driver.driverMemory, tmp, Main::warn, Main::info);
        String small = DomainTermMiner.smallCorpusWarning(found.positions());
        if (small != null) {
          Main.warn(small);
        }
        // The candidates' occurrences, counted per partition and summed (lines never span two).
        return new DomainTermMiner(new DomainTermMiner.Options(options, r, filter,
            terms.termEntropy(), terms.measureGlue()),
            ReaderOptions.DEFAULT, 1, driver.driverMemory, tmp).mine(found, terms -> profile,
            strings -> text.mapPartitions(
                it -> List.of(TermOccurrences.countLines(strings, it, lc, simp)).iterator())
                // Folded from no occurrences: an input without partitions (an empty
                // directory) gives empty counts, not an error.
                .fold(TermOccurrences.countLines(strings, java.util.Collections.emptyIterator(),
                    lc, simp), TermOccurrences::plus), Main::info);
      });
      if (result.domainPositions() == 0) {
        Main.warn(Log.noUnits("no terms"));
      }
      int written = DomainTermRows.write(result, top, f, !driver.rows.noHeader, out.writer());
      out.commit();
      if (!explain.isEmpty()) {
        return 0;
      }
      Main.info(Numbers.count(written, "term") + String.format(Locale.ROOT,
          " written (%,d scored) in %.1f s", result.terms().size(),
          (System.nanoTime() - t0) / 1e9));
    }
    return 0;
  }
}
