package dev.ciku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MemoryOptionsTest {
  private static final long MB = 1L << 20;

  private static MemoryOptions given(String memory) {
    MemoryOptions m = new MemoryOptions();
    m.memory = memory;
    return m;
  }

  @Test
  void bytes_default_aQuarterOfTheHeapBetween16mAnd256m() {
    assertEquals(256 * MB, given(null).bytes(4096 * MB));
    assertEquals(128 * MB, given(null).bytes(512 * MB));
    assertEquals(16 * MB, given(null).bytes(48 * MB), "a quarter, 12m, is below the floor");
    assertEquals(16 * MB, given(null).bytes(24 * MB), "16m fits in 80 % of 24 MB");
  }

  @Test
  void bytes_heapTooSmallForTheDefaultOrTheBudgetGiven_usageErrorSayingWhatFits() {
    CikuException e = assertThrows(CikuException.class, () -> given(null).bytes(16 * MB));
    assertEquals(CikuException.USAGE, e.exitCode());
    assertEquals("the smallest --memory, 16m, does not fit in the JVM heap of 16 MB (at most"
        + " 12m); give the JVM more, e.g. CIKU_OPTS=-Xmx1g", e.getMessage());
    e = assertThrows(CikuException.class, () -> given("32m").bytes(24 * MB));
    assertEquals("--memory 32m does not fit in the JVM heap of 24 MB (at most 19m); give the"
        + " JVM more, e.g. CIKU_OPTS=-Xmx1g", e.getMessage());
    assertEquals(32 * MB, given("32m").bytes(64 * MB));
  }

  @Test
  void bytes_runsWithEveryPrefix_takeUpToThreeTimesTheBudget_soABudgetBeyondAThirdOfWhatFitsIsAUsageError() {
    // count -o and --sort ngram make each run whole with every prefix before it can spill: on
    // ordinary (punctuated) news, -m 100m ran out of memory in a 154 MB heap (exit 70), after
    // the check had accepted it (at most 123m).
    CikuException e = assertThrows(CikuException.class,
        () -> given("100m").bytes(154 * MB, MemoryOptions.WHOLE_RUNS_PEAK));
    assertEquals(CikuException.USAGE, e.exitCode());
    assertEquals("--memory 100m does not fit in the JVM heap of 154 MB (at most 41m with -o or"
        + " --sort ngram, which can take up to 3 times it); give the JVM more, e.g."
        + " CIKU_OPTS=-Xmx1g", e.getMessage());
    assertEquals(32 * MB, given("32m").bytes(154 * MB, MemoryOptions.WHOLE_RUNS_PEAK));
    assertEquals(256 * MB, given(null).bytes(4096 * MB, MemoryOptions.WHOLE_RUNS_PEAK),
        "the default, a quarter of the heap, leaves room for three times it");
    assertEquals(128 * MB, given(null).bytes(512 * MB, MemoryOptions.WHOLE_RUNS_PEAK));
    assertEquals(100 * MB, given("100m").bytes(154 * MB), "other runs: 80 % of the heap");
  }
}
