package dev.ciku.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BufferedPartsTest {
  @Test
  void join_partsInRangeOrder_replayTheOneThreadSequence() {
    List<Long> seen = new ArrayList<>();
    BufferedParts parts = new BufferedParts((hi, lo, c) -> seen.add(hi * 1_000_000 + c));
    PartitionedSink second = parts.part();
    PartitionedSink third = parts.part();
    for (long i = 0; i < 10_000; i++) {
      // More than the part's first buffer (4,096 grams), so it grows.
      third.accept(3, 0, i);
      second.accept(2, 0, i);
    }
    parts.accept(1, 0, 7);
    parts.join(second);
    parts.join(third);
    assertEquals(20_001, seen.size());
    assertEquals(1_000_007L, (long) seen.get(0));
    assertEquals(2_000_000L, (long) seen.get(1));
    assertEquals(2_009_999L, (long) seen.get(10_000));
    assertEquals(3_000_000L, (long) seen.get(10_001));
    assertEquals(3_009_999L, (long) seen.get(20_000));
  }

  @Test
  void join_foreignPart_isRejected() {
    BufferedParts parts = new BufferedParts((hi, lo, c) -> { });
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> parts.join(new RankedGrams(1)));
    assertEquals("not a part of a BufferedParts", e.getMessage());
  }
}
