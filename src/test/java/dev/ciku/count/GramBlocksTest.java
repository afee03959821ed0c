package dev.ciku.count;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GramBlocksTest {
  private static List<Long> read(GramBlocks b) {
    List<Long> out = new ArrayList<>();
    b.forEach((hi, lo, c) -> {
      out.add(hi);
      out.add(lo);
      out.add(c);
    });
    return out;
  }

  @Test
  void addAll_seededRandomLists_keepsArrivalOrderAcrossPartlyFilledBlocks() {
    Random r = new Random(3);
    GramBlocks all = new GramBlocks();
    List<Long> expect = new ArrayList<>();
    for (int k = 0; k < 6; k++) {
      // Some lists fill whole blocks, some end part-way, one is empty.
      int n = k == 2 ? 0 : r.nextInt(3 * GramBlocks.BLOCK);
      GramBlocks part = new GramBlocks();
      for (int i = 0; i < n; i++) {
        long hi = r.nextLong();
        long lo = r.nextLong();
        long c = 1 + r.nextInt(1000);
        part.add(hi, lo, c);
        expect.add(hi);
        expect.add(lo);
        expect.add(c);
      }
      if (k % 2 == 0) {
        all.addAll(part);
        assertEquals(0, part.size(), "the joined list is left empty");
        assertEquals(List.of(), read(part));
      } else {
        part.forEach(all::add);
      }
    }
    assertEquals(expect.size() / 3, all.size());
    assertEquals(expect, read(all));
  }
}
