package dev.ciku.count;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.List;

/**
 * Grams with counts kept in arrival order, in blocks of up to {@value #BLOCK} entries (24 bytes an
 * entry): appending never copies what is already there, and two lists are joined by moving
 * blocks. For grams that are gathered on several threads and read afterwards, in order, by one
 * or several readers ({@link GramIndex#fill}).
 *
 * <p>Not thread-safe while being filled; safe for concurrent reads afterwards.
 */
public final class GramBlocks {
  /** Entries in a full block. */
  static final int BLOCK = 1 << 16;

  private final List<long[]> blocks = new ArrayList<>();
  /**
   * Entries in each block but the one being filled ({@link #current}, {@link #used} entries):
   * all full but those joined from other lists.
   */
  private final IntArrayList entries = new IntArrayList();
  private long[] current;
  private int used = BLOCK;
  private long size;

  /** Appends one gram. */
  public void add(long hi, long lo, long count) {
    if (used == BLOCK) {
      seal();
      current = new long[3 * BLOCK];
      blocks.add(current);
      used = 0;
    }
    int p = 3 * used;
    current[p] = hi;
    current[p + 1] = lo;
    current[p + 2] = count;
    used++;
    size++;
  }

  /** Records the block being filled as done: later grams start a new block. */
  private void seal() {
    if (current != null) {
      entries.add(used);
      current = null;
    }
    used = BLOCK;
  }

  /**
   * Appends the grams of {@code other}, which is left empty: its blocks are moved, not copied
   * (O(blocks)). Grams added afterwards start a new block.
   */
  public void addAll(GramBlocks other) {
    seal();
    other.seal();
    blocks.addAll(other.blocks);
    entries.addAll(other.entries);
    size += other.size;
    other.blocks.clear();
    other.entries.clear();
    other.size = 0;
  }

  /** Number of grams. */
  public long size() {
    return size;
  }

  /** Calls {@code sink} for every gram, in the order added. */
  public void forEach(GramSink sink) {
    for (int k = 0; k < blocks.size(); k++) {
      long[] b = blocks.get(k);
      int end = 3 * entries(k);
      for (int p = 0; p < end; p += 3) {
        sink.accept(b[p], b[p + 1], b[p + 2]);
      }
    }
  }

  /** Number of blocks. */
  int blockCount() {
    return blocks.size();
  }

  /** Block {@code k}: {@link #entries(int)} entries of {@code hi, lo, count}. */
  long[] block(int k) {
    return blocks.get(k);
  }

  /** Entries in block {@code k}. */
  int entries(int k) {
    return k < entries.size() ? entries.getInt(k) : used;
  }
}
