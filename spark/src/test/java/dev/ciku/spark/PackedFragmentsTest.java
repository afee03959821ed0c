package dev.ciku.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.count.Grams;
import dev.ciku.discover.CutFragments;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PackedFragmentsTest {
  /** Every fragment of {@code f} with its kind and count, as sorted text. */
  static String render(CutFragments f) {
    TreeMap<String, Long> m = new TreeMap<>();
    int[] u = new int[Grams.MAX_ORDER];
    f.shortFragments().forEach((hi, lo, c) -> {
      int n = Grams.units(hi, lo, u);
      m.merge("s" + java.util.Arrays.toString(java.util.Arrays.copyOf(u, n)), c, Long::sum);
    });
    f.singleRuns().forEach((hi, lo, c) -> {
      int n = Grams.units(hi, lo, u);
      m.merge("r" + java.util.Arrays.toString(java.util.Arrays.copyOf(u, n)), c, Long::sum);
    });
    f.longFragments().forEach((w, from, n, c) -> m.merge("l" + java.util.Arrays.toString(
        java.util.Arrays.copyOfRange(w, from, from + n)), c, Long::sum));
    f.segmentOnly().forEach((w, from, n, c) -> m.merge("g" + java.util.Arrays.toString(
        java.util.Arrays.copyOfRange(w, from, from + n)), c, Long::sum));
    return m + " total " + f.count();
  }

  private static CutFragments random(Random r) {
    CutFragments f = new CutFragments();
    for (int i = 0; i < 2000; i++) {
      int kind = r.nextInt(4);
      int n = kind < 2 ? 1 + r.nextInt(Grams.MAX_ORDER) : 7 + r.nextInt(40);
      int[] u = new int[n];
      for (int j = 0; j < n; j++) {
        u[j] = 0x4E00 + r.nextInt(30);
      }
      long c = 1 + r.nextInt(50);
      switch (kind) {
        case 0 -> f.shortFragments().accept(Grams.hi(u, 0, n), Grams.lo(u, 0, n), c);
        case 1 -> f.singleRuns().accept(Grams.hi(u, 0, n), Grams.lo(u, 0, n), c);
        case 2 -> f.longFragments().add(u, 0, n, c);
        default -> f.segmentOnly().add(u, 0, n, c);
      }
      f.addCount(c);
    }
    return f;
  }

  @Test
  void writeThenRead_twoPartitionsSummed_equalsTheirSum() {
    Random r = new Random(14);
    CutFragments a = random(r);
    CutFragments b = random(r);
    CutFragments expected = new CutFragments();
    expected.addAll(a);
    expected.addAll(b);
    // Each side packed for 3 reduce partitions; each partition summed; the sums read back.
    List<List<long[]>> byPartition = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      byPartition.add(new ArrayList<>());
    }
    SparkCutPass.Packed.write(a, 3, (p, block) -> byPartition.get(p).add(block));
    SparkCutPass.Packed.write(b, 3, (p, block) -> byPartition.get(p).add(block));
    CutFragments actual = new CutFragments();
    int used = 0;
    for (List<long[]> blocks : byPartition) {
      CutFragments sum = new CutFragments();
      blocks.forEach(block -> SparkCutPass.Packed.read(block, sum));
      used += blocks.isEmpty() ? 0 : 1;
      SparkCutPass.Packed.write(sum, 1, (p, block) -> SparkCutPass.Packed.read(block, actual));
    }
    assertEquals(3, used, "every partition gets fragments");
    assertTrue(expected.longFragments().size() > 100 && expected.segmentOnly().size() > 100);
    assertEquals(render(expected), render(actual));
  }
}
