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
    long sum = StoreMeta.write(SUMMARY, n, 5, blob, entries::put);
    long expected = 0;
    for (Map.Entry<Long, Long> e : entries.entrySet()) {
      expected += StoreMeta.mix(0, e.getKey(), e.getValue());
    }
    assertEquals(expected, sum, "the header's share of the checksum");
    entries.put(StoreMeta.K_CHECKSUM, sum);
    assertEquals(StoreMeta.entries(blob.length, StoreMeta.VERSION), entries.size());
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

  @Test
  void read_formatWithOrWithoutChecksum_checkedOnlyWhereThere() throws Exception {
    Map<Long, Long> current = written(Normalization.NONE);
    StoreMeta.Header h = read(current);
    assertEquals(true, h.checksummed());
    assertEquals((long) current.get(StoreMeta.K_CHECKSUM), h.checksum());
    // Format 2, written before the checksum: read, nothing to check.
    Map<Long, Long> two = new HashMap<>(current);
    two.remove(StoreMeta.K_CHECKSUM);
    two.put(StoreMeta.K_VERSION, 2L);
    assertEquals(false, read(two).checksummed());
    assertEquals(StoreMeta.entries(StoreMeta.unitBlob(SUMMARY.units()).length, 2), two.size());
    // Format 3 whose checksum entry is gone: damaged.
    current.remove(StoreMeta.K_CHECKSUM);
    NgramStore.StoreFormatException e = org.junit.jupiter.api.Assertions.assertThrows(
        NgramStore.StoreFormatException.class, () -> read(current));
    assertEquals("s is corrupt (its checksum entry is missing); count the corpus again with"
        + " 'ciku count -o' to rebuild it", e.getMessage());
    // Another bit of a key or value gives another share.
    assertEquals(false, StoreMeta.mix(1, 2, 3) == StoreMeta.mix(1, 2, 2));
    assertEquals(false, StoreMeta.mix(1, 2, 3) == StoreMeta.mix(1, 3, 3));
    assertEquals(false, StoreMeta.mix(1, 2, 3) == StoreMeta.mix(0, 2, 3));
  }
}
