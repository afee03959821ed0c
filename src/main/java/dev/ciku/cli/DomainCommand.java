package dev.ciku.cli;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.LogNumbers;
import dev.ciku.corpus.Quantities;
import dev.ciku.corpus.Simplified;
import dev.ciku.corpus.Spool;
import dev.ciku.discover.DiscoverOptions;
import dev.ciku.discover.WordDiscoverer;
import dev.ciku.domain.DomainTermMiner;
import dev.ciku.domain.ReferenceProfile;
import dev.ciku.domain.ReferenceSources;
import dev.ciku.domain.TermFilter;
import dev.ciku.output.DomainTermRows;
import dev.ciku.output.Output;
import dev.ciku.output.OutputFormat;
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

/** {@code ciku domain}: domain terms by contrast with a general reference. */
@Command(name = "domain", sortOptions = false,
    description = {
        "List the terms of a domain corpus, best first: words discovered in INPUT (as 'ciku"
            + " discover' finds them before re-estimation and its glue tests, with"
            + " de-redundancy off), minus stopwords, generic heads and measure words glued to a"
            + " word (个油 of 这个油), contrasted with a reference corpus. Columns: domain and"
            + " reference counts, smoothed domain share, signed G2 keyness, weirdness, C-value,"
            + " character specificity, residual IDF and the ranking score (default: terms with"
            + " weirdness 20 or more first, by G2 x char_spec x sqrt(ridf), then the others by"
            + " G2, their score -1/(1+G2): negative; when the 20 terms with the highest G2 have a"
            + " median weirdness below 10, the gate falls to their lower quartile).",
        "The reference is ciku's bundled general-Chinese profile unless --reference is given.",
        "With --build-profile, INPUT is a reference corpus and -o receives a profile for"
            + " --reference (see dict/README.md). An option of one mode given in the other"
            + " (--profile-order without --build-profile, --top with it) is a usage error."})
final class DomainCommand implements Callable<Integer>, RowOptions.Formats {
  @Override
  public EnumSet<OutputFormat> formats() {
    return EnumSet.of(OutputFormat.TSV, OutputFormat.JSONL);
  }


  @Mixin InputOptions input;
  @Mixin FormatOptions text;

  @Spec CommandSpec spec;

  @Option(names = "--reference", paramLabel = "CORPUS|PROFILE",
      description = "Reference to contrast with: a profile file (from --build-profile; then the"
          + " only --reference) or a corpus (files, a directory, or - for standard input; repeatable;"
          + " the candidate terms are counted in it exactly)."
          + " Default: the bundled dict/" + "general-reference.profile.gz.")
  @PathArguments.Paths
  List<String> reference = new ArrayList<>();

  @Option(names = "--build-profile",
      description = "Build a reference profile from INPUT into -o FILE instead of mining terms.")
  boolean buildProfile;

  @Option(names = "--profile-order", paramLabel = "N", defaultValue = "4",
      description = "With --build-profile: longest n-gram kept, in units (default: ${DEFAULT-VALUE}).")
  int profileOrder;

  @Option(names = "--profile-min-count", paramLabel = "C", defaultValue = "10",
      description = "With --build-profile: smallest count kept (default: ${DEFAULT-VALUE}).")
  long profileMinCount;

  @Option(names = "--rank", paramLabel = "SCORE", defaultValue = "combined",
      description = "Ranking: combined (default), gated-g2, share, g2, weirdness, cvalue or"
          + " count.")
  String rank;

  @Mixin TermOptions terms;
  @Mixin TermFilterOptions termFilter;

  @Option(names = "--redundancy", paramLabel = "NATS", defaultValue = "0",
      description = "De-redundancy of the discovered candidates, as in 'ciku discover' (default:"
          + " ${DEFAULT-VALUE}, off: compound terms such as 环境影响评价 are kept whole).")
  double redundancy;

  @Mixin TopOption top = new TopOption(0, "Print only the best K terms (0: all).");

  @Mixin ExplainOption explain = new ExplainOption("Instead of the list, say for each WORD"
      + " whether the list has it (stage kept, with its rank and scores) or which stage dropped"
      + " it, on what figures: discovery's (input, count, cut, cohesion, entropy, redundancy: as"
      + " 'ciku discover --explain' says them), then filter (the stopword, head or number that"
      + " matched), term-entropy, measure (--measure-glue), top (ranked beyond --top)."
      + " Repeatable, or comma-separated (, or \uFF0C).");

