package dev.ciku.spark;

import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.Params;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.discover.WordDiscoverer;
import dev.ciku.domain.DomainTermMiner;
import dev.ciku.domain.ReferenceProfile;
import dev.ciku.domain.TermOccurrences;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Domain terms on Spark, as {@code ciku domain} finds them against a reference profile: discovery
 * runs as {@link SparkDiscoverer} runs it (counting and the cut pass on the cluster), then core's
 * {@link DomainTermMiner} filters, looks the candidates up in the profile and scores them on the
 * driver, with the candidates' occurrences counted on the cluster ({@link #occurrences}: every
 * partition counts them in its lines, which never span two partitions, and the parts are summed).
 *
 * <p>Cost: discovery's (see {@link SparkDiscoverer}), its counts kept in a temporary store in
 * {@code tempDir} until discovery is done; one more read of the input for the occurrences (a
 * task holds the candidates and three counts each); on the driver, the profile, the candidates
 * and their occurrences and scores.
 *
 * <p>Thread-safety: immutable (each {@code with...} method returns another); calls, also on
 * several driver threads at once, share only the {@link JavaSparkContext} and the profile (read
 * only).
 */
public final class SparkDomainMiner {
  private final JavaSparkContext sc;
  private final DomainTermMiner.Options options;
  private final ReferenceProfile profile;
  private final LatinCase latinCase;
  private final boolean simplify;
  private final int reducePartitions;
  private final JobBudgets budgets;
  private final Path tempDir;
  /** The strings to explain ({@link #withExplanations}); none by default. */
  private final List<String> explain;
  /** Nanosecond clock of the progress lines' times ({@link #withClock}). */
  private final LongSupplier clock;

  /**
   * A miner with no strings to explain, timed by {@link System#nanoTime}.
   *
   * @param options discovery's settings, the ranking, the term filter and the domain stages'
   * @param profile the reference the candidates are looked up in
   * @param latinCase how Latin letters are compared and written (the CLI's default,
   *     {@code --lowercase} or {@code --keep-case})
   * @param simplify fold traditional Han characters to simplified (the CLI's {@code --simplify})
   * @param reducePartitions reduce partitions of discovery (0: as many as the input's)
   * @param budgets the driver's budget (discovery's and the miner's steps) and the tasks'
   * @param tempDir where the driver's temporary files go (the counts, discovery's spills)
   */
  public SparkDomainMiner(JavaSparkContext sc, DomainTermMiner.Options options,
      ReferenceProfile profile, LatinCase latinCase, boolean simplify, int reducePartitions,
      JobBudgets budgets, Path tempDir) {
    this(Objects.requireNonNull(sc, "sc"), Objects.requireNonNull(options, "options"),
        Objects.requireNonNull(profile, "profile"), latinCase, simplify,
        (int) Params.atLeast("--reduce-partitions", reducePartitions, 0),
        Objects.requireNonNull(budgets, "budgets"), Objects.requireNonNull(tempDir, "tempDir"),
        List.of(), System::nanoTime);
  }

  private SparkDomainMiner(JavaSparkContext sc, DomainTermMiner.Options options,
      ReferenceProfile profile, LatinCase latinCase, boolean simplify, int reducePartitions,
      JobBudgets budgets, Path tempDir, List<String> explain, LongSupplier clock) {
    this.sc = sc;
    this.options = options;
    this.profile = profile;
    this.latinCase = latinCase;
    this.simplify = simplify;
    this.reducePartitions = reducePartitions;
    this.budgets = budgets;
    this.tempDir = tempDir;
    this.explain = explain;
    this.clock = clock;
  }

  /**
   * A miner like this one whose result also explains what the run did with each of these
   * strings, as {@code ciku domain --explain}; this one is unchanged.
   */
  public SparkDomainMiner withExplanations(List<String> words) {
    return new SparkDomainMiner(sc, options, profile, latinCase, simplify, reducePartitions,
        budgets, tempDir, List.copyOf(words), clock);
  }

  /**
   * A miner like this one whose progress lines (discovery's and the driver's steps') time the
   * run by {@code nanoTime} instead of {@link System#nanoTime}; the terms do not depend on it.
   * This one is unchanged.
   */
  public SparkDomainMiner withClock(LongSupplier nanoTime) {
    return new SparkDomainMiner(sc, options, profile, latinCase, simplify, reducePartitions,
        budgets, tempDir, explain, Objects.requireNonNull(nanoTime, "nanoTime"));
  }

  /**
   * Mines the terms of {@code lines}.
   *
   * @param warnings what the user should know about the data (a corpus too small for a domain
   *     list or of one line, among discovery's warnings)
   * @param info progress lines
   */
  public DomainTermMiner.Result mine(JavaRDD<String> lines, Consumer<String> warnings,
      Consumer<String> info) throws IOException {
    return mine(InputText.of(lines), warnings, info);
  }

  /**
   * As {@link #mine(JavaRDD, Consumer, Consumer)}, on {@code text}'s lines, whose first pass is
   * discovery's count's scan ({@link InputText#firstPassDone}).
   */
  DomainTermMiner.Result mine(InputText text, Consumer<String> warnings, Consumer<String> info)
      throws IOException {
    JavaRDD<String> lines = text.lines();
    WordDiscoverer.Result found = new SparkDiscoverer(sc, options.discover(), latinCase,
        simplify, reducePartitions).withTaskMemory(budgets.taskRuns())
        .withExplanations(explain).withClock(clock)
        .discover(text, (Path) null, budgets.driver(), tempDir, warnings, info);
    String small = DomainTermMiner.smallCorpusWarning(found.positions());
    if (small != null) {
      warnings.accept(small);
    }
    LatinCase lc = latinCase;
    boolean simp = simplify;
    long[] documents = {0};
    DomainTermMiner.Result result = new DomainTermMiner(options, ReaderOptions.DEFAULT, 1,
        budgets.driver(), tempDir).withClock(clock).mine(found, terms -> profile, strings -> {
          TermOccurrences occ = occurrences(lines, strings, lc, simp);
          documents[0] = occ.documents();
          return occ;
        }, info);
    String oneLine = DomainTermMiner.oneLineWarning(found.positions(), documents[0],
        options.rank());
    if (oneLine != null) {
      warnings.accept(oneLine);
    }
    return result;
  }

  /**
   * The occurrences of {@code strings} in {@code lines}, counted per partition and summed
   * (lines never span two partitions). Folded from no occurrences: an input without partitions
   * (an empty directory) gives empty counts, not an error.
   */
  static TermOccurrences occurrences(JavaRDD<String> lines, String[] strings,
      LatinCase latinCase, boolean simplify) {
    return lines.mapPartitions(
            it -> List.of(TermOccurrences.countLines(strings, it, latinCase, simplify)).iterator())
        .fold(TermOccurrences.countLines(strings, Collections.emptyIterator(), latinCase,
            simplify), TermOccurrences::plus);
  }
}
