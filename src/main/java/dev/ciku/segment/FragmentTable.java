package dev.ciku.segment;

import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * Counts fragments: the symbols of each distinct fragment are copied once into a pool, and a
 * fragment is keyed by its place there (position, length) and compared symbol by symbol. Open
 * addressing, linear probing; slots depend only on the fragments and the order they first
 * appear in.
 *
 * <p>Memory: 4 bytes a symbol of each distinct fragment in the pool and 21 bytes a slot, the
 * table kept at most half full. Not thread-safe.
 */
final class FragmentTable {
  private final IntArrayList pool = new IntArrayList(1 << 16);
  private int[] pos = new int[1 << 16];
  private byte[] len = new byte[1 << 16];
  private long[] count = new long[1 << 16];
  private int[] hashes = new int[1 << 16];
  private int mask = (1 << 16) - 1;
  private int size;

  /** Counts one occurrence of {@code block[from..from + length)}. */
  void add(int[] block, int from, int length) {
    int h = hash(block, from, length);
    int i = h & mask;
    while (len[i] != 0) {
      if (hashes[i] == h && len[i] == length && same(pos[i], block, from, length)) {
        count[i]++;
        return;
      }
      i = (i + 1) & mask;
    }
    pos[i] = pool.size();
    pool.addElements(pool.size(), block, from, length);
    len[i] = (byte) length;
    count[i] = 1;
    hashes[i] = h;
    if (++size * 2 > pos.length) {
      grow();
    }
  }

  private boolean same(int a, int[] block, int b, int length) {
    int[] p = pool.elements();
    for (int k = 0; k < length; k++) {
      if (p[a + k] != block[b + k]) {
        return false;
      }
    }
    return true;
  }

  private static int hash(int[] block, int from, int length) {
    long h = length;
    for (int k = 0; k < length; k++) {
      h = h * 0x100000001B3L + block[from + k];
    }
    h *= 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  private void grow() {
    int[] op = pos;
    byte[] ol = len;
    long[] oc = count;
    int[] oh = hashes;
    int n = op.length * 2;
    pos = new int[n];
    len = new byte[n];
    count = new long[n];
    hashes = new int[n];
    mask = n - 1;
    for (int j = 0; j < op.length; j++) {
      if (ol[j] != 0) {
        int i = oh[j] & mask;
        while (len[i] != 0) {
          i = (i + 1) & mask;
        }
        pos[i] = op[j];
        len[i] = ol[j];
        count[i] = oc[j];
        hashes[i] = oh[j];
      }
    }
  }

  int size() {
    return size;
  }

  int capacity() {
    return pos.length;
  }

  int length(int slot) {
    return len[slot];
  }

  /** Where the fragment of {@code slot} starts in {@link #pool}. */
  int position(int slot) {
    return pos[slot];
  }

  /** The symbols of every distinct fragment, back to back. */
  int[] pool() {
    return pool.elements();
  }

  long count(int slot) {
    return count[slot];
  }
}
