package dev.ciku.store;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.UnitTable;
import dev.ciku.count.CountOptions;
import dev.ciku.count.CountSummary;
import dev.ciku.count.GramSink;
import dev.ciku.count.NgramCounter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Stores counted from a corpus file, for the store tests. */
final class TestStores {
  private TestStores() {}

  /**
   * Counts {@code corpus} with {@code options} into a store written at {@code target}; every
   * gram also goes to {@code also}, for the test to compare with.
   */
  static CountSummary write(Path target, CountOptions options, Path corpus, GramSink also)
      throws IOException {
    try (StoreWriter w = new StoreWriter(target)) {
      CountSummary s = new NgramCounter(options, ReaderOptions.DEFAULT).count(
          List.of(CorpusInput.file(corpus)), new UnitTable(), new ByteCounter(), m -> { },
          (hi, lo, c) -> {
            also.accept(hi, lo, c);
            w.accept(hi, lo, c);
          });
      w.finish(s);
      return s;
    }
  }
}
