package dev.ciku.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RankedGramsTest {
  private static List<String> drained(RankedGrams r) {
    List<String> out = new ArrayList<>();
    r.drain((hi, lo, c) -> out.add(hi + "/" + lo + "=" + c));
    return out;
  }

  @Test
  void join_partsOfAnySplit_rankAsOneSink() {
    Random rnd = new Random(42);
    long[][] grams = new long[5_000][];
    for (int i = 0; i < grams.length; i++) {
      // Few distinct counts, so that ties (broken by gram order) are common.
      grams[i] = new long[] {1 + i, rnd.nextInt(4), 1 + rnd.nextInt(20)};
    }
    for (int top : new int[] {0, 1, 50, 4_999}) {
      RankedGrams whole = new RankedGrams(top);
      for (long[] g : grams) {
        whole.accept(g[0], g[1], g[2]);
      }
      List<String> expected = drained(whole);
      for (int split : new int[] {0, 1, 2_500, 4_999}) {
        RankedGrams first = new RankedGrams(top);
        GramSink part = first.part();
        for (int i = 0; i < grams.length; i++) {
          (i < split ? first : part).accept(grams[i][0], grams[i][1], grams[i][2]);
        }
        first.join(part);
        assertEquals(expected, drained(first), "top " + top + ", split " + split);
      }
    }
  }

  @Test
  void join_partOfOtherSize_isRejected() {
    RankedGrams r = new RankedGrams(5);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> r.join(new RankedGrams(6)));
    assertEquals("part keeps 6 grams, this keeps 5", e.getMessage());
  }

  private static long[][] randomGrams(long seed, int n) {
    Random rnd = new Random(seed);
    long[][] grams = new long[n][];
    for (int i = 0; i < n; i++) {
      int[] u = new int[1 + rnd.nextInt(6)];
      for (int j = 0; j < u.length; j++) {
        u[j] = 0x4E00 + rnd.nextInt(50);
      }
      // Counts from a skewed distribution: many ties, a few large ones.
      long c = rnd.nextInt(10) == 0 ? 1 + rnd.nextInt(1_000_000) : 1 + rnd.nextInt(5);
      grams[i] = new long[] {Grams.hi(u, 0, u.length), Grams.lo(u, 0, u.length), c};
    }
    // Distinct grams, as a merge gives them.
    java.util.Map<List<Long>, long[]> distinct = new java.util.LinkedHashMap<>();
    for (long[] g : grams) {
      distinct.putIfAbsent(List.of(g[0], g[1]), g);
    }
    return distinct.values().toArray(new long[0][]);
  }

  @Test
  void drain_spilledBuffers_rankExactlyAsInMemory(@TempDir Path dir) throws IOException {
    long[][] grams = randomGrams(7, 150_000);
    RankedGrams memory = new RankedGrams(0);
    for (long[] g : grams) {
      memory.accept(g[0], g[1], g[2]);
    }
    long[][] sorted = grams.clone();
    java.util.Arrays.sort(sorted, (a, b) -> a[2] != b[2] ? Long.compare(b[2], a[2])
        : Grams.compare(a[0], a[1], b[0], b[1]));
    List<String> expected = new ArrayList<>();
    for (long[] g : sorted) {
      expected.add(g[0] + "/" + g[1] + "=" + g[2]);
    }
    assertEquals(expected, drained(memory));
    // 32 KB: buffers of 1,024 grams, so about 100 spill files, in the whole and in the parts:
    // more than are merged at once, so groups of them are merged first.
    try (RankedGrams spilling = new RankedGrams(0, 32 << 10, dir)) {
      GramSink part = spilling.part();
      for (int i = 0; i < grams.length; i++) {
        (i % 3 == 0 ? part : spilling).accept(grams[i][0], grams[i][1], grams[i][2]);
      }
      try (var files = Files.list(dir)) {
        long n = files.count();
        assertTrue(n > RankedGrams.MAX_MERGED, n + " spill files");
      }
      spilling.join(part);
      assertEquals(expected, drained(spilling));
    }
    try (var files = Files.list(dir)) {
      assertEquals(0, files.count(), "spill files are deleted by drain");
    }
  }

  @Test
  void close_undrained_deletesSpillFiles(@TempDir Path dir) throws IOException {
    long[][] grams = randomGrams(8, 5_000);
    try (RankedGrams r = new RankedGrams(0, 32 << 10, dir)) {
      for (long[] g : grams) {
        r.accept(g[0], g[1], g[2]);
      }
      try (var files = Files.list(dir)) {
        assertTrue(files.count() > 0, "buffers spilled");
      }
    }
    try (var files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void drain_topK_equalsPrefixOfFullRanking() {
    long[][] grams = randomGrams(9, 20_000);
    RankedGrams all = new RankedGrams(0);
    RankedGrams top = new RankedGrams(100);
    for (long[] g : grams) {
      all.accept(g[0], g[1], g[2]);
      top.accept(g[0], g[1], g[2]);
    }
    List<String> full = drained(all);
    assertEquals(full.subList(0, 100), drained(top));
    for (int i = 1; i < full.size(); i++) {
      long a = Long.parseLong(full.get(i - 1).split("=")[1]);
      long b = Long.parseLong(full.get(i).split("=")[1]);
      assertTrue(a >= b, "counts descend at " + i);
    }
  }
  @Test
  void drain_topBeyondTheBudget_spillsAndEqualsPrefixOfFullRanking(@TempDir Path dir)
      throws IOException {
    long[][] grams = randomGrams(10, 60_000);
    RankedGrams all = new RankedGrams(0);
    for (long[] g : grams) {
      all.accept(g[0], g[1], g[2]);
    }
    List<String> full = drained(all);
    // A heap of 40,000 grams needs 960 KB; the budget is 64 KB a part, so both the whole and the
    // part buffer, spill (at most K grams a file) and merge, stopping after K.
    for (int k : new int[] {1, 2_000, 40_000, 59_999, 100_000_000}) {
      try (RankedGrams r = new RankedGrams(k, 64 << 10, dir)) {
        GramSink part = r.part();
        for (int i = 0; i < grams.length; i++) {
          (i % 2 == 0 ? part : r).accept(grams[i][0], grams[i][1], grams[i][2]);
        }
        if (24L * k > 64 << 10) {
          try (var files = Files.list(dir)) {
            assertTrue(files.count() > 0, "K " + k + ": buffers spilled");
          }
        }
        r.join(part);
        assertEquals(full.subList(0, Math.min(k, full.size())), drained(r), "K " + k);
      }
      try (var files = Files.list(dir)) {
        assertEquals(0, files.count(), "K " + k + ": spill files deleted");
      }
    }
  }
}
