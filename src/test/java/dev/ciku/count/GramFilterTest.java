package dev.ciku.count;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GramFilterTest {
  @Test
  void mightContain_seededRandomGrams_trueForEveryMemberAndFalseForMostOthers() {
    Random r = new Random(7);
    GramIndex index = new GramIndex(16);
    Set<String> members = new HashSet<>();
    int[] u = new int[6];
    for (int i = 0; i < 200_000; i++) {
      int len = 1 + r.nextInt(6);
      for (int j = 0; j < len; j++) {
        u[j] = 0x4E00 + r.nextInt(2_000);
      }
      index.accept(Grams.hi(u, 0, len), Grams.lo(u, 0, len), 1);
      members.add(Grams.hi(u, 0, len) + "/" + Grams.lo(u, 0, len));
    }
    GramFilter filter = GramFilter.of(index);
    index.forEach((hi, lo, c) -> assertTrue(filter.mightContain(hi, lo)));
    int absent = 0;
    int passed = 0;
    for (int i = 0; i < 200_000; i++) {
      int len = 1 + r.nextInt(6);
      for (int j = 0; j < len; j++) {
        u[j] = 0x4E00 + r.nextInt(2_000);
      }
      long hi = Grams.hi(u, 0, len);
      long lo = Grams.lo(u, 0, len);
      if (!members.contains(hi + "/" + lo)) {
        absent++;
        passed += filter.mightContain(hi, lo) ? 1 : 0;
      }
    }
    // 8 to 16 bits a gram, one hash: at most 1 - e^(-1/8) = 11.8 % of absent grams pass.
    assertTrue(passed < absent * 0.125, passed + " of " + absent + " absent grams passed");
  }
}
