package dev.ciku.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import dev.ciku.count.GramIndex;
import dev.ciku.count.GramSink;
import dev.ciku.count.Grams;
import dev.ciku.count.NgramCounter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NgramStoreTest {
  private static final Path LAWS = Path.of("corpora-samples/laws-zh.txt");

  @TempDir Path dir;

  /** Grams in the order received. */
  static final class Grams3 implements GramSink {
    long[] hi = new long[1024];
    long[] lo = new long[1024];
    long[] count = new long[1024];
    int size;

    @Override
    public void accept(long h, long l, long c) {
      if (size == hi.length) {
        hi = java.util.Arrays.copyOf(hi, size * 2);
        lo = java.util.Arrays.copyOf(lo, size * 2);
        count = java.util.Arrays.copyOf(count, size * 2);
      }
      hi[size] = h;
      lo[size] = l;
      count[size] = c;
      size++;
    }

    void assertSame(Grams3 other) {
      assertEquals(size, other.size, "gram count");
      assertArrayEquals(java.util.Arrays.copyOf(hi, size), java.util.Arrays.copyOf(other.hi, size));
      assertArrayEquals(java.util.Arrays.copyOf(lo, size), java.util.Arrays.copyOf(other.lo, size));
      assertArrayEquals(java.util.Arrays.copyOf(count, size),
          java.util.Arrays.copyOf(other.count, size));
    }
  }

  private CountSummary count(Path corpus, long minCount, UnitTable units, GramSink sink)
      throws IOException {
    CountOptions o = new CountOptions(6, minCount, 2, 256L << 20, dir);
    return new NgramCounter(o, ReaderOptions.DEFAULT).count(List.of(CorpusInput.file(corpus)),
        units, new ByteCounter(), m -> { }, sink);
  }

  private Path store(Path corpus, long minCount, String name, Grams3 grams) throws IOException {
    Path target = dir.resolve(name);
    TestStores.write(target, new CountOptions(6, minCount, 2, 256L << 20, dir), corpus,
        grams::accept);
    return target;
  }

  @Test
  void open_afterCountingLaws_givesExactlyTheCountersGrams() throws IOException {
    Grams3 counted = new Grams3();
    Path target = store(LAWS, 2, "laws.ngrams", counted);
    assertTrue(counted.size > 100_000, "laws-zh has many grams");
    try (NgramStore s = NgramStore.open(target)) {
      assertEquals(counted.size, s.size());
      assertEquals(6, s.order());
      assertEquals(2, s.minCount());
      assertTrue(s.positions(1) > 500_000);
      GramIndex read = new GramIndex(counted.size);
      s.forEach(read);
      assertEquals(counted.size, read.size(), "no extra or missing grams, no metadata keys");
      for (int i = 0; i < counted.size; i++) {
        assertEquals(counted.count[i], read.get(counted.hi[i], counted.lo[i]));
        assertEquals(counted.count[i], s.get(counted.hi[i], counted.lo[i]));
      }
      assertEquals(0, s.get(1L << 42, 0), "absent gram");
      assertEquals(0, s.get(0, 1), "metadata keys are not grams");
    }
  }

  /** The offset of the value of the entry whose key is {@code (hi, lo)} in a store's bytes. */
  private static int valueOffset(byte[] file, long hi, long lo) {
    java.nio.ByteBuffer key = java.nio.ByteBuffer.allocate(16)
        .order(java.nio.ByteOrder.nativeOrder()).putLong(hi).putLong(lo);
    byte[] k = key.array();
    for (int i = 0; i + 24 <= file.length; i++) {
      if (java.util.Arrays.equals(file, i, i + 16, k, 0, 16)) {
        return i + 16;
      }
    }
    throw new AssertionError("key not found");
  }

  @Test
  void forEach_changedCountOrHeaderEntry_corruptOnceEveryEntryIsRead() throws IOException {
    Grams3 counted = new Grams3();
    Path good = store(LAWS, 2, "laws.ngrams", counted);
    byte[] bytes = Files.readAllBytes(good);
    // A gram's count one higher; a header entry (the unit positions) changed; a count whose
    // key moved to another gram (a key byte flipped) is refused by the gram test already.
    int count = valueOffset(bytes, counted.hi[7], counted.lo[7]);
    int positions = valueOffset(bytes, 0, StoreMeta.K_POSITIONS + 1);
    for (int at : new int[] {count, positions}) {
      byte[] damaged = bytes.clone();
      damaged[at]++;
      Path bad = Files.write(dir.resolve("bad.ngrams"), damaged);
      try (NgramStore s = NgramStore.open(bad)) {
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
            () -> s.forEach((hi, lo, c) -> { }));
        assertEquals(bad + " is corrupt (its checksum does not match its entries); count the"
            + " corpus again with 'ciku count -o' to rebuild it", e.getCause().getMessage());
      }
    }
    try (NgramStore s = NgramStore.open(good)) {
      GramIndex read = new GramIndex(counted.size);
      s.forEach(read);
      assertEquals(counted.size, read.size());
    }
  }

  /**
   * A store cut short after it was opened (overwritten in place, by {@code cp} or {@code
   * truncate}, while a reader maps it): reading the pages gone is a fault of the mapping, which
   * the JVM throws as an InternalError; it is reported as the store's error, naming it, not as
   * an internal error of ciku.
   */
  @Test
  void forEach_storeTruncatedAfterOpening_storeErrorNamingIt() throws IOException {
    Path target = store(LAWS, 2, "laws.ngrams", new Grams3());
    try (NgramStore s = NgramStore.open(target)) {
      try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(target,
          java.nio.file.StandardOpenOption.WRITE)) {
        ch.truncate(4096);
      }
      java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
          () -> s.forEach((hi, lo, c) -> { }));
      assertTrue(e.getCause() instanceof NgramStore.StoreFormatException, e.toString());
      assertEquals(target + " was cut short while it was read (a store is never changed once"
          + " written: was it overwritten in place?)", e.getCause().getMessage());
    }
  }

  @Test
  void summary_afterRoundTrip_keepsTotalsAndUnits() throws IOException {
    Path corpus = dir.resolve("mixed.txt");
    Files.writeString(corpus, "我们用Java和Maven写ciku，Java很好。\nMaven也好，我们用ciku。\n",
        StandardCharsets.UTF_8);
    UnitTable units = new UnitTable(true);
    Path target = dir.resolve("mixed.ngrams");
    CountSummary expected;
    try (StoreWriter w = new StoreWriter(target)) {
      expected = count(corpus, 1, units, w);
      w.finish(expected);
    }
    try (NgramStore s = NgramStore.open(target)) {
      CountSummary got = s.summary();
      assertEquals(expected.clauses(), got.clauses());
      assertEquals(expected.chars(), got.chars());
      assertArrayEquals(expected.positions(), java.util.Arrays.copyOf(got.positions(),
          expected.positions().length));
      assertEquals(units.latinKeys(), s.units().latinKeys());
      assertEquals(List.of("java", "maven", "ciku").size(), s.units().latinCount());
    }
  }

  @Test
  void merge_ofStoresCountedOnHalves_equalsCountingTheWhole() throws IOException {
    List<String> lines = Files.readAllLines(LAWS, StandardCharsets.UTF_8);
    Path a = dir.resolve("a.txt");
    Path b = dir.resolve("b.txt");
    Files.write(a, lines.subList(0, lines.size() / 2), StandardCharsets.UTF_8);
    Files.write(b, lines.subList(lines.size() / 2, lines.size()), StandardCharsets.UTF_8);
    Path whole = dir.resolve("whole.txt");
    Files.write(whole, lines, StandardCharsets.UTF_8);

    Grams3 expected = new Grams3();
    CountSummary ws = count(whole, 1, new UnitTable(true), expected);
    Path sa = store(a, 1, "a.ngrams", new Grams3());
    Path sb = store(b, 1, "b.ngrams", new Grams3());
    Grams3 merged = new Grams3();
    CountSummary ms;
    try (NgramStore x = NgramStore.open(sa); NgramStore y = NgramStore.open(sb)) {
      ms = StoreMerger.merge(List.of(x, y), 1, new UnitTable(true), merged);
    }
    merged.assertSame(expected);
    assertEquals(ws.clauses(), ms.clauses());
    assertEquals(ws.chars(), ms.chars());
    assertArrayEquals(ws.positions(), java.util.Arrays.copyOf(ms.positions(), 7));
    assertEquals(expected.size, ms.distinct());

    // A budget far below the merged grams: tables spill as sorted runs, merged on 2 threads.
    Path spillDir = Files.createDirectory(dir.resolve("spill"));
    Grams3 bounded = new Grams3();
    try (NgramStore x = NgramStore.open(sa); NgramStore y = NgramStore.open(sb)) {
      CountSummary bs = StoreMerger.merge(List.of(x, y), 1, new UnitTable(true), bounded, 1 << 20, 2,
          spillDir);
      assertEquals(expected.size, bs.distinct());
      assertTrue(expected.size > 3 * 45_000, "the merge needs several runs of 65,536-slot tables");
    }
    bounded.assertSame(expected);
    try (var files = Files.list(spillDir)) {
      assertFalse(files.findAny().isPresent(), "spilled runs are deleted");
    }
  }

  @Test
  void finish_withTwoFillThreads_storesEveryGram() throws IOException {
    Path target = dir.resolve("two.ngrams");
    int n = 200_000;
    try (StoreWriter w = new StoreWriter(target, 2)) {
      for (int i = 1; i <= n; i++) {
        w.accept((long) i << 42, 0, i); // the single units 1..n
      }
      w.finish(new CountSummary(2, 1, new UnitTable(true), new long[] {0, n, 0}, 1, n, n, 0));
    }
    try (NgramStore s = NgramStore.open(target)) {
      assertEquals(n, s.size());
      long[] sum = {0, 0};
      s.forEach((h, l, c) -> {
        sum[0]++;
        sum[1] += c;
        assertEquals(h >>> 42, c);
      });
      assertEquals(n, sum[0]);
      assertEquals((long) n * (n + 1) / 2, sum[1]);
    }
  }

  @Test
  void close_withoutFinish_leavesNoFileBehind() throws IOException {
    Path target = dir.resolve("broken.ngrams");
    try (StoreWriter w = new StoreWriter(target)) {
      w.accept(1L << 42, 0, 5);
      w.accept(2L << 42, 0, 7);
      // interrupted: no finish
    }
    assertFalse(Files.exists(target));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(0, files.count(), "temporary files removed");
    }
  }

  @Test
  void finish_overAnExistingStore_replacesIt() throws IOException {
    Path target = dir.resolve("x.ngrams");
    for (long c : new long[] {3, 9}) {
      try (StoreWriter w = new StoreWriter(target)) {
        w.accept(1L << 42, 0, c);
        w.finish(new CountSummary(1, 1, new UnitTable(true), new long[] {0, c}, 1, c, 1, 0));
      }
    }
    try (NgramStore s = NgramStore.open(target)) {
      assertEquals(1, s.size());
      assertEquals(9, s.get(1L << 42, 0));
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void finish_overSymlinkedStore_replacesLinkedFileKeepsLinkAndMode() throws IOException {
    Path real = Files.writeString(dir.resolve("real.ngrams"), "old");
    Files.setPosixFilePermissions(real, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
    Path link = Files.createSymbolicLink(dir.resolve("link.ngrams"), Path.of("real.ngrams"));
    try (StoreWriter w = new StoreWriter(link)) {
      w.accept(1L << 42, 0, 4);
      w.finish(new CountSummary(1, 1, new UnitTable(true), new long[] {0, 4}, 1, 4, 1, 0));
    }
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("rw-r-----", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(real)));
    try (NgramStore s = NgramStore.open(real)) {
      assertEquals(4, s.get(1L << 42, 0));
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(2, files.count(), "the link and its file, no temporary file");
    }
  }

  @Test
  void constructor_directoryTarget_outputExceptionBeforeAnyFile() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("sub"));
    dev.ciku.io.OutputException e =
        assertThrows(dev.ciku.io.OutputException.class, () -> new StoreWriter(sub));
    assertEquals("cannot write " + sub + ": is a directory", e.getMessage());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void accept_outOfOrder_isRejected() throws IOException {
    try (StoreWriter w = new StoreWriter(dir.resolve("y.ngrams"))) {
      w.accept(2L << 42, 0, 1);
      assertThrows(IllegalStateException.class, () -> w.accept(1L << 42, 0, 1));
    }
  }

  @Test
  void open_textFile_throwsStoreFormatException() throws IOException {
    Path f = dir.resolve("notes.txt");
    Files.writeString(f, "这不是一个存储文件\n");
    NgramStore.StoreFormatException e =
        assertThrows(NgramStore.StoreFormatException.class, () -> NgramStore.open(f));
    assertTrue(e.getMessage().contains("is not a ciku n-gram store"), e.getMessage());
    assertEquals("这不是一个存储文件\n", Files.readString(f), "file left untouched");
  }

  /**
   * A store compressed to be copied elsewhere (stores are large) cannot be memory-mapped: the
   * error says to decompress it, rather than that it is no store.
   */
  @Test
  void open_gzippedStore_saysToDecompressIt() throws IOException {
    Path target = store(LAWS, 2, "laws.ngrams", new Grams3());
    Path gz = dir.resolve("laws.ngrams.gz");
    try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(target, out);
    }
    NgramStore.StoreFormatException e =
        assertThrows(NgramStore.StoreFormatException.class, () -> NgramStore.open(gz));
    assertEquals(gz + " is gzip data: a store is memory-mapped, so decompress it first"
        + " (gunzip -k " + gz + ")", e.getMessage());
  }

  @Test
  void open_emptyFile_throwsStoreFormatException() throws IOException {
    Path f = Files.createFile(dir.resolve("empty.ngrams"));
    assertThrows(NgramStore.StoreFormatException.class, () -> NgramStore.open(f));
  }

  @Test
  void open_missingFile_throwsNoSuchFile() {
    assertThrows(NoSuchFileException.class, () -> NgramStore.open(dir.resolve("missing")));
  }

  @Test
  void remap_unitLeftOut_gramMarkedDropped() {
    // Latin ids 0..2 of a store map to merged ids; the third was left out (the table was full).
    int base = dev.ciku.corpus.UnitTable.LATIN_BASE;
    int[] map = {base + 1, base, -1};
    long[] out = new long[2];
    int[] scratch = new int[Grams.MAX_ORDER];
    int[] kept = {0x4E2D, base};
    assertTrue(StoreMerger.remap(Grams.hi(kept, 0, 2), Grams.lo(kept, 0, 2), map, out, scratch));
    assertEquals(Grams.hi(new int[] {0x4E2D, base + 1}, 0, 2), out[0]);
    int[] dropped = {base + 2, 0x4E2D};
    assertFalse(StoreMerger.remap(Grams.hi(dropped, 0, 2), Grams.lo(dropped, 0, 2), map, out,
        scratch));
    assertEquals(-1, out[0]);
  }
}
