package dev.ciku.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpilledGramsTest {
  @TempDir Path dir;

  private static long[] gram(Random r, int n, long count) {
    int[] u = new int[n];
    for (int i = 0; i < n; i++) {
      u[i] = 0x4E00 + r.nextInt(50);
    }
    return new long[] {Grams.hi(u, 0, n), Grams.lo(u, 0, n), count};
  }

  private List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).toList();
    }
  }

  @Test
  void spill_partsInRangeOrder_keepFrequentAndSinglesAndSpillTheRest() throws IOException {
    Random r = new Random(7);
    List<long[]> ranges0 = new ArrayList<>();
    List<long[]> ranges1 = new ArrayList<>();
    List<long[]> ranges2 = new ArrayList<>();
    for (int i = 0; i < 150_000; i++) {
      // 50,000 a range, half of them spilled: more than one 256 KB buffer holds (10,922 grams).
      List<long[]> to = i % 3 == 0 ? ranges0 : i % 3 == 1 ? ranges1 : ranges2;
      to.add(gram(r, 1 + r.nextInt(4), 2 + r.nextInt(9)));
    }
    GramIndex index = new GramIndex(16);
    try (SpilledGrams spill = new SpilledGrams(index, 2, units -> units / 1000, dir)) {
      spill.counted(new long[] {0, 6_000, 5_000});
      assertEquals(6, spill.keep());
      GramSink second = spill.part();
      GramSink third = spill.part();
      ranges2.forEach(g -> third.accept(g[0], g[1], g[2]));
      ranges1.forEach(g -> second.accept(g[0], g[1], g[2]));
      ranges0.forEach(g -> spill.accept(g[0], g[1], g[2]));
      spill.join(second);
      spill.join(third);
      spill.finish();

      List<long[]> all = new ArrayList<>(ranges0);
      all.addAll(ranges1);
      all.addAll(ranges2);
      List<long[]> expectKept = all.stream()
          .filter(g -> g[2] >= 6 || Grams.length(g[0], g[1]) == 1).toList();
      List<long[]> expectSpilled = all.stream()
          .filter(g -> g[2] < 6 && Grams.length(g[0], g[1]) > 1).toList();
      // The random grams repeat: the index sums a gram's counts.
      java.util.Map<String, Long> expectIndex = new java.util.HashMap<>();
      for (long[] g : expectKept) {
        expectIndex.merge(g[0] + "/" + g[1], g[2], Long::sum);
      }
      java.util.Map<String, Long> indexed = new java.util.HashMap<>();
      index.forEach((hi, lo, c) -> indexed.put(hi + "/" + lo, c));
      assertEquals(expectIndex, indexed);
      assertEquals(expectSpilled.size(), spill.size());
      for (int parts : new int[] {1, 2, 3, 5}) {
        List<long[]> read = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
          spill.forEach(p, parts, (hi, lo, c) -> read.add(new long[] {hi, lo, c}));
        }
        assertEquals(expectSpilled.size(), read.size(), parts + " parts");
        long sum = read.stream().mapToLong(g -> g[0] * 31 + g[1] * 17 + g[2]).sum();
        long expect = expectSpilled.stream().mapToLong(g -> g[0] * 31 + g[1] * 17 + g[2]).sum();
        assertEquals(expect, sum, parts + " parts");
      }
      List<long[]> one = new ArrayList<>();
      spill.forEach(0, 1, (hi, lo, c) -> one.add(new long[] {hi, lo, c}));
      for (int i = 0; i < expectSpilled.size(); i++) {
        assertEquals(List.of(expectSpilled.get(i)[0], expectSpilled.get(i)[1],
            expectSpilled.get(i)[2]), List.of(one.get(i)[0], one.get(i)[1], one.get(i)[2]),
            "spilled gram " + i + " read back in range order");
      }
      assertEquals(3, files().size());
    }
    assertEquals(List.of(), files());
  }

  @Test
  void finish_anyThreadCount_fillsTheIndexInTheSameLayout() throws IOException {
    Random r = new Random(19);
    java.util.Map<String, long[]> distinct = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 200_000; i++) {
      // Distinct grams, as a merge gives them: 1..4 units of 50 characters.
      long[] g = gram(r, 1 + r.nextInt(4), 2 + r.nextInt(9));
      distinct.putIfAbsent(g[0] + "/" + g[1], g);
    }
    List<long[]> grams = new ArrayList<>(distinct.values());
    List<long[]> expectKept = grams.stream()
        .filter(g -> g[2] >= 6 || Grams.length(g[0], g[1]) == 1).toList();
    List<String> layout = null;
    for (int threads : new int[] {1, 2, 3, 5}) {
      GramIndex index = new GramIndex(16);
      try (SpilledGrams spill = new SpilledGrams(index, threads, units -> 6, dir)) {
        spill.counted(new long[] {0, 6_000});
        GramSink second = spill.part();
        for (int i = 0; i < grams.size(); i++) {
          long[] g = grams.get(i);
          (i < grams.size() / 2 ? (GramSink) spill : second).accept(g[0], g[1], g[2]);
        }
        spill.join(second);
        assertEquals(0, index.size(), "nothing in the index before finish");
        spill.finish();
        spill.finish();
        assertEquals(expectKept.size(), index.size(), threads + " threads");
        for (long[] g : grams) {
          long expect = g[2] >= 6 || Grams.length(g[0], g[1]) == 1 ? g[2] : 0;
          assertEquals(expect, index.get(g[0], g[1]), threads + " threads");
        }
        assertEquals(grams.size() - expectKept.size(), spill.size());
      }
      List<String> order = new ArrayList<>();
      index.forEach((hi, lo, c) -> order.add(hi + "/" + lo + "/" + c));
      if (layout == null) {
        layout = order;
      } else {
        assertEquals(layout, order, threads + " threads: same table order as one");
      }
    }
  }

  @Test
  void close_withoutJoin_deletesEveryFile() throws IOException {
    SpilledGrams spill = new SpilledGrams(new GramIndex(16), 1, units -> 2, dir);
    spill.counted(new long[] {0, 10});
    GramSink part = spill.part();
    part.accept(Grams.hi(new int[] {0x4E00, 0x4E01}, 0, 2), 0, 1);
    assertEquals(2, files().size());
    spill.close();
    assertEquals(List.of(), files());
  }

  @Test
  void join_foreignPart_isRejected() {
    try (SpilledGrams spill = new SpilledGrams(new GramIndex(16), 1, units -> 2, dir)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> spill.join(new RankedGrams(1)));
      assertEquals("not a part of this SpilledGrams", e.getMessage());
    }
  }
}