  @Mixin DiscoveryOptions discovery;
  @Mixin OutputOptions output;
  @Mixin MemoryOptions memory;
  @Mixin RunOptions run;

  @Override
  public Integer call() throws Exception {
    Log log = run.log();
    new InputChecks().corpus(input.inputs, true, input.binaryData())
        .files("--stopwords", termFilter.stopwords())
        .files("--generic-heads", termFilter.heads()).corpus("--reference", reference)
        .bundled(bundledData().toArray(String[]::new)).output("-o", output.path()).check();
    requireOptionsOfMode();
    return buildProfile ? build(log) : mine(log);
  }

  /**
   * The data files of ciku's dict/ that term mining reads as given: the profile, unless
   * --reference is given, the term filter's lists, unless --no-filter is, the measure words of
   * the measure-word glue while it is on, the t2s table (profiles and terms are compared in
   * simplified characters) and what discovery reads.
   */
  private List<String> bundledData() {
    List<String> names = new ArrayList<>();
    if (buildProfile) {
      return names;
    }
    if (reference.isEmpty()) {
      names.add(ReferenceProfile.BUNDLED);
    }
    if (!termFilter.noFilter()) {
      names.addAll(List.of(TermFilter.STOPWORDS, TermFilter.GENERIC_HEADS));
    }
    if (terms.measureGlue() < 1) {
      names.add(Quantities.MEASURE_WORDS_FILE);
    }
    names.add(Simplified.RESOURCE);
    for (String name : WordDiscoverer.bundledData(discovery.toOptions(redundancy))) {
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  /** The options that only --build-profile reads. */
  private static final List<String> PROFILE_OPTIONS =
      List.of("--profile-order", "--profile-min-count");

  /** The options and mixins that only term mining reads. */
  private static final List<String> MINING_OPTIONS = List.of("--reference", "--rank",
      "--term-entropy", "--measure-glue", "--explain", "--no-filter", "--stopwords",
      "--generic-heads", "--redundancy", "--top", "--format", "--no-header");

  /**
   * Refuses an option of one mode given in the other (it would be ignored): the profile options
   * without --build-profile, the mining options (and discovery's) with it.
   */
  private void requireOptionsOfMode() {
    List<OptionSpec> discoveryOptions = spec.mixins().get("discovery").options();
    for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
      String name = o.longestName();
      if (!buildProfile && PROFILE_OPTIONS.contains(name)) {
        throw new CikuException(CikuException.USAGE, name + " applies only with --build-profile");
      }
      if (buildProfile && (MINING_OPTIONS.contains(name) || discoveryOptions.contains(o))) {
        throw new CikuException(CikuException.USAGE, name + " applies to term mining, not to"
            + " --build-profile");
      }
    }
  }

  private int mine(Log log) throws Exception {
    OutputFormat format = output.format(this);
    int k = top.value();
    List<String> words = explain.words();
    DomainTermMiner.Rank r = CikuException.usage(() -> DomainTermMiner.Rank.named(rank));
    DiscoverOptions discover = discovery.toOptions(redundancy);
    terms.check();
    // A profile loads in the background while the filter is read; a reference given by the user
    // must be checked (a profile loaded whole, corpora up to their first unit) before the domain
    // corpus is read.
    LatinCase latinCase = text.latinCase();
    try (Reference ref = reference(log, latinCase)) {
      DomainTermMiner.ReferenceSource source = ref.source();
      // The bundled profile kept the case of its corpus: it is folded as it loads unless the
      // domain corpus keeps case too, so it never needs a warning.
      TermFilter filter = termFilter.filter(latinCase.folds(), log::warn);
      if (!reference.isEmpty()) {
        ReferenceSources.check(source);
        String caseWarning = ReferenceSources.caseWarning(source, latinCase,
            referenceName());
        if (caseWarning != null) {
          log.warn(caseWarning);
        }
      }
      List<CorpusInput> corpus = input.corpus(log);
      // The output is opened first: a -o that cannot be written fails before the work.
      try (Output out = output.open()) {
        DomainTermMiner.Result result;
        ByteCounter bytes = new ByteCounter();
        try (Spool spool = Spool.of(corpus, memory.tempDir());
            Progress p = Progress.start(run.progress(), System.err, "domain", bytes::get,
                InputOptions.totalSize(spool.inputs()), 3)) {
          result = new DomainTermMiner(new DomainTermMiner.Options(discover, r, filter,
              terms.termEntropy(), terms.measureGlue()),
              text.readerOptions(input), run.threads(), memory.bytes(), memory.tempDir())
              .withExplanations(text.readerOptions(input).normalizeWords(words))
              .mine(spool.inputs(), source, bytes, log::warn, log::info);
        }
        log.warnIfNoUnits(result.domainPositions(), "no terms");
        int written = DomainTermRows.write(result, k, format, output.header(), out.writer());
        out.commit();
        if (!words.isEmpty()) {
          return 0;
        }
        log.info(LogNumbers.count(written, "term") + String.format(Locale.ROOT,
            " written (%,d scored)", result.terms().size()));
      }
    }
    return 0;
  }

  /**
   * The reference to contrast with and the copies made of it: stream references (a pipe,
   * {@code <(zcat x.profile.gz)}) are copied to --temp-dir, and deleted by {@link #close}.
   */
  private record Reference(DomainTermMiner.ReferenceSource source, Spool copies)
      implements AutoCloseable {
    @Override
    public void close() throws IOException {
      if (copies != null) {
        copies.close();
      }
    }
  }

  /** How the user gave --reference, for messages: standard input named as the readers name it. */
  private String referenceName() {
    return String.join(",", reference.stream().map(r -> r.equals("-") ? "<stdin>" : r).toList());
  }

  /** The reference of --reference, or the bundled profile, for a corpus read with latinCase. */
  private Reference reference(Log log, LatinCase latinCase) throws Exception {
    if (reference.isEmpty()) {
      return new Reference(ReferenceSources.bundled(latinCase), null);
    }
    for (String s : reference) {
      if (!s.equals("-") && !Files.exists(Path.of(s))) {
        throw new CikuException(CikuException.NO_INPUT, "cannot open reference " + s
            + ": no such file or directory");
      }
    }
    // A reference read once (a pipe) is copied first, so that it can be looked at and read. The
    // warnings about its files wait until it is known to be usable: a usage error is one line.
    List<String> warnings = new ArrayList<>();
    Spool copies = Spool.of(CorpusInput.expand(reference, input.binaryData(), log::info,
        warnings::add), memory.tempDir());
    try {
      Reference r = new Reference(CikuException.usage(() -> ReferenceSources.of(copies.inputs(),
          referenceName(), text.readerOptions(input), log::warn)), copies);
      warnings.forEach(log::warn);
      return r;
    } catch (RuntimeException | Error e) {
      try {
        copies.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }


  private int build(Log log) throws Exception {
    if (output.path() == null) {
      throw new CikuException(CikuException.USAGE, "--build-profile needs -o FILE");
    }
    if (profileOrder < 1 || profileOrder > 6) {
      throw new CikuException(CikuException.USAGE, "--profile-order must be between 1 and 6");
    }
    if (profileMinCount < 1) {
      throw new CikuException(CikuException.USAGE, "--profile-min-count must be 1 or more");
    }
    List<CorpusInput> corpus = input.corpus(log);
    String source = input.inputs.isEmpty() ? "stdin"
        : input.inputs.stream().map(s -> Path.of(s).getFileName().toString())
            .reduce((a, b) -> a + "," + b).orElse("");
    // The output is opened first: a -o that cannot be written fails before the work.
    try (Output out = output.open()) {
      ByteCounter bytes = new ByteCounter();
      ReferenceProfile.Built profile;
      try (Progress p = Progress.start(run.progress(), System.err, "profile", bytes::get,
          InputOptions.totalSize(corpus))) {
        profile = ReferenceProfile.build(corpus, text.readerOptions(input), profileOrder,
            profileMinCount, source, run.threads(), memory.bytes(), memory.tempDir(), bytes,
            log::warn, out.stream());
      }
      out.commit();
      log.info(profile.describe());
      log.info(String.format(Locale.ROOT, "profile written to %s (%,d bytes)", output.path(),
          out.bytes()));
    }
    return 0;
  }
}
