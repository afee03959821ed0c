package dev.ciku.store;

import dev.ciku.corpus.UnitTable;
import dev.ciku.count.CountSummary;
import dev.ciku.count.GramSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The stores of a merge ({@code ciku count --merge}), opened and checked: {@link #open} refuses a
 * store given twice (its counts would be doubled) and stores counted with different
 * normalisations, and warns of what the merge will lose (pruned occurrences, grams longer than
 * the lowest order); {@link #merge} then merges them with {@link StoreMerger} at the lowest order
 * among them. Refusals are {@link IllegalArgumentException}s whose messages are meant for the
 * user.
 *
 * <p>Cost of {@link #open}: one file-status call per pair of paths and the opening of each store
 * (memory-mapped); of {@link #merge}, that of {@link StoreMerger#merge(List, long, UnitTable,
 * GramSink, long, int, Path)}. Not thread-safe; {@link #close} closes the stores.
 */
public final class StoreMerge implements AutoCloseable {
  private final List<NgramStore> stores;
  private final Normalization normalization;
  private final Consumer<String> warnings;

  private StoreMerge(List<NgramStore> stores, Normalization normalization,
      Consumer<String> warnings) {
    this.stores = stores;
    this.normalization = normalization;
    this.warnings = warnings;
  }

  /**
   * Opens the stores at {@code paths} for a merge, checked.
   *
   * @param paths the stores' paths as the user gave them (messages name them so)
   * @param given the normalisation asked for ({@code --lowercase}/{@code --simplify}), or null
   *     if none was: given, it must be the stores'
   * @param warnings receives one line for each loss the merge will have (or has: Latin units
   *     beyond the table's limit)
   * @throws IllegalArgumentException no path, a store given twice (under any name: a symbolic
   *     link, another spelling of its path, a hard link), stores counted differently, or
   *     {@code given} differing from theirs
   */
  public static StoreMerge open(List<String> paths, Normalization given,
      Consumer<String> warnings) throws IOException {
    refuseRepeatedStores(paths);
    List<NgramStore> stores = new ArrayList<>();
    try {
      for (String p : paths) {
        stores.add(NgramStore.open(Path.of(p)));
      }
      if (stores.isEmpty()) {
        throw new IllegalArgumentException("--merge needs one or more stores");
      }
      Normalization normalization = sharedNormalization(stores, given);
      warnLosses(stores, warnings);
      return new StoreMerge(stores, normalization, warnings);
    } catch (IOException | RuntimeException | Error e) {
      closeAll(stores);
      throw e;
    }
  }

  /** How the stores' text was normalised (they all agree). */
  public Normalization normalization() {
    return normalization;
  }

  /**
   * Merges the stores into {@code sink} (in gram order), as {@link StoreMerger#merge(List, long,
   * UnitTable, GramSink, long, int, Path)}; returns the merged header data.
   */
  public CountSummary merge(long minCount, UnitTable units, GramSink sink, long memoryBytes,
      int threads, Path tempDir) throws IOException {
    return StoreMerger.merge(stores, minCount, units, sink, memoryBytes, threads, tempDir,
        warnings);
  }

  /** Closes the stores. */
  @Override
  public void close() {
    closeAll(stores);
  }

  private static void closeAll(List<NgramStore> stores) {
    for (NgramStore s : stores) {
      s.close();
    }
  }

  /**
   * Refuses a store given twice, under any name: its counts would be doubled. Missing files are
   * left to the store's own message.
   */
  private static void refuseRepeatedStores(List<String> paths) throws IOException {
    List<Path> seen = new ArrayList<>();
    for (String s : paths) {
      Path p = Path.of(s);
      if (!Files.exists(p)) {
        continue;
      }
      for (Path q : seen) {
        if (Files.isSameFile(p, q)) {
          throw new IllegalArgumentException("--merge was given the store " + q
              + (q.toString().equals(s) ? " twice" : " twice (also as " + s + ")")
              + ": merging a store with itself would double its counts");
        }
      }
      seen.add(p);
    }
  }

  /**
   * The normalisation the stores share; refused when they differ, or when {@code given} differs
   * from theirs.
   */
  private static Normalization sharedNormalization(List<NgramStore> stores,
      Normalization given) {
    NgramStore first = stores.get(0);
    for (NgramStore s : stores) {
      if (!s.normalization().equals(first.normalization())) {
        throw new IllegalArgumentException("cannot merge stores counted differently: "
            + first.path() + " was counted " + first.normalization().describe() + ", "
            + s.path() + " " + s.normalization().describe());
      }
    }
    if (given != null) {
      first.requireNormalization(given, " (or none with --merge)");
    }
    return first.normalization();
  }

  /** Warns of the pruned occurrences and the longer grams that the merge loses. */
  private static void warnLosses(List<NgramStore> stores, Consumer<String> warnings) {
    // One store alone loses nothing: its counts are copied (or filtered further) as they are.
    for (NgramStore s : stores) {
      if (stores.size() > 1 && s.minCount() > 1 && s.positions(1) > 0) {
        warnings.accept(s.path() + " was counted with --min-count " + s.minCount()
            + ": merged counts miss its pruned occurrences");
      }
    }
    // The merge keeps the lowest order (a higher gram's count in a lower-order store is
    // unknown): say what each higher-order store loses.
    NgramStore lowest = stores.get(0);
    for (NgramStore s : stores) {
      if (s.order() < lowest.order()) {
        lowest = s;
      }
    }
    for (NgramStore s : stores) {
      if (s.order() > lowest.order()) {
        warnings.accept(s.path() + " holds grams of up to " + s.order() + " units; the merge"
            + " keeps 1.." + lowest.order() + ", the order of " + lowest.path());
      }
    }
  }
}
