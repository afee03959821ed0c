package dev.ciku.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.corpus.FunctionWords;
import org.junit.jupiter.api.Test;

class GainBarTest {
  private static final FunctionWords FW = FunctionWords.of("的了这他以及");

  private static double bar(GainBar g, String word) {
    int[] u = word.codePoints().toArray();
    return g.bar(u, u.length);
  }

  @Test
  void bar_lengthsAndFunctionWordEdges_minGainPlusStepsAndGlue() {
    GainBar g = new GainBar(3.0, 2.0, 1.25, FW);
    Object[][] cases = {
        {"中国", 3.0}, {"这一", 4.25}, {"买了", 4.25}, {"以及", 3.0}, {"人民政府", 7.0},
        {"中国的", 6.25}, {"他的", 3.0}, {"中华人民共和国", 13.0},
    };
    for (Object[] c : cases) {
      assertEquals((double) c[1], bar(g, (String) c[0]), 1e-12, (String) c[0]);
    }
    GainBar off = new GainBar(3.0, 2.0, 0, FW);
    assertEquals(3.0, bar(off, "这一"), 1e-12);
    assertEquals(5.0, bar(off, "中国的"), 1e-12);
  }

  @Test
  void enabled_minGainPositiveOrZero_trueOnlyWhenPositive() {
    assertTrue(new GainBar(3.0, 2.0, 1.25, FW).enabled());
    assertFalse(new GainBar(0, 2.0, 1.25, FW).enabled());
  }

  @Test
  void describe_plainAndFunctionWordEdgedWords_namesEachTermOfTheBar() {
    GainBar g = new GainBar(3.0, 2.0, 1.25, FW);
    assertEquals("3.00 (--min-gain 3.00)", g.describe("中国".codePoints().toArray()));
    assertEquals("4.25 (--min-gain 3.00 + --glue-gain 1.25, as it begins with the function word"
        + " 这)", g.describe("这一".codePoints().toArray()));
    assertEquals("6.25 (--min-gain 3.00 + --gain-step 2.00 a unit beyond 2 + --glue-gain 1.25,"
        + " as it ends with the function word 的)", g.describe("中国的".codePoints().toArray()));
    assertEquals("3.00 (--min-gain 3.00)",
        new GainBar(3.0, 2.0, 0, FW).describe("这一".codePoints().toArray()));
  }

  @Test
  void of_defaultOptions_usesTheBundledFunctionWords() {
    GainBar g = GainBar.of(DiscoverOptions.DEFAULT);
    assertEquals(DiscoverOptions.MIN_GAIN + DiscoverOptions.GLUE_GAIN, bar(g, "他说"), 1e-12);
    assertEquals(DiscoverOptions.MIN_GAIN, bar(g, "但是"), 1e-12);
  }
}
