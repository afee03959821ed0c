package dev.ciku.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple2;

class BlockSpoolTest {
  @TempDir Path tmp;

  private static List<long[]> randomBlocks(long seed, int count) {
    Random r = new Random(seed);
    List<long[]> blocks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long[] b = new long[3 * (1 + r.nextInt(200))];
      for (int j = 0; j < b.length; j++) {
        b[j] = r.nextLong();
      }
      blocks.add(b);
    }
    return blocks;
  }

  private static void assertDrainsInOrder(BlockSpool spool, List<long[]> blocks)
      throws IOException {
    Iterator<Tuple2<Integer, long[]>> it = spool.drain();
    for (int i = 0; i < blocks.size(); i++) {
      Tuple2<Integer, long[]> t = it.next();
      assertEquals(i % 7, t._1(), "tag of block " + i);
      assertArrayEquals(blocks.get(i), t._2(), "block " + i);
    }
    assertFalse(it.hasNext());
  }

  @Test
  void drain_overBudget_spillsTheRestAndGivesEveryBlockBackInOrder() throws IOException {
    List<long[]> blocks = randomBlocks(42, 300);
    BlockSpool spool = new BlockSpool(20_000, tmp);
    for (int i = 0; i < blocks.size(); i++) {
      spool.add(i % 7, blocks.get(i));
    }
    long held = 0;
    int inMemory = 0;
    while (inMemory < blocks.size() && held + 8L * blocks.get(inMemory).length <= 20_000) {
      held += 8L * blocks.get(inMemory++).length;
    }
    assertEquals(blocks.size() - inMemory, spool.spilledBlocks());
    assertEquals(1, Files.list(tmp).count(), "one temporary file while blocks wait");
    assertDrainsInOrder(spool, blocks);
    assertEquals(0, Files.list(tmp).count(), "the file is deleted after the last block");
  }

  @Test
  void drain_withinBudget_writesNothing() throws IOException {
    List<long[]> blocks = randomBlocks(7, 20);
    BlockSpool spool = new BlockSpool(1L << 30, tmp);
    for (int i = 0; i < blocks.size(); i++) {
      spool.add(i % 7, blocks.get(i));
    }
    assertEquals(0, spool.spilledBlocks());
    assertEquals(0, Files.list(tmp).count());
    assertDrainsInOrder(spool, blocks);
  }

  private static long directBytes() {
    return java.lang.management.ManagementFactory
        .getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class).stream()
        .filter(p -> p.getName().equals("direct")).mapToLong(p -> p.getMemoryUsed()).sum();
  }

  @Test
  void drain_blocksOfAMillionGrams_spilledThroughSmallDirectBuffers() throws IOException {
    // A whole 24 MB block written or read at once would leave a 24 MB direct buffer in the JDK's
    // per-thread cache (off the heap, for as long as the task thread lives).
    long before = directBytes();
    List<long[]> blocks = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      long[] b = new long[3 * SparkNgramCounter.BLOCK];
      java.util.Arrays.fill(b, i + 1);
      b[b.length - 1] = -i;
      blocks.add(b);
    }
    BlockSpool spool = new BlockSpool(1, tmp);
    for (int i = 0; i < blocks.size(); i++) {
      spool.add(i % 7, blocks.get(i));
    }
    assertEquals(2, spool.spilledBlocks());
    assertDrainsInOrder(spool, blocks);
    long grown = directBytes() - before;
    assertTrue(grown <= 4L * BlockSpool.CHUNK, "direct buffers grew by " + grown + " bytes");
    assertEquals(0, Files.list(tmp).count(), "the file is deleted after the last block");
  }

  @Test
  void add_afterDrain_isRefused() throws IOException {
    BlockSpool spool = new BlockSpool(1, tmp);
    spool.add(0, new long[] {1, 2, 3});
    spool.drain();
    assertThrows(IllegalStateException.class, () -> spool.add(0, new long[3]));
    assertThrows(IllegalArgumentException.class, () -> new BlockSpool(0, tmp));
  }
}
