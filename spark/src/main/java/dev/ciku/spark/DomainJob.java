package dev.ciku.spark;

import dev.ciku.cli.CikuException;
import dev.ciku.cli.DiscoveryOptions;
import dev.ciku.cli.ExplainOption;
import dev.ciku.cli.InputChecks;
import dev.ciku.cli.Log;
import dev.ciku.cli.OutputFileOption;
import dev.ciku.cli.RowOptions;
import dev.ciku.cli.TermFilterOptions;
import dev.ciku.cli.TermOptions;
import dev.ciku.cli.TopOption;
import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.LogNumbers;
import dev.ciku.discover.DiscoverOptions;
import dev.ciku.domain.DomainTermMiner;
import dev.ciku.domain.ReferenceProfile;
import dev.ciku.domain.TermFilter;
import dev.ciku.output.DomainTermRows;
import dev.ciku.output.Output;
import dev.ciku.output.OutputFormat;
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
final class DomainJob implements Callable<Integer>, RowOptions.Formats {
  @Mixin JobInputs input;
  @Mixin ReducePartitions reduce;

  @Mixin DiscoveryOptions discovery;

  // The job's own: its --reference is a profile only ('ciku domain' also takes a corpus), and
  // 'ciku domain' declares its --rank itself (no mixin to share).
  @Option(names = "--reference", paramLabel = "PROFILE",
      description = "Reference profile on the driver (default: the bundled one).")
  Path reference;

  @Option(names = "--rank", paramLabel = "SCORE", defaultValue = "combined",
      description = "combined (default), gated-g2, share, g2, weirdness, cvalue or count.")
  String rank;

  @Mixin TermOptions terms;

  // 'ciku domain' declares its --redundancy itself (no mixin to share): its default, 0, is not
  // discover's.
  @Option(names = "--redundancy", paramLabel = "NATS", defaultValue = "0",
      description = "De-redundancy of the discovered candidates, as in 'ciku discover' (default:"
          + " ${DEFAULT-VALUE}, off: compound terms such as 环境影响评价 are kept whole).")
  double redundancy;

  // The files of --stopwords and --generic-heads are read on the driver: their texts say they
  // are local files.
  @Mixin TermFilterOptions termFilter = new TermFilterOptions("More patterns to drop (a local"
      + " file), as 'ciku domain --stopwords'. Repeatable.", "More generic heads (a local file):"
      + " a term equal to or ending with one is dropped. Repeatable.");

  @Mixin TopOption top = new TopOption(0, "Print only the best K terms (0: all).");

  @Mixin ExplainOption explain = new ExplainOption("Instead of the list, say for each WORD"
      + " whether the list has it (with its rank and scores) or which stage dropped it, on what"
      + " figures, as 'ciku domain --explain'. Repeatable, or comma-separated (, or \uFF0C).");

  @Mixin OutputFileOption out = new OutputFileOption(Main.OUTPUT_HELP);
  @Mixin RowOptions rows;

  @Mixin DriverOptions driver;

  /** The jobs' command, whose clock times the run (its progress lines). */
  @ParentCommand Main main;

  @Override
  public EnumSet<OutputFormat> formats() {
    return EnumSet.of(OutputFormat.TSV, OutputFormat.JSONL);
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
    DiscoverOptions options = discovery.toOptions(redundancy);
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
        .files("--stopwords", termFilter.stopwords())
        .files("--generic-heads", termFilter.heads()).output("-o", out.path());
    LatinCase latinCase = input.latinCase();
    // Folded as it loads unless the corpus keeps case, as the CLI's.
    ReferenceProfile profile = reference == null ? ReferenceProfile.bundled(latinCase)
        : ReferenceProfile.load(reference, latinCase);
    TermFilter filter = termFilter.filter(latinCase.folds(), Main::warn);
    // A lower-cased profile finds no term with a capital in a corpus that keeps case.
    String caseWarning = profile.caseWarning(latinCase,
        reference == null ? ReferenceProfile.BUNDLED : reference.toString());
    if (caseWarning != null) {
      Main.warn(caseWarning);
    }
    DomainTermMiner.Options mining = new DomainTermMiner.Options(options, r, filter,
        terms.termEntropy(), terms.measureGlue());
    Path tmp = driver.tempDir();
    long t0 = clock.getAsLong();
    // The output is opened before the job: if it cannot be written, that is said at once.
    try (Output o = out.open()) {
      DomainTermMiner.Result result = Main.withSpark("ciku domain", sc -> {
        SparkDomainMiner miner = new SparkDomainMiner(sc, mining, profile, latinCase,
            input.simplify(), reducePartitions, budgets, tmp).withExplanations(words)
            .withClock(clock);
        return miner.mine(input.lines(sc, checks), Main::warn, Main::info);
      });
      if (result.domainPositions() == 0) {
        Main.warn(Log.noUnits("no terms"));
      }
      int written = DomainTermRows.write(result, k, f, rows.header(), o.writer());
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
