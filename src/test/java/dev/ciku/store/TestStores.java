package dev.ciku.store;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.UnitTable;
import dev.ciku.count.CountOptions;
import dev.ciku.count.CountSummary;
import dev.ciku.count.GramSink;
import dev.ciku.count.NgramCounter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Stores counted from a corpus file, for the store tests (and the CLI's). */
public final class TestStores {
  private TestStores() {}

  /**
   * Counts {@code corpus} with {@code options} into a store written at {@code target}; every
   * gram also goes to {@code also}, for the test to compare with.
   */
  static CountSummary write(Path target, CountOptions options, Path corpus, GramSink also)
      throws IOException {
    try (StoreWriter w = new StoreWriter(target)) {
      CountSummary s = new NgramCounter(options, ReaderOptions.DEFAULT).count(
          List.of(CorpusInput.file(corpus)), new UnitTable(true), new ByteCounter(), m -> { },
          (hi, lo, c) -> {
            also.accept(hi, lo, c);
            w.accept(hi, lo, c);
          });
      w.finish(s);
      return s;
    }
  }

  /**
   * Counts {@code corpus} (orders 1..6, min count 2, case kept) into a store of format 3 at
   * {@code target}, as ciku wrote stores before the case of Latin letters was folded by default:
   * no case entry and no forms.
   */
  public static void writeFormat3(Path target, Path corpus) throws IOException {
    try (StoreWriter w = new StoreWriter(target)) {
      CountSummary s = new NgramCounter(new CountOptions(6, 2, 1, CountOptions.MIN_MEMORY,
          target.toAbsolutePath().getParent()), ReaderOptions.DEFAULT.withLatinCase(
          LatinCase.KEEP)).count(List.of(CorpusInput.file(corpus)), new UnitTable(false),
          new ByteCounter(), m -> { }, w);
      w.finish(s, Normalization.NONE, StoreMeta.VERSION_WITHOUT_CASE);
    }
  }
}
