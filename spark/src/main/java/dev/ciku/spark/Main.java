package dev.ciku.spark;

import dev.ciku.count.CountSummary;
import dev.ciku.count.GramRows;
import dev.ciku.count.GramSink;
import dev.ciku.count.RankedGrams;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.UnitTable;
import dev.ciku.cli.CikuException;
import dev.ciku.cli.DiscoveryOptions;
import dev.ciku.cli.InputOptions;
import dev.ciku.cli.ReestimationOptions;
import dev.ciku.discover.DiscoverOptions;
import dev.ciku.domain.DomainTermMiner;
import dev.ciku.domain.DomainTermRows;
import dev.ciku.domain.ReferenceProfile;
import dev.ciku.domain.TermFilter;
import dev.ciku.domain.TermOccurrences;
import dev.ciku.discover.DiscoveredWordRows;
import dev.ciku.discover.WordDiscoverer;
import dev.ciku.discover.WordFilter;
import dev.ciku.output.Numbers;
import dev.ciku.output.Output;
import dev.ciku.output.OutputFormat;
import dev.ciku.output.RowWriter;
import dev.ciku.output.TempFiles;
import dev.ciku.store.Normalization;
import dev.ciku.store.StoreWriter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spark-submit --class dev.ciku.spark.Main ciku-spark-0.1.0-job.jar count|discover ...}.
 * The master comes from spark-submit (or {@code -Dspark.master=local[2]} when run with
 * {@code java}). Inputs are any paths Hadoop reads (hdfs://, s3a://, file:, globs, .gz); outputs
 * are written by the driver to its local file system.
 */
@Command(name = "ciku-spark", mixinStandardHelpOptions = true, version = "ciku-spark 0.1.0",
    description = "ciku's count, discover and domain as Spark jobs.",
    subcommands = {Main.Count.class, Main.Discover.class, Main.Domain.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The jobs' command line, with the error handling of {@code ciku} ({@link
   * dev.ciku.cli.Main#handleErrors}): one line on standard error and the exit code of the error's
   * kind; an input path Hadoop cannot find is a missing input (66).
   */
  static CommandLine commandLine() {
    CommandLine cl = dev.ciku.cli.Main.handleErrors(new CommandLine(new Main()));
    CommandLine.IExecutionExceptionHandler core = cl.getExecutionExceptionHandler();
    cl.setExecutionExceptionHandler(
        (ex, line, parsed) -> core.handleExecutionException(missingInput(ex), line, parsed));
    return cl;
  }

  /**
   * {@code e}, or a missing-input error carrying its message if Hadoop's "input path does not
   * exist" is among its causes (matched by name: the Hadoop classes come with Spark).
   */
  static Exception missingInput(Exception e) {
    Throwable t = e;
    // A bounded walk: a cause chain may loop.
    for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
      if (t.getClass().getSimpleName().equals("InvalidInputException")) {
        String message = t.getMessage() == null ? "input path does not exist"
            : t.getMessage().replace('\n', ' ').trim();
        return new CikuException(CikuException.NO_INPUT, message);
      }
    }
    return e;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
  }

  /** Options shared by both jobs. */
  static class Common {
    @Parameters(arity = "1..*", paramLabel = "INPUT",
        description = "Plain text files, directories (walked in sorted order, skipping names"
            + " that start with '.', as ciku does) or globs on any Hadoop file system.")
    List<String> inputs;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
        description = "Input encoding: UTF-8 (default), GB18030, GBK, Big5, ... (any in which a"
            + " line break is the byte 0x0A and ASCII is ASCII; not UTF-16), or auto (detected"
            + " per file on the driver from its first 64 KB, as ciku's --encoding auto)."
            + " Malformed bytes are replaced by U+FFFD and reported.")
    String encoding;

    @Option(names = "--partitions", paramLabel = "P", defaultValue = "0",
        description = "Minimum input partitions (0: Spark's default; a .gz file is one partition"
            + " whatever P is).")
    int partitions;

    @Option(names = "--reduce-partitions", paramLabel = "R", defaultValue = "0",
        description = "Reduce partitions (0: as many as input partitions).")
    int reducePartitions;

    @Option(names = "--lowercase", description = "Lower-case Latin letters (as the CLI's).")
    boolean lowercase;

    @Option(names = "--simplify",
        description = "Fold traditional Han characters to simplified ones (as the CLI's).")
    boolean simplify;

    /** Refuses negative partition counts (usage), as the CLI refuses negative settings. */
    void checkCommon() {
      try {
        dev.ciku.corpus.Params.atLeast("--partitions", partitions, 0);
        dev.ciku.corpus.Params.atLeast("--reduce-partitions", reducePartitions, 0);
      } catch (IllegalArgumentException e) {
        throw new CikuException(CikuException.USAGE, e.getMessage());
      }
      if (!detectEncoding() && !Inputs.splitsAtLineFeeds(charset())) {
        throw new CikuException(CikuException.USAGE, "--encoding " + encoding + ": Hadoop cannot"
            + " split " + charset().name() + " text into lines; convert the input to UTF-8"
            + " (iconv -f " + charset().name() + " -t UTF-8)");
      }
    }

    private boolean detectEncoding() {
      return InputOptions.isAuto(encoding);
    }

    /** The charset of {@code --encoding} (UTF-8 for auto); an unknown name is a usage error. */
    private Charset charset() {
      return InputOptions.charset(encoding);
    }

    /**
     * The inputs' lines, files taken in the CLI's order (see {@link Inputs}), each decoded from
     * {@code --encoding} (with auto, from the encoding detected in it).
     */
    JavaRDD<String> lines(JavaSparkContext sc) throws IOException {
      List<FileStatus> files = Inputs.expand(sc.hadoopConfiguration(), inputs,
          m -> info("warning: " + m));
      return Inputs.lines(sc, files, partitions > 0 ? partitions : sc.defaultMinPartitions(),
          charset(), detectEncoding() ? Inputs.detect(sc.hadoopConfiguration(), files) : null);
    }
  }

  /** Where the discover and domain jobs write their TSV, and the driver's memory budget. */
  static final class DriverOutput {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
        description = "Write the TSV to FILE on the driver instead of standard output.")
    Path output;

    @Option(names = "--no-header", description = "No header line.")
    boolean noHeader;

    @Option(names = "--driver-memory-budget", paramLabel = "BYTES", defaultValue = "1073741824",
        description = "Memory budget of the driver-side steps (default: 1 GiB).")
    long driverMemory;
  }

  /** Work that needs the Spark context. */
  @FunctionalInterface
  interface SparkWork<T> {
    T run(JavaSparkContext sc) throws Exception;
  }

  /**
   * Runs {@code work} in the active Spark session, or in a new one (master and settings from
   * spark-submit or {@code -Dspark.*} properties) that is stopped afterwards.
   */
  static <T> T withSpark(String name, SparkWork<T> work) throws Exception {
    boolean existed = SparkSession.getActiveSession().isDefined()
        || SparkSession.getDefaultSession().isDefined();
    SparkSession spark = SparkSession.builder().appName(name).getOrCreate();
    try {
      return work.run(JavaSparkContext.fromSparkContext(spark.sparkContext()));
    } finally {
      if (!existed) {
        spark.stop();
      }
    }
  }

  /** Refuses a negative --top (usage), as the CLI does. */
  static void checkTop(int top) {
    if (top < 0) {
      throw new CikuException(CikuException.USAGE, "--top must be 0 or more");
    }
  }

  /**
   * Refuses a store ({@code option}) that names standard output or error: a store is a
   * memory-mapped file (as {@code ciku count -o -}).
   */
  static void checkStoreFile(String option, Path store) {
    String stream = Output.standardStreamName(store);
    if (stream != null) {
      throw new CikuException(CikuException.USAGE, option + " " + store + " : a store is a file,"
          + " it cannot go to " + stream);
    }
  }

  static void info(String m) {
    System.err.println("ciku-spark: " + m);
  }

  @Command(name = "count", sortOptions = false, mixinStandardHelpOptions = true,
      description = "Exact n-gram counts: an n-gram store (-o) and/or TSV ngram<TAB>count (--tsv),"
          + " the same files 'ciku count' writes.")
  static final class Count extends Common implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = {"-n", "--order"}, paramLabel = "N", defaultValue = "6",
        description = "Longest n-gram, 1..6 (default: ${DEFAULT-VALUE}).")
    int order;

    @Option(names = "--min-count", paramLabel = "C", defaultValue = "2",
        description = "Drop grams seen fewer than C times (default: ${DEFAULT-VALUE}).")
    long minCount;

    @Option(names = {"-o", "--output"}, paramLabel = "STORE",
        description = "Write an n-gram store to STORE, a local path on the driver.")
    Path store;

    @Option(names = "--tsv", paramLabel = "FILE",
        description = "Write TSV to FILE on the driver ('-': standard output).")
    Path tsv;

    @Option(names = "--sort", paramLabel = "KEY", defaultValue = "count",
        description = "TSV order: count (descending; ranked on the driver in 64 MB buffers that"
            + " spill to java.io.tmpdir) or ngram.")
    String sort;

    @Option(names = "--top", paramLabel = "K", defaultValue = "0",
        description = "Print only the first K TSV rows (0: all).")
    int top;

    @Option(names = "--no-header", description = "No header line in TSV output.")
    boolean noHeader;

    @Option(names = "--table-slots", paramLabel = "S", defaultValue = "4194304",
        description = "Hash table slots per task, 24 bytes each (default: ${DEFAULT-VALUE}).")
    int tableSlots;

    @Override
    public Integer call() throws Exception {
      if (store == null && tsv == null) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "give -o STORE and/or --tsv FILE");
      }
      checkCommon();
      checkTop(top);
      checkStoreFile("-o", store);
      if (tsv == null) {
        for (String option : List.of("--top", "--sort", "--no-header")) {
          if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
            throw new CikuException(CikuException.USAGE, option + " applies to TSV rows (--tsv),"
                + " not to a store (-o)");
          }
        }
      }
      if (store != null && tsv != null && Output.sameDestination(store, tsv)) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "-o and --tsv both go to " + tsv + ": give them different files");
      }
      boolean byCount = switch (sort.toLowerCase(Locale.ROOT)) {
        case "count" -> true;
        case "ngram" -> false;
        default -> throw new CommandLine.ParameterException(spec.commandLine(),
            "--sort must be count or ngram");
      };
      SparkNgramCounter.Settings st;
      try {
        st = new SparkNgramCounter.Settings(order, minCount, lowercase, simplify,
            reducePartitions, tableSlots, 256L << 20);
      } catch (IllegalArgumentException e) {
        throw new CikuException(CikuException.USAGE, e.getMessage());
      }
      long t0 = System.nanoTime();
      UnitTable units = new UnitTable();
      // The outputs are opened before the job: one that cannot be written fails at once.
      StoreWriter writer = store == null ? null : new StoreWriter(store);
      TsvSink tsvOut;
      try {
        tsvOut = tsv == null ? null : new TsvSink(tsv, units, top, noHeader);
      } catch (IOException | RuntimeException e) {
        if (writer != null) {
          writer.close();
        }
        throw e;
      }
      withSpark("ciku count", sc -> {
        JavaRDD<String> lines = lines(sc);
        info(lines.getNumPartitions() + " input partition(s)");
        // Ranked on the driver in buffers of 64 MB that spill to java.io.tmpdir.
        RankedGrams ranked = tsv != null && byCount
            ? new RankedGrams(top, 64L << 20, Path.of(System.getProperty("java.io.tmpdir")))
            : null;
        TsvSink printer = byCount ? null : tsvOut;
        try {
          SparkNgramCounter counter = new SparkNgramCounter(sc, st).info(Main::info);
          CountSummary s = counter.count(lines, (hi, lo, c) -> {
            if (writer != null) {
              writer.accept(hi, lo, c);
            }
            if (ranked != null) {
              ranked.accept(hi, lo, c);
            }
            if (printer != null) {
              printer.accept(hi, lo, c);
            }
          }, units);
          if (writer != null) {
            writer.finish(s, new Normalization(lowercase, simplify));
            info(String.format(Locale.ROOT, "wrote %,d grams of 1..%d units (min count %d) to %s",
                writer.entries(), s.order(), s.minCount(), store));
          }
          if (ranked != null) {
            ranked.drain(tsvOut);
          }
          if (tsvOut != null) {
            tsvOut.commit();
          }
        } finally {
          if (writer != null) {
            writer.close();
          }
          if (tsvOut != null) {
            tsvOut.close();
          }
          if (ranked != null) {
            ranked.close();
          }
        }
        return null;
      });
      info(String.format(Locale.ROOT, "done in %.1f s", (System.nanoTime() - t0) / 1e9));
      return 0;
    }
  }

  /** TSV {@code ngram<TAB>count}, as {@code ciku count} prints it. */
  static final class TsvSink implements GramSink, AutoCloseable {
    private final Output out;
    private final RowWriter rows;
    private final GramRows grams;

    TsvSink(Path file, UnitTable units, int top, boolean noHeader) throws IOException {
      this.out = Output.open(file);
      this.rows = new RowWriter(out.writer(), OutputFormat.TSV, GramRows.COLUMNS, !noHeader);
      this.grams = new GramRows(rows, units, top);
    }

    @Override
    public void accept(long hi, long lo, long count) {
      grams.accept(hi, lo, count);
    }

    void commit() throws IOException {
      rows.finish();
      out.commit();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  @Command(name = "discover", sortOptions = false, mixinStandardHelpOptions = true,
      description = "New words, as 'ciku discover' finds them: counting and the cut pass run on"
          + " the cluster, scoring on the driver.")
  static final class Discover extends Common implements Callable<Integer> {
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

    @Mixin DriverOutput driver;

    @Option(names = "--counts-out", paramLabel = "STORE",
        description = "Keep the n-gram store counted on the way (order N, min count 2).")
    Path countsOut;

    @Override
    public Integer call() throws Exception {
      checkCommon();
      checkTop(top);
      checkStoreFile("--counts-out", countsOut);
      if (countsOut != null && Output.sameDestination(countsOut, driver.output)) {
        throw new CikuException(CikuException.USAGE, "--counts-out and -o both go to "
            + countsOut + ": give them different files");
      }
      DiscoverOptions options = reestimation.applyTo(discovery.toOptions(redundancy));
      WordFilter filter = WordFilter.create(known, false, lowercase);
      Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
      long t0 = System.nanoTime();
      // The output is opened before the job: if it cannot be written, that is said at once.
      try (Output out = Output.open(driver.output)) {
        Path storeFile = countsOut != null ? countsOut
            : TempFiles.create(tmp, "ciku-spark-", ".ngrams");
        WordDiscoverer.Result result = withSpark("ciku discover",
            sc -> new SparkDiscoverer(sc, options, lowercase, simplify, reducePartitions)
                .discover(lines(sc), storeFile, countsOut != null, driver.driverMemory, tmp,
                    Main::info));
        RowWriter rows = new RowWriter(out.writer(), OutputFormat.TSV, DiscoveredWordRows.COLUMNS,
            !driver.noHeader);
        int written = DiscoveredWordRows.write(result.words(), filter, top, rows, out.writer());
        out.commit();
        info(Numbers.count(written, "word") + String.format(Locale.ROOT,
            " written (%,d found) in %.1f s", result.words().size(),
            (System.nanoTime() - t0) / 1e9));
      }
      return 0;
    }
  }

  @Command(name = "domain", sortOptions = false, mixinStandardHelpOptions = true,
      description = {"Domain terms, as 'ciku domain' finds them: discovery (counting and the cut"
          + " pass) runs on the cluster; filtering, the reference look-up and scoring on the"
          + " driver.",
          "The reference is a profile file on the driver (built by 'ciku domain --build-profile')"
              + " or, by default, ciku's bundled general-Chinese profile."})
  static final class Domain extends Common implements Callable<Integer> {
    @Mixin DiscoveryOptions discovery;

    @Option(names = "--reference", paramLabel = "PROFILE",
        description = "Reference profile on the driver (default: the bundled one).")
    Path reference;

    @Option(names = "--rank", paramLabel = "SCORE", defaultValue = "combined",
        description = "combined (default), gated-g2, share, g2, weirdness, cvalue or count.")
    String rank;

    /** The ranking named {@code name} (a usage error for any other name). */
    static DomainTermMiner.Rank rank(String name) {
      for (DomainTermMiner.Rank r : DomainTermMiner.Rank.values()) {
        if (r.name().equalsIgnoreCase(name.replace('-', '_'))) {
          return r;
        }
      }
      throw new CikuException(CikuException.USAGE, "--rank must be combined, gated-g2, share,"
          + " g2, weirdness, cvalue or count, not '" + name + "'");
    }

    @Option(names = "--no-filter", description = "Keep stopwords and generic heads.")
    boolean noFilter;

    @Option(names = "--top", paramLabel = "K", defaultValue = "0",
        description = "Print only the best K terms (0: all).")
    int top;

    @Mixin DriverOutput driver;

    @Override
    public Integer call() throws Exception {
      checkCommon();
      checkTop(top);
      DiscoverOptions options = discovery.toOptions(0);
      DomainTermMiner.Rank r = rank(rank);
      ReferenceProfile profile =
          reference == null ? ReferenceProfile.bundled() : ReferenceProfile.load(reference);
      TermFilter filter = noFilter ? TermFilter.none() : TermFilter.bundled();
      Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
      long t0 = System.nanoTime();
      boolean lc = lowercase;
      boolean simp = simplify;
      // The output is opened before the job: if it cannot be written, that is said at once.
      try (Output out = Output.open(driver.output)) {
        Path storeFile = TempFiles.create(tmp, "ciku-spark-", ".ngrams");
        DomainTermMiner.Result result = withSpark("ciku domain", sc -> {
          JavaRDD<String> text = lines(sc);
          WordDiscoverer.Result found = new SparkDiscoverer(sc, options, lowercase, simplify,
              reducePartitions).discover(text, storeFile, false, driver.driverMemory, tmp,
                  Main::info);
          // The candidates' occurrences, counted per partition and summed (lines never span two).
          return new DomainTermMiner(new DomainTermMiner.Options(options, r, filter),
              ReaderOptions.DEFAULT, 1, driver.driverMemory, tmp).mine(found, terms -> profile,
              strings -> text.mapPartitions(
                  it -> List.of(TermOccurrences.countLines(strings, it, lc, simp)).iterator())
                  // Folded from no occurrences: an input without partitions (an empty
                  // directory) gives empty counts, not an error.
                  .fold(TermOccurrences.countLines(strings, java.util.Collections.emptyIterator(),
                      lc, simp), TermOccurrences::plus), Main::info);
        });
        RowWriter rows = new RowWriter(out.writer(), OutputFormat.TSV, DomainTermRows.COLUMNS,
            !driver.noHeader);
        int written = DomainTermRows.write(rows, result.terms(), top);
        out.commit();
        info(Numbers.count(written, "term") + String.format(Locale.ROOT,
            " written (%,d scored) in %.1f s", result.terms().size(),
            (System.nanoTime() - t0) / 1e9));
      }
      return 0;
    }
  }
}
