package dev.ciku.store;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.Params;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.UnitTable;
import dev.ciku.count.CountOptions;
import dev.ciku.count.CountSummary;
import dev.ciku.count.GramSink;
import dev.ciku.count.NgramCounter;
import dev.ciku.count.RankedGrams;
import dev.ciku.count.RowSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Consumer;

/**
 * The work of {@code ciku count}, from the grams' source to their destination: counts a corpus
 * ({@link NgramCounter}) or merges stores ({@link StoreMerge}), and writes the grams to a store
 * ({@link StoreWriter}) or as rows, in gram order or ranked by count ({@link RankedGrams}) within
 * the memory budget. Here rather than in {@code dev.ciku.count}, which the store package builds
 * on.
 *
 * <p>Cost: that of the count or the merge; for a store, one Chronicle put a gram
 * ({@link StoreWriter#finish}); for rows by count, the ranking of every gram, in the merge's
 * ranges at once, which share a quarter of the budget and spill full buffers to the temporary
 * directory. Stateless and thread-safe; {@link #run} uses the request's threads and returns when
 * they are done.
 */
public final class Counting {
  private Counting() {}

  /** Where the grams come from: a corpus or stores. */
  public sealed interface Source permits Corpus, Stores {}

  /**
   * A corpus to count.
   *
   * @param inputs the corpus's inputs, read once, in order
   * @param reading how they are read and their text normalised
   * @param order longest n-gram counted, 1..{@link dev.ciku.count.Grams#MAX_ORDER}
   */
  public record Corpus(List<CorpusInput> inputs, ReaderOptions reading, int order)
      implements Source {
    public Corpus {
      inputs = List.copyOf(inputs);
      Objects.requireNonNull(reading, "reading");
    }
  }

  /**
   * Stores to merge, at the lowest order among them ({@link StoreMerge#open}).
   *
   * @param paths the stores' paths as the user gave them (messages name them so)
   * @param given the normalisation asked for, or null if none was: given, it must be the
   *     stores'
   */
  public record Stores(List<String> paths, Normalization given) implements Source {
    public Stores {
      paths = List.copyOf(paths);
    }
  }

  /** Where the grams go: a store or rows. */
  public sealed interface Destination permits StoreFile, Rows {}

