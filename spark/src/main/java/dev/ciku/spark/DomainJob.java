package dev.ciku.spark;

import dev.ciku.cli.CikuException;
import dev.ciku.cli.DiscoveryOptions;
import dev.ciku.cli.InputChecks;
import dev.ciku.cli.Log;
import dev.ciku.cli.TermOptions;
import dev.ciku.corpus.LogNumbers;
import dev.ciku.discover.DiscoverOptions;
import dev.ciku.domain.DomainTermMiner;
import dev.ciku.domain.ReferenceProfile;
import dev.ciku.domain.TermFilter;
import dev.ciku.output.DomainTermRows;
import dev.ciku.output.Output;
import dev.ciku.output.OutputFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ciku-spark domain}: parses, runs {@link SparkDomainMiner} (discovery and the
 * occurrences counted on the cluster, the rest on the driver) and writes the term list on the
 * driver.
 */
@Command(name = "domain", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Domain terms, as 'ciku domain' finds them: discovery (counting and the cut"
        + " pass) runs on the cluster; filtering, the reference look-up and scoring on the"
        + " driver.",
        "The reference is a profile file on the driver (built by 'ciku domain --build-profile')"
            + " or, by default, ciku's bundled general-Chinese profile."})
final class DomainJob implements Callable<Integer>, JobHelp {
  private static final EnumSet<OutputFormat> FORMATS =
      EnumSet.of(OutputFormat.TSV, OutputFormat.JSONL);

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

  @Mixin TopOption top;

  @Mixin ExplainOption explain;

  @Mixin RowsOutput out;

  @Mixin DriverOptions driver;

  /** Nanosecond clock of the times the job reports. */
  private final LongSupplier clock;

  DomainJob() {
    this(System::nanoTime);
  }

  DomainJob(LongSupplier clock) {
    this.clock = clock;
  }

  @Override
  public Map<String, String> optionHelp() {
    return Map.of("format", "Output format: tsv (default) or jsonl (one JSON object a line).",
        "top", "Print only the best K terms (0: all).",
        "explain", "Instead of the list, say for each WORD whether the list has it (with its"
            + " rank and scores) or which stage dropped it, on what figures, as 'ciku domain"
            + " --explain'. Repeatable, or comma-separated (, or \uFF0C).");
  }

  @Override
  public Integer call() throws Exception {
    input.check();
    JobBudgets budgets = driver.budgets();
    OutputFormat f = out.rows.format(FORMATS);
    int k = top.top();
    List<String> words = explain.words();
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
        .output("-o", out.output);
    ReferenceProfile profile =
        reference == null ? ReferenceProfile.bundled() : ReferenceProfile.load(reference);
    TermFilter filter = SparkDomainMiner.filter(!noFilter, stopwords, heads, Main::warn);
    if (input.lowercase()) {
      Main.warn(ReferenceProfile.LOWERCASE_WARNING);
    }
    DomainTermMiner.Options mining = new DomainTermMiner.Options(options, r, filter,
        terms.termEntropy(), terms.measureGlue());
    Path tmp = driver.tempDir();
    long t0 = clock.getAsLong();
    // The output is opened before the job: if it cannot be written, that is said at once.
    try (Output o = Output.open(out.output)) {
      DomainTermMiner.Result result = Main.withSpark("ciku domain", sc -> {
        SparkDomainMiner miner = new SparkDomainMiner(sc, mining, profile, input.lowercase(),
            input.simplify(), input.reducePartitions(), budgets, tmp).withExplanations(words)
            .withClock(clock);
        return miner.mine(input.lines(sc, checks), Main::warn, Main::info);
      });
      if (result.domainPositions() == 0) {
        Main.warn(Log.noUnits("no terms"));
      }
      int written = DomainTermRows.write(result, k, f, out.rows.header(), o.writer());
      o.commit();
      if (!words.isEmpty()) {
        return 0;
      }
      Main.info(LogNumbers.count(written, "term") + String.format(Locale.ROOT,
          " written (%,d scored) in %.1f s", result.terms().size(),
          (clock.getAsLong() - t0) / 1e9));
    }
    return 0;
  }
}
