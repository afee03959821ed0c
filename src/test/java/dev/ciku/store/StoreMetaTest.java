package dev.ciku.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ciku.corpus.UnitTable;
import dev.ciku.count.CountSummary;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreMetaTest {
  private static final CountSummary SUMMARY =
      new CountSummary(2, 1, new UnitTable(), new long[] {0, 10, 9}, 1, 10, 5, 0);

  private static Map<Long, Long> written(Normalization n) {
    Map<Long, Long> entries = new HashMap<>();
    byte[] blob = StoreMeta.unitBlob(SUMMARY.units());
    StoreMeta.write(SUMMARY, n, 5, blob, entries::put);
    assertEquals(StoreMeta.entries(blob.length), entries.size());
    return entries;
  }

  private static StoreMeta.Header read(Map<Long, Long> entries) throws Exception {
    return StoreMeta.read(Path.of("s"), (hi, lo) -> entries.getOrDefault(lo, Long.MIN_VALUE));
  }

  @Test
  void read_normalisationWritten_isReadBack() throws Exception {
    for (Normalization n : new Normalization[] {Normalization.NONE, new Normalization(true, false),
        new Normalization(false, true), new Normalization(true, true)}) {
      assertEquals(n, read(written(n)).normalization());
    }
  }

  @Test
  void read_storeWrittenBeforeNormalisationWasRecorded_isNone() throws Exception {
    Map<Long, Long> old = written(new Normalization(true, true));
    old.remove(StoreMeta.K_LOWERCASE);
    old.remove(StoreMeta.K_SIMPLIFY);
    StoreMeta.Header h = read(old);
    assertEquals(Normalization.NONE, h.normalization());
    assertEquals(2, h.order());
  }
}
