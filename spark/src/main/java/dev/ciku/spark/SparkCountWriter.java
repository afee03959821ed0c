package dev.ciku.spark;

import dev.ciku.corpus.Params;
import dev.ciku.corpus.UnitTable;
import dev.ciku.count.CountSummary;
import dev.ciku.count.GramSink;
import dev.ciku.count.RankedGrams;
import dev.ciku.store.Normalization;
import dev.ciku.store.StoreWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;

/**
 * {@code ciku count} on Spark, to its outputs: counts the lines with {@link SparkNgramCounter}
 * and hands every gram, as the driver receives them in gram order, to an n-gram store and/or to
 * rows: in gram order as they come, or ranked by count on the driver ({@link RankedGrams}, in
 * buffers of {@link Ranking#memory} that spill to {@link Ranking#tempDir}), then handed over
 * best first once the count is done. The store is finished (its header written) with the
 * count's summary; the rows' writer is the caller's to commit.
 *
 * <p>Cost: the counter's (see {@link SparkNgramCounter}); on the driver, besides, the ranking
 * buffers ({@link Ranking#memory}, or 24 bytes a gram for the best {@code top} when that is less)
 * and, beyond them, one sequential write and read of the ranked grams (24 bytes a gram) in
 * {@code tempDir}, deleted before {@link #write} returns.
 *
 * <p>Thread-safety: immutable; calls share only the counter (immutable too) and its
 * {@link org.apache.spark.api.java.JavaSparkContext}, and each uses the outputs it is given on its
 * thread.
 */
public final class SparkCountWriter {
  /**
   * Rows ranked by count (descending; ties in gram order), on the driver.
   *
   * @param top rank only the best {@code top} grams (0: all)
   * @param memory bytes of ranking buffers ({@link JobBudgets#ranking})
   * @param tempDir where full buffers go (the driver's {@code --temp-dir})
   */
  public record Ranking(int top, long memory, Path tempDir) {
    /** Checks every setting. */
    public Ranking {
      Params.atLeast("--top", top, 0);
      Params.atLeast("memory", memory, 1);
      Objects.requireNonNull(tempDir, "tempDir");
    }
  }

  private final SparkNgramCounter counter;
  private final Ranking ranking;

  /**
   * A writer that counts with {@code counter} (its settings, progress lines and clock) and ranks
   * the rows as {@code ranking} says, or hands them over in gram order if it is null.
   */
  public SparkCountWriter(SparkNgramCounter counter, Ranking ranking) {
    this.counter = Objects.requireNonNull(counter, "counter");
    this.ranking = ranking;
  }

  /**
   * Counts {@code lines} into {@code units} (empty: the count fills it, so that a rows writer
   * built on it can decode the grams) and writes the grams to {@code store} and/or {@code rows}.
   *
   * @param store the store to fill and finish, or null
   * @param rows where the rows go, in the ranking's order (gram order without one), or null
   * @return the count's summary
   * @throws IllegalArgumentException if both outputs are null
   */
  public CountSummary write(JavaRDD<String> lines, StoreWriter store, GramSink rows,
      UnitTable units) throws IOException {
    return write(InputText.of(lines), store, rows, units);
  }

  /**
   * As {@link #write(JavaRDD, StoreWriter, GramSink, UnitTable)}, on {@code text}'s lines (whose
   * first pass reports what {@link InputText#firstPassDone} says, before any gram is written).
   */
  CountSummary write(InputText text, StoreWriter store, GramSink rows, UnitTable units)
      throws IOException {
    if (store == null && rows == null) {
      throw new IllegalArgumentException("no output: give a store and/or rows");
    }
    SparkNgramCounter.Settings st = counter.settings();
    RankedGrams ranked = rows != null && ranking != null
        ? new RankedGrams(ranking.top(), ranking.memory(), ranking.tempDir()) : null;
    GramSink inOrder = ranking != null ? null : rows;
    try {
      CountSummary s = counter.count(text, (hi, lo, c) -> {
        if (store != null) {
          store.accept(hi, lo, c);
        }
        if (ranked != null) {
          ranked.accept(hi, lo, c);
        }
        if (inOrder != null) {
          inOrder.accept(hi, lo, c);
        }
      }, units);
      if (store != null) {
        store.finish(s, new Normalization(st.latinCase(), st.simplify()));
      }
      if (ranked != null) {
        ranked.drain(rows);
      }
      return s;
    } finally {
      if (ranked != null) {
        ranked.close();
      }
    }
  }
}
