package dev.ciku.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.UnitTable;
import dev.ciku.count.CountOptions;
import dev.ciku.count.CountSummary;
import dev.ciku.count.GramSink;
import dev.ciku.count.Grams;
import dev.ciku.count.NgramCounter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NgramStoreTest {
  static final Path LAWS = Path.of("corpora-samples/laws-zh.txt");
  @TempDir Path tmp;

  private CountSummary count(List<CorpusInput> in, long minCount, UnitTable units, GramSink sink)
      throws IOException {
    return new NgramCounter(new CountOptions(6, minCount, 2, 128L << 20, tmp),
        ReaderOptions.DEFAULT).count(in, units, new ByteCounter(), m -> { }, sink);
  }

  private static Map<String, Long> read(Path store) throws IOException {
    Map<String, Long> m = new TreeMap<>();
    try (NgramStore s = NgramStore.open(store)) {
      s.forEach((hi, lo, c) -> m.put(Grams.text(hi, lo, s.units()), c));
    }
    return m;
  }

  @Test
  void write_thenOpen_givesTheCounterOutputExactly() throws IOException {
    Map<String, Long> expected = new TreeMap<>();
    UnitTable units = new UnitTable();
    Path target = tmp.resolve("laws.ngrams");
    try (StoreWriter w = new StoreWriter(target)) {
      CountSummary s = count(List.of(CorpusInput.file(LAWS)), 2, units, (hi, lo, c) -> {
        expected.put(Grams.text(hi, lo, units), c);
        w.accept(hi, lo, c);
      });
      w.finish(s);
    }
    assertEquals(expected, read(target));
    try (NgramStore s = NgramStore.open(target)) {
      assertEquals(6, s.order());
      assertEquals(2, s.minCount());
      int[] u = s.units().toUnits("人民政府", false);
      assertEquals(expected.get("人民政府"), s.get(Grams.hi(u, 0, 4), Grams.lo(u, 0, 4)));
    }
  }

  @Test
  void merge_twoHalves_equalsCountingTheWhole() throws IOException {
    List<String> lines = Files.readAllLines(LAWS);
    Path a = tmp.resolve("a.txt");
    Path b = tmp.resolve("b.txt");
    Files.write(a, lines.subList(0, lines.size() / 2));
    Files.write(b, lines.subList(lines.size() / 2, lines.size()));
    Path sa = tmp.resolve("a.ngrams");
    Path sb = tmp.resolve("b.ngrams");
    for (Path[] p : new Path[][] {{a, sa}, {b, sb}}) {
      try (StoreWriter w = new StoreWriter(p[1])) {
        w.finish(count(List.of(CorpusInput.file(p[0])), 1, new UnitTable(), w));
      }
    }
    Map<String, Long> whole = new TreeMap<>();
    UnitTable wu = new UnitTable();
    count(List.of(CorpusInput.file(a), CorpusInput.file(b)), 1, wu,
        (hi, lo, c) -> whole.put(Grams.text(hi, lo, wu), c));
    Map<String, Long> merged = new TreeMap<>();
    try (NgramStore x = NgramStore.open(sa); NgramStore y = NgramStore.open(sb)) {
      UnitTable mu = new UnitTable();
      StoreMerger.merge(List.of(x, y), 1, mu, (hi, lo, c) -> merged.put(Grams.text(hi, lo, mu), c));
    }
    assertEquals(whole, merged);
  }

  @Test
  void close_withoutFinish_leavesNothingUnderTheTargetName() throws IOException {
    Path target = tmp.resolve("broken.ngrams");
    try (StoreWriter w = new StoreWriter(target)) {
      w.accept(1, 0, 5);
    }
    assertFalse(Files.exists(target));
    try (var files = Files.list(tmp)) {
      assertEquals(0, files.count(), "temporary file removed");
    }
  }

  @Test
  void open_notAStore_failsWithAClearMessage() throws IOException {
    Path junk = tmp.resolve("junk.ngrams");
    Files.writeString(junk, "这不是一个存储文件".repeat(20));
    NgramStore.StoreFormatException e =
        assertThrows(NgramStore.StoreFormatException.class, () -> NgramStore.open(junk));
    assertTrue(e.getMessage().contains("not a ciku n-gram store"), e.getMessage());
  }
}
