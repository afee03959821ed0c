package dev.ciku.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GramTableTest {
  @Test
  void forEach_partsInOrder_visitWhatTheWholeTableVisits() {
    Random r = new Random(3);
    GramTable t = new GramTable(1 << 12, 0.6);
    int[] u = new int[6];
    for (int i = 0; i < 2_000; i++) {
      int len = 1 + r.nextInt(6);
      for (int j = 0; j < len; j++) {
        u[j] = 0x4E00 + r.nextInt(300);
      }
      t.add(Grams.hi(u, 0, len), Grams.lo(u, 0, len), 1 + r.nextInt(9));
    }
    List<String> whole = new ArrayList<>();
    t.forEach((hi, lo, c) -> whole.add(hi + "/" + lo + "=" + c));
    for (int parts : new int[] {1, 2, 3, 7, 16, 5000}) {
      List<String> joined = new ArrayList<>();
      for (int p = 0; p < parts; p++) {
        t.forEach(p, parts, (hi, lo, c) -> joined.add(hi + "/" + lo + "=" + c));
      }
      assertEquals(whole, joined, parts + " parts");
    }
  }

  @Test
  void forEach_partOutOfRange_isRejected() {
    GramTable t = new GramTable(64, 0.6);
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
        () -> t.forEach(3, 3, (hi, lo, c) -> { }));
    assertEquals("part 3 of 3", e.getMessage());
  }
}
