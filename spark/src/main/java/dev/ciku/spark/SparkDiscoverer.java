package dev.ciku.spark;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.Params;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.count.CountSummary;
import dev.ciku.discover.DiscoverOptions;
import dev.ciku.discover.WordDiscoverer;
import dev.ciku.io.TempFiles;
import dev.ciku.store.NgramStore;
import dev.ciku.store.Normalization;
import dev.ciku.store.StoreWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * New-word discovery on Spark: the n-gram counts (order N, min count 2, as {@code ciku discover}
 * counts them) and the cut pass run distributed; G, candidates and boundary entropies are computed
 * on the driver by core's {@link WordDiscoverer}, from the store the count wrote. The result
 * equals {@code ciku discover --counts STORE CORPUS} and {@code ciku discover CORPUS}.
 *
 * <p>Cost: the input is read three times on the cluster (the count's two passes and the cut
 * pass; once with a store given), records' texts too ({@link InputText}). A task holds what
 * {@link SparkNgramCounter} and {@link SparkCutPass} say, with a table of 4 Mi slots (96 MB) and a run budget of {@link
 * #withTaskMemory} (256 MB by default: about 600 MB a counting task). The driver writes the store
 * (a local file, then mapped) and holds the whole discovery state, as {@code ciku discover
 * --counts} does: the index of single units and of the grams seen at least the min count, every
 * distinct fragment of the cut pass ({@link dev.ciku.discover.CutFragments}, 40-80 bytes a
 * fragment of up to 6 units), the candidates and their boundary entropies; {@code driverMemory}
 * bounds only the steps {@link WordDiscoverer} budgets (the other grams seen twice or more go to
 * temporary files in {@code tempDir}), so the driver's memory grows with the corpus's frequent
 * grams and distinct fragments.
 *
 * <p>Thread-safety: immutable (each {@code with...} method returns another); each call builds its
 * own counter and discoverer, so calls, also on several driver threads at once, share only the
 * {@link JavaSparkContext}.
 */
public final class SparkDiscoverer {
  /** Hash table slots of a counting task, as {@code ciku-spark count --table-slots}'s default. */
  private static final int TABLE_SLOTS = 1 << 22;
  private final JavaSparkContext sc;
  private final DiscoverOptions options;
  private final LatinCase latinCase;
  private final boolean simplify;
  private final int reducePartitions;
  /** A task's budget of sorted runs and spooled blocks, counting and cutting. */
  private final long taskMemory;
  /** The strings to explain ({@link #withExplanations}); none by default. */
  private final List<String> explain;
  /** Nanosecond clock of the progress lines' times ({@link #withClock}). */
  private final LongSupplier clock;

  /**
   * A discoverer with a task budget of 256 MB ({@link JobBudgets#DEFAULT}), no strings to
   * explain, timed by {@link System#nanoTime}.
   *
   * @param latinCase how Latin letters are compared and written (the CLI's default,
   *     {@code --lowercase} or {@code --keep-case})
   * @param simplify fold traditional Han characters to simplified (the CLI's {@code --simplify})
   * @param reducePartitions reduce partitions of the count and the cut pass (0: as many as the
   *     input's)
   */
  public SparkDiscoverer(JavaSparkContext sc, DiscoverOptions options, LatinCase latinCase,
      boolean simplify, int reducePartitions) {
    this(Objects.requireNonNull(sc, "sc"), Objects.requireNonNull(options, "options"),
        latinCase, simplify, (int) Params.atLeast("--reduce-partitions", reducePartitions, 0),
        JobBudgets.DEFAULT.taskRuns(), List.of(), System::nanoTime);
  }

  private SparkDiscoverer(JavaSparkContext sc, DiscoverOptions options, LatinCase latinCase,
      boolean simplify, int reducePartitions, long taskMemory, List<String> explain,
      LongSupplier clock) {
    this.sc = sc;
    this.options = options;
    this.latinCase = latinCase;
    this.simplify = simplify;
    this.reducePartitions = reducePartitions;
    this.taskMemory = taskMemory;
    this.explain = explain;
    this.clock = clock;
  }

  /**
   * A discoverer like this one whose result also explains what the run did with each of these
   * strings (normalised as the corpus is: {@code --lowercase}, {@code --simplify}; compared
   * without case unless {@code --keep-case}), as
   * {@link WordDiscoverer#withExplanations} does; this one is unchanged.
   */
  public SparkDiscoverer withExplanations(List<String> words) {
    return new SparkDiscoverer(sc, options, latinCase, simplify, reducePartitions, taskMemory,
        List.copyOf(words), clock);
  }

  /**
   * A discoverer like this one whose tasks keep up to {@code bytes} of sorted runs and spooled
   * blocks in memory, the rest on disk ({@link SparkNgramCounter.Settings#runMemory}); the words
   * do not depend on it. This one is unchanged.
   *
   * @throws IllegalArgumentException if {@code bytes} is under 1
   */
  public SparkDiscoverer withTaskMemory(long bytes) {
    return new SparkDiscoverer(sc, options, latinCase, simplify, reducePartitions,
        Params.atLeast("taskMemory", bytes, 1), explain, clock);
  }

  /**
   * A discoverer like this one whose progress lines (the count's, the cut pass's and the
   * driver's steps') time the run by {@code nanoTime} instead of {@link System#nanoTime} (tests
   * pass a stepping clock); the words do not depend on it. This one is unchanged.
   */
  public SparkDiscoverer withClock(LongSupplier nanoTime) {
    return new SparkDiscoverer(sc, options, latinCase, simplify, reducePartitions, taskMemory,
        explain, Objects.requireNonNull(nanoTime, "nanoTime"));
  }

  /**
   * Discovers the words of {@code lines}, counting them first.
   *
   * @param countsOut where the counts are kept (a local file on the driver), or null: then
   *     they go to a temporary file in {@code tempDir}, deleted before this returns
   * @param driverMemory heap budget of the driver-side steps (as {@code --memory} in the CLI)
   * @param tempDir where the driver's temporary files go
   * @param warnings what the user should know about the data and the settings
   * @param info progress lines
   */
  public WordDiscoverer.Result discover(JavaRDD<String> lines, Path countsOut, long driverMemory,
      Path tempDir, Consumer<String> warnings, Consumer<String> info) throws IOException {
    return discover(InputText.of(lines), countsOut, driverMemory, tempDir, warnings, info);
  }

  /**
   * As {@link #discover(JavaRDD, Path, long, Path, Consumer, Consumer)}, on {@code text}'s lines,
   * whose first pass is the count's scan ({@link InputText#firstPassDone}).
   */
  WordDiscoverer.Result discover(InputText lines, Path countsOut, long driverMemory,
      Path tempDir, Consumer<String> warnings, Consumer<String> info) throws IOException {
    SparkNgramCounter.Settings st = new SparkNgramCounter.Settings(options.order(), 2, latinCase,
        simplify, reducePartitions, TABLE_SLOTS, taskMemory);
    Path storeFile = countsOut != null ? countsOut
        : TempFiles.create(tempDir, "ciku-spark-", ".ngrams");
    try {
      try (StoreWriter w = new StoreWriter(storeFile)) {
        CountSummary s = new SparkNgramCounter(sc, st).withInfo(info).withClock(clock)
            .count(lines, w, dev.ciku.corpus.UnitTable.of(latinCase));
        w.finish(s, new Normalization(latinCase, simplify));
      }
      try (NgramStore store = NgramStore.open(storeFile)) {
        return discover(lines, store, false, driverMemory, tempDir, warnings, info);
      }
    } finally {
      if (countsOut == null) {
        TempFiles.delete(storeFile);
      }
    }
  }

  /**
   * Discovers the words of {@code lines} with the n-gram counts of {@code store} ({@code ciku
   * count -o} or {@code ciku-spark count -o} of the same text): only the cut pass runs on the
   * cluster. The result equals {@code ciku discover --counts STORE CORPUS}; as there, the cut
   * pass counts the units it reads, and a store of another corpus is refused.
   *
   * @throws IllegalArgumentException if the store was counted from another corpus (other unit
   *     positions, or another count of a unit), with other {@code --lowercase}, {@code
   *     --keep-case} or {@code --simplify} settings than this discoverer's, or holds grams of fewer than 3 units
   */
  public WordDiscoverer.Result discover(JavaRDD<String> lines, NgramStore store,
      long driverMemory, Path tempDir, Consumer<String> warnings, Consumer<String> info)
      throws IOException {
    return discover(InputText.of(lines), store, driverMemory, tempDir, warnings, info);
  }

  /**
   * As {@link #discover(JavaRDD, NgramStore, long, Path, Consumer, Consumer)}, on {@code text}'s
   * lines, whose first pass is the cut pass ({@link InputText#firstPassDone}: what it reports
   * comes before the store is checked against the units the cut pass read).
   */
  WordDiscoverer.Result discover(InputText lines, NgramStore store, long driverMemory,
      Path tempDir, Consumer<String> warnings, Consumer<String> info) throws IOException {
    return discover(lines, store, true, driverMemory, tempDir, warnings, info);
  }

  /** {@code checked}: the store is the user's, so the cut pass checks it against the lines. */
  private WordDiscoverer.Result discover(InputText lines, NgramStore store,
      boolean checked, long driverMemory, Path tempDir, Consumer<String> warnings,
      Consumer<String> info) throws IOException {
    store.requireNormalization(new Normalization(latinCase, simplify), "");
    ReaderOptions ro = new ReaderOptions(StandardCharsets.UTF_8,
        ReaderOptions.DEFAULT.format(), "text", 1, latinCase, false, simplify, false, false);
    return new WordDiscoverer(options, ro, 1, driverMemory, tempDir)
        .withCutPass(new SparkCutPass(sc, lines, latinCase, simplify, reducePartitions, checked,
            taskMemory))
        .withExplanations(ro.normalizeWords(explain))
        .withClock(clock)
        .discover(List.of(), store, new ByteCounter(), warnings, info);
  }
}
