package dev.ciku.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.UnitTable;
import dev.ciku.count.CountSummary;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreMetaTest {
  private static final CountSummary SUMMARY =
      new CountSummary(2, 1, new UnitTable(true), new long[] {0, 10, 9}, 1, 10, 5, 0);

  private static Map<Long, Long> written(Normalization n) {
    return written(SUMMARY, n, StoreMeta.VERSION);
  }

  private static Map<Long, Long> written(CountSummary summary, Normalization n, long version) {
    Map<Long, Long> entries = new HashMap<>();
    byte[] blob = StoreMeta.unitBlob(summary.units());
    byte[] forms = version == StoreMeta.VERSION
        ? StoreMeta.formBlob(summary.units(), n.latinCase()) : new byte[0];
    long sum = StoreMeta.write(summary, n, 5, blob, forms, version, entries::put);
    long expected = 0;
    for (Map.Entry<Long, Long> e : entries.entrySet()) {
      expected += StoreMeta.mix(0, e.getKey(), e.getValue());
    }
    assertEquals(expected, sum, "the header's share of the checksum");
    entries.put(StoreMeta.K_CHECKSUM, sum);
    assertEquals(StoreMeta.entries(blob.length, forms.length, version), entries.size());
    return entries;
  }

  private static StoreMeta.Header read(Map<Long, Long> entries) throws Exception {
    return StoreMeta.read(Path.of("s"), (hi, lo) -> entries.getOrDefault(lo, Long.MIN_VALUE));
  }

  @Test
  void read_normalisationWritten_isReadBack() throws Exception {
    for (LatinCase c : LatinCase.values()) {
      for (boolean simplify : new boolean[] {false, true}) {
        Normalization n = new Normalization(c, simplify);
        assertEquals(n, read(written(n)).normalization());
      }
    }
  }

  @Test
  void read_storeWrittenBeforeNormalisationWasRecorded_isNone() throws Exception {
    Map<Long, Long> old = written(SUMMARY, new Normalization(LatinCase.LOWER, true),
        StoreMeta.VERSION_WITHOUT_CASE);
    old.remove(StoreMeta.K_LOWERCASE);
    old.remove(StoreMeta.K_SIMPLIFY);
    StoreMeta.Header h = read(old);
    assertEquals(Normalization.NONE, h.normalization());
    assertEquals(2, h.order());
  }

  @Test
  void read_format3_keepsCaseUnlessLowerCased() throws Exception {
    // Format 3 was written before Latin case was folded by default: no case entry, no forms.
    Map<Long, Long> kept = written(SUMMARY, new Normalization(LatinCase.KEEP, true),
        StoreMeta.VERSION_WITHOUT_CASE);
    assertEquals(null, kept.get(StoreMeta.K_CASE));
    assertEquals(new Normalization(LatinCase.KEEP, true), read(kept).normalization());
    Map<Long, Long> lower = written(SUMMARY, new Normalization(LatinCase.LOWER, false),
        StoreMeta.VERSION_WITHOUT_CASE);
    assertEquals(new Normalization(LatinCase.LOWER, false), read(lower).normalization());
    assertThrows(IllegalArgumentException.class, () -> written(SUMMARY,
        new Normalization(LatinCase.FOLD, false), StoreMeta.VERSION_WITHOUT_CASE));
  }

  @Test
  void read_foldedStore_rebuildsTheFormsCountsAndWrittenForms() throws Exception {
    UnitTable units = new UnitTable(true);
    for (String form : new String[] {"cpu", "CPU", "CPU", "iPhone", "IPHONE", "5G"}) {
      units.latinId(form);
    }
    CountSummary s = new CountSummary(2, 1, units, new long[] {0, 10, 9}, 1, 10, 5, 0);
    StoreMeta.Header h = read(written(s, new Normalization(LatinCase.FOLD, false),
        StoreMeta.VERSION));
    UnitTable got = h.units();
    assertEquals(List.of("cpu", "iphone", "5g"), got.latinKeys());
    assertEquals("CPU", got.text(UnitTable.LATIN_BASE));
    // iPhone and IPHONE once each: the tie goes to the form first by code point.
    assertEquals("IPHONE", got.text(UnitTable.LATIN_BASE + 1));
    assertEquals("5G", got.text(UnitTable.LATIN_BASE + 2));
    assertArrayEquals(new long[] {1, 2, 1, 1, 1}, got.forms().counts());
    // Frozen: reading the corpus again does not change how a unit is written.
    got.latinId("cpu");
    got.latinId("cpu");
    assertEquals("CPU", got.text(UnitTable.LATIN_BASE));
    // A form blob that does not make the unit table is damage.
    Map<Long, Long> damaged = written(s, new Normalization(LatinCase.FOLD, false),
        StoreMeta.VERSION);
    damaged.put(StoreMeta.K_UNIT_COUNT, 2L);
    assertThrows(NgramStore.StoreFormatException.class, () -> read(damaged));
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
    two.remove(StoreMeta.K_CASE);
    two.remove(StoreMeta.K_FORM_BYTES);
    two.remove(StoreMeta.K_FORM_COUNT);
    assertEquals(StoreMeta.entries(StoreMeta.unitBlob(SUMMARY.units()).length, 0, 2), two.size());
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