  /** A store written to {@code path}, complete or not at all ({@link StoreWriter}). */
  public record StoreFile(Path path) implements Destination {
    public StoreFile {
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * Rows: at most {@code top} (0: all), ranked by count (descending, ties in gram order) if
   * {@code byCount}, else in gram order as they are counted. {@link #run} makes the sink with the
   * unit table that decodes the grams (filled as they are counted) and finishes it
   * ({@link RowSink#finish}); committing their output is the caller's.
   *
   * @param rows makes the sink that writes the rows, given the unit table
   */
  public record Rows(Function<UnitTable, RowSink> rows, int top, boolean byCount)
      implements Destination {
    public Rows {
      Objects.requireNonNull(rows, "rows");
      if (top < 0) {
        throw new IllegalArgumentException("--top must be 0 or more");
      }
    }
  }

  /**
   * A count or merge and where it goes.
   *
   * @param minCount grams counted fewer times are left out: for a corpus 1 or more; a merge
   *     takes any, and warns when the stores were pruned above it ({@link StoreMerger})
   * @param threads worker threads, 1 or more
   * @param memoryBytes the budget of counting or merging ({@link CountOptions#MIN_MEMORY} or
   *     more), a quarter of which ranking rows by count shares
   * @param tempDir where what exceeds the budget spills
   * @throws IllegalArgumentException naming the option, for a value out of range
   */
  public record Request(Source source, long minCount, int threads, long memoryBytes,
      Path tempDir, Destination destination) {
    public Request {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(destination, "destination");
      if (source instanceof Corpus c) {
        countOptions(c, minCount, threads, memoryBytes, tempDir);
      } else {
        Params.atLeast("--threads", threads, 1);
        Params.atLeast("--memory", memoryBytes, CountOptions.MIN_MEMORY);
        Objects.requireNonNull(tempDir, "tempDir");
      }
    }
  }

  /**
   * What a run gave.
   *
   * @param summary the grams' header data (a merge's: at the lowest order of its stores)
   * @param normalization how the grams' text was normalised: as the corpus was read, or as the
   *     merged stores were
   * @param written grams written: the store's entries, or the rows
   */
  public record Result(CountSummary summary, Normalization normalization, long written) {}

  /**
   * Counts or merges what {@code request} names into its destination. A store's target is
   * checked, and its temporary files made, before anything is read.
   *
   * @param bytes receives the bytes of the corpus read, for progress (a merge reads none)
   * @param warnings receives messages about the input (malformed bytes) and what a merge loses
   * @throws IllegalArgumentException stores that cannot be merged ({@link StoreMerge#open})
   * @throws IOException reading the input or writing the destination failed
   */
  public static Result run(Request request, ByteCounter bytes, Consumer<String> warnings)
      throws IOException {
    if (request.destination() instanceof StoreFile file) {
      try (StoreWriter w = new StoreWriter(file.path())) {
        Counted c = withUnits(request, warnings,
            (stores, units) -> produce(request, stores, units, w, bytes, warnings));
        w.finish(c.summary(), c.normalization());
        return new Result(c.summary(), c.normalization(), w.entries());
      }
    }
    Rows rows = (Rows) request.destination();
    long[] written = {0};
    Counted c = withUnits(request, warnings, (stores, units) -> {
      RowSink print = rows.rows().apply(units);
      Counted counted;
      if (rows.byCount()) {
        try (RankedGrams ranked = new RankedGrams(rows.top(), rankingShare(request),
            request.tempDir())) {
          counted = produce(request, stores, units, ranked, bytes, warnings);
          ranked.drain(print);
        }
      } else {
        counted = produce(request, stores, units, print, bytes, warnings);
      }
      print.finish();
      written[0] = print.written();
      return counted;
    });
    return new Result(c.summary(), c.normalization(), written[0]);
  }

  /** Work on the source's grams, given its stores (null for a corpus) and its unit table. */
  private interface Work {
    Counted run(StoreMerge stores, UnitTable units) throws IOException;
  }

  /**
   * Runs {@code work} with the source's unit table, folding case as the corpus is read or as
   * the stores were counted: stores are opened (and checked) first, and closed after.
   */
  private static Counted withUnits(Request request, Consumer<String> warnings, Work work)
      throws IOException {
    if (request.source() instanceof Stores s) {
      try (StoreMerge stores = StoreMerge.open(s.paths(), s.given(), warnings)) {
        return work.run(stores, UnitTable.of(stores.normalization().latinCase()));
      }
    }
    return work.run(null, UnitTable.of(((Corpus) request.source()).reading()));
  }

  /**
   * The budget of each range's ranking: the merge ranges (one a thread) share a quarter of the
   * budget, and ranked buffers beyond it spill next to the counting runs.
   */
  private static long rankingShare(Request request) {
    return request.memoryBytes() / 4 / request.threads();
  }

  /** The grams of a source and how their text was normalised. */
  private record Counted(CountSummary summary, Normalization normalization) {}

  private static Counted produce(Request request, StoreMerge stores, UnitTable units,
      GramSink sink, ByteCounter bytes, Consumer<String> warnings) throws IOException {
    if (stores != null) {
      return new Counted(stores.merge(request.minCount(), units, sink, request.memoryBytes(),
          request.threads(), request.tempDir()), stores.normalization());
    }
    Corpus c = (Corpus) request.source();
    CountOptions options = countOptions(c, request.minCount(), request.threads(),
        request.memoryBytes(), request.tempDir());
    CountSummary summary = new NgramCounter(options, c.reading()).count(c.inputs(), units,
        bytes, warnings, sink);
    return new Counted(summary,
        new Normalization(c.reading().latinCase(), c.reading().simplify()));
  }

  /** The counting settings of a corpus, checked by {@link CountOptions}. */
  private static CountOptions countOptions(Corpus c, long minCount, int threads,
      long memoryBytes, Path tempDir) {
    return new CountOptions(c.order(), minCount, threads, memoryBytes, tempDir);
  }
}
