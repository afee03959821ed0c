package dev.ciku.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymbolBlocksTest {
  @TempDir Path dir;

  private static IntArrayList readBack(SymbolBlocks b, List<Integer> lengths) {
    IntArrayList all = new IntArrayList();
    b.forEach((symbols, length) -> {
      assertTrue(symbols[length - 1] < 0, "a block ends with a clause end");
      lengths.add(length);
      all.addElements(all.size(), symbols, 0, length);
    });
    return all;
  }

  @Test
  void forEach_oneBlock_inMemoryNoFile() throws IOException {
    try (SymbolBlocks b = new SymbolBlocks(dir, 100)) {
      for (int s : new int[] {1, 2, -1, 3}) {
        b.add(s);
      }
      List<Integer> lengths = new java.util.ArrayList<>();
      assertEquals(IntArrayList.of(1, 2, -1, 3, -1), readBack(b, lengths));
      assertEquals(List.of(5), lengths);
      assertFalse(b.spilledToDisk());
      assertEquals(0, dir.toFile().list().length);
    }
  }

  /** Random clauses, some longer than two blocks: read back twice, as written, cut as promised. */
  @Test
  void forEach_randomClauses_spilledAndReadBackExactly() throws IOException {
    Random r = new Random(7);
    int blockSize = 64;
    IntArrayList expected = new IntArrayList();
    try (SymbolBlocks b = new SymbolBlocks(dir, blockSize)) {
      int inBlock = 0;
      for (int c = 0; c < 500; c++) {
        int n = r.nextInt(10) == 0 ? r.nextInt(400) : r.nextInt(20);
        for (int i = 0; i < n; i++) {
          int s = r.nextInt(1 << 21);
          b.add(s);
          expected.add(s);
          if (++inBlock == 2 * blockSize) {
            expected.add(-1); // the inserted cut of a clause too long for a block
            inBlock = 0;
          }
        }
        b.add(-1);
        expected.add(-1);
        if (++inBlock >= blockSize) {
          inBlock = 0;
        }
      }
      assertTrue(b.spilledToDisk());
      List<Integer> lengths = new java.util.ArrayList<>();
      assertEquals(expected, readBack(b, lengths));
      assertEquals(b.blocks(), lengths.size());
      for (int len : lengths) {
        assertTrue(len <= 2 * blockSize + 1, "block of " + len);
      }
      assertEquals(expected, readBack(b, new java.util.ArrayList<>()), "a second pass");
      assertEquals(1, dir.toFile().list().length);
    }
    assertEquals(0, dir.toFile().list().length, "close deletes the spill file");
  }

  @Test
  void add_afterForEach_rejected() throws IOException {
    try (SymbolBlocks b = new SymbolBlocks(dir, 10)) {
      b.add(1);
      b.forEach((s, n) -> { });
      assertThrows(IllegalStateException.class, () -> b.add(2));
    }
  }

  @Test
  void constructor_badBlockSize_rejected() {
    assertThrows(IllegalArgumentException.class, () -> new SymbolBlocks(dir, 0));
    assertTrue(Files.isDirectory(dir));
  }
}
