package dev.ciku.spark;

import dev.ciku.corpus.ByteCounter;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * New-word discovery on Spark: the n-gram counts (order N, min count 2, as {@code ciku discover}
 * counts them) and the cut pass run distributed; G, candidates and boundary entropies are computed
 * on the driver by core's {@link WordDiscoverer}, from the store the count wrote. The result
 * equals {@code ciku discover --counts STORE CORPUS} and {@code ciku discover CORPUS}.
 *
 * <p>Cost: the input is read three times on the cluster (the count's two passes and the cut
 * pass; once with a store given), with the task memory of {@link SparkNgramCounter} (default
 * settings: 96 MB of table and a 256 MB run budget a task) and of {@link SparkCutPass}. The
 * driver holds the whole discovery state, as {@code ciku discover --counts} does: the store
 * (a local file it writes, then maps), the index of single units and of the grams seen at least
 * the min count, every distinct fragment of the cut pass ({@link
 * dev.ciku.discover.CutFragments}, 40-80 bytes a fragment of up to 6 units), the candidates and
 * their boundary entropies; {@code driverMemory} bounds only the steps {@link WordDiscoverer}
 * budgets (the other grams seen twice or more go to temporary files), so the driver's memory
 * grows with the corpus's frequent grams and distinct fragments.
 *
 * <p>Thread-safety: immutable ({@link #withExplanations} returns another); each call builds its
 * own counter and discoverer, so calls share only the {@link JavaSparkContext}.
 */
public final class SparkDiscoverer {
  /** A task's budget of sorted runs and spooled blocks, counting and cutting (256 MB). */
  private static final long RUN_MEMORY = 256L << 20;
  private final JavaSparkContext sc;
  private final DiscoverOptions options;
  private final boolean lowercase;
  private final boolean simplify;
  private final int reducePartitions;
  /** The strings to explain ({@link #withExplanations}); none by default. */
  private final List<String> explain;

  /**
   * @param lowercase lower-case Latin letters (the CLI's {@code --lowercase})
   * @param simplify fold traditional Han characters to simplified (the CLI's {@code --simplify})
   */
  public SparkDiscoverer(JavaSparkContext sc, DiscoverOptions options, boolean lowercase,
      boolean simplify, int reducePartitions) {
    this.sc = sc;
    this.options = options;
    this.lowercase = lowercase;
    this.simplify = simplify;
    this.reducePartitions = reducePartitions;
    this.explain = List.of();
  }

  private SparkDiscoverer(SparkDiscoverer base, List<String> explain) {
    this.sc = base.sc;
    this.options = base.options;
    this.lowercase = base.lowercase;
    this.simplify = base.simplify;
    this.reducePartitions = base.reducePartitions;
    this.explain = explain;
  }

  /**
   * A discoverer like this one whose result also explains what the run did with each of these
   * strings (normalised as the corpus is: {@code --lowercase}, {@code --simplify}), as
   * {@link WordDiscoverer#withExplanations} does; this one is unchanged.
   */
  public SparkDiscoverer withExplanations(List<String> words) {
    return new SparkDiscoverer(this, List.copyOf(words));
  }

  /**
   * Discovers the words of {@code lines}.
   *
   * @param storeFile where the counts go (a local file on the driver); kept if {@code keep}
   * @param driverMemory heap budget of the driver-side steps (as {@code --memory} in the CLI)
   * @param warnings what the user should know about the data and the settings
   * @param info progress lines
   */
  public WordDiscoverer.Result discover(JavaRDD<String> lines, Path storeFile, boolean keep,
      long driverMemory, Path tempDir, Consumer<String> warnings, Consumer<String> info)
      throws IOException {
    SparkNgramCounter.Settings st = new SparkNgramCounter.Settings(options.order(), 2, lowercase,
        simplify, reducePartitions, 1 << 22, RUN_MEMORY);
    try {
      try (StoreWriter w = new StoreWriter(storeFile)) {
        CountSummary s = new SparkNgramCounter(sc, st).info(info).count(lines, w);
        w.finish(s, new Normalization(lowercase, simplify));
      }
      try (NgramStore store = NgramStore.open(storeFile)) {
        return discover(lines, store, false, driverMemory, tempDir, warnings, info);
      }
    } finally {
      if (!keep) {
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
   *     positions, or another count of a unit), with other {@code --lowercase} or {@code
   *     --simplify} settings than this discoverer's, or holds grams of fewer than 3 units
   */
  public WordDiscoverer.Result discover(JavaRDD<String> lines, NgramStore store,
      long driverMemory, Path tempDir, Consumer<String> warnings, Consumer<String> info)
      throws IOException {
    return discover(lines, store, true, driverMemory, tempDir, warnings, info);
  }

  /** {@code checked}: the store is the user's, so the cut pass checks it against the lines. */
  private WordDiscoverer.Result discover(JavaRDD<String> lines, NgramStore store,
      boolean checked, long driverMemory, Path tempDir, Consumer<String> warnings,
      Consumer<String> info) throws IOException {
    store.requireNormalization(new Normalization(lowercase, simplify), "");
    ReaderOptions ro = new ReaderOptions(StandardCharsets.UTF_8,
        ReaderOptions.DEFAULT.format(), "text", 1, lowercase, false, simplify);
    return new WordDiscoverer(options, ro, 1, driverMemory, tempDir)
        .withCutPass(new SparkCutPass(sc, lines, lowercase, simplify, reducePartitions, checked,
            RUN_MEMORY))
        .withExplanations(ro.normalizeWords(explain))
        .discover(List.of(), store, new ByteCounter(), warnings, info);
  }
}
