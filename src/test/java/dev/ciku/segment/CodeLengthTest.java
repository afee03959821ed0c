package dev.ciku.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.score.WordTrie;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CodeLengthTest {
  @Test
  void saved_twoSubWords_equalsExactFOfSection71() {
    Random r = new Random(3);
    for (int t = 0; t < 200; t++) {
      // separated state (word removed): counts na, nb, total n; the pair occurs nab times
      double nab = 1 + r.nextInt(1000);
      double na = nab + r.nextInt(100_000);
      double nb = nab + r.nextInt(100_000);
      double n = na + nb + r.nextInt(10_000_000);
      double pab = nab / n;
      double pa = na / n;
      double pb = nb / n;
      double f = pab * Math.log(pab / (pa * pb)) - (1 - pab) * Math.log(1 - pab)
          + (pa - pab) * Math.log(1 - pab / pa) + (pb - pab) * Math.log(1 - pab / pb);
      // merged state (word kept): total n - nab, sub-words na - nab and nb - nab
      double saved = CodeLength.saved(n - nab, nab,
          new double[] {na - nab, nb - nab}, new int[] {1, 1}, 2);
      assertEquals(n * f, saved, 1e-6 * Math.max(1, Math.abs(saved)), "case " + t);
    }
  }

  @Test
  void saved_negativePmi_negative() {
    // p(ab) < p(a) p(b): merging can only lengthen the code (the 的主要 example of the article)
    double saved = CodeLength.saved(1_000_000, 10,
        new double[] {50_000, 2_000}, new int[] {1, 1}, 2);
    assertTrue(saved < 0, "saved " + saved);
  }

  @Test
  void of_trieCounts_nLnNMinusSumCLnC() {
    WordTrie trie = new WordTrie(Symbols.LIMIT);
    int[] ab = "中国".codePoints().toArray();
    trie.setCount(trie.insert(ab, 0, 2), 6);
    trie.setCount(trie.insert(ab, 0, 1), 3);
    trie.setCount(trie.insert(ab, 1, 2), 1);
    assertEquals(10 * Math.log(10) - 6 * Math.log(6) - 3 * Math.log(3), CodeLength.of(trie),
        1e-9);
  }
}
