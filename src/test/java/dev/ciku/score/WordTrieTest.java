package dev.ciku.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WordTrieTest {
  /** Symbols are the words' code points (Han characters here). */
  private static int[] symbols(String text) {
    return text.codePoints().toArray();
  }

  private static WordTrie trie(Object... wordCounts) {
    WordTrie t = new WordTrie(0x10000);
    for (int i = 0; i < wordCounts.length; i += 2) {
      int[] s = symbols((String) wordCounts[i]);
      int node = t.insert(s, 0, s.length);
      t.setCount(node, t.count(node) + ((Number) wordCounts[i + 1]).doubleValue());
    }
    return t;
  }

  private static int[] path(WordTrie t, String text) {
    int[] s = symbols(text);
    int n = s.length;
    int[] ends = new int[n];
    int k = t.bestPath(s, 0, n, new double[n + 1], new int[n + 1], ends);
    return Arrays.copyOf(ends, k);
  }

  @Test
  void bestPath_articleExample_minimumInformation() {
    // 中外科学名著 → 中外 / 科学 / 名著 (the worked example of 最小熵原理（二）)
    WordTrie t = trie("中", 10, "外", 10, "科", 5, "学", 20, "名", 8, "著", 3, "中外", 6,
        "外科", 4, "科学", 12, "学名", 2, "名著", 5);
    t.computeScores(1);
    assertArrayEquals(new int[] {2, 4, 6}, path(t, "中外科学名著"));
  }

  @Test
  void bestPath_unknownSymbols_singleSteps() {
    WordTrie t = trie("中国", 5);
    t.computeScores(1);
    assertArrayEquals(new int[] {1, 2, 4, 5}, path(t, "我在中国吗"));
  }

  @Test
  void insert_sharedPrefixes_nodesAndTextRoundTrip() {
    WordTrie t = trie("中国", 5, "中国人", 2, "中", 7);
    assertEquals(3, t.words());
    assertEquals(14.0, t.total());
    int n = t.node(symbols("中国人"), 0, 3);
    int[] path = new int[t.depth(n)];
    t.path(n, path);
    assertArrayEquals(symbols("中国人"), path);
    assertEquals(3, t.depth(n));
    assertEquals(2.0, t.count(n));
    t.setCount(n, 0);
    assertEquals(2, t.words());
    assertEquals(12.0, t.total());
  }

  @Test
  void bestPathLive_afterCountChange_usesCurrentCounts() {
    WordTrie t = trie("中", 1, "国", 1, "中国", 100);
    int[] s = symbols("中国");
    int[] ends = new int[2];
    assertEquals(1, t.bestPathLive(s, 0, 2, new double[3], new int[3], ends));
    t.setCount(t.node(s, 0, 2), 0);
    assertEquals(2, t.bestPathLive(s, 0, 2, new double[3], new int[3], ends));
  }
}
