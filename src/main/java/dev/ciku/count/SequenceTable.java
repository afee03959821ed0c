package dev.ciku.count;

import it.unimi.dsi.fastutil.HashCommon;
import java.util.Arrays;

/**
 * Counts of unit sequences of any length (the fragments too long to pack into a gram): the units
 * of every distinct sequence sit one after the other in one {@code int} array, and an
 * open-addressing table of entry ids finds them; nothing is allocated per sequence or per
 * {@link #add}.
 *
 * <p>Entries keep the order in which they were first added ({@link #forEach}). Cost: O(length)
 * an {@link #add} or {@link #get}; memory about 4 bytes a unit plus 24 bytes a distinct sequence.
 * Not thread-safe: one per thread, summed with {@link #addAll}.
 */
public final class SequenceTable {
  /** Receives one entry of {@link #forEach}. */
  @FunctionalInterface
  public interface Visitor {
    /**
     * Entry with units {@code units[from..from+length)} and {@code count}; the array is the
     * table's own, to be read and not kept.
     */
    void accept(int[] units, int from, int length, long count);
  }

  private int[] units = new int[1 << 10];
  private int used;
  /** Start of entry {@code i}'s units; {@code starts[size]} is {@link #used}. */
  private int[] starts = new int[1 << 6];
  private int[] hashes = new int[1 << 6];
  private long[] counts = new long[1 << 6];
  private int size;
  /** Entry id + 1 a slot, 0 if free; at most half full. */
  private int[] table = new int[1 << 7];
  private int mask = table.length - 1;

  /** Distinct sequences counted. */
  public int size() {
    return size;
  }

  /** Units of all distinct sequences together. */
  public long totalUnits() {
    return used;
  }

  /**
   * Adds {@code count} to the sequence {@code u[from..to)}.
   *
   * @throws IllegalArgumentException if the sequence is empty
   */
  public void add(int[] u, int from, int to, long count) {
    if (to <= from) {
      throw new IllegalArgumentException("empty sequence: from " + from + ", to " + to);
    }
    int h = hash(u, from, to);
    int slot = h & mask;
    for (int e; (e = table[slot]) != 0; slot = (slot + 1) & mask) {
      if (hashes[e - 1] == h && equal(e - 1, u, from, to)) {
        counts[e - 1] += count;
        return;
      }
    }
    table[slot] = append(u, from, to, h, count) + 1;
    if (2 * size > table.length) {
      rehash(table.length * 2);
    }
  }

  /** The count of {@code u[from..to)}, 0 if it was never added. */
  public long get(int[] u, int from, int to) {
    if (to <= from) {
      return 0;
    }
    int h = hash(u, from, to);
    for (int slot = h & mask, e; (e = table[slot]) != 0; slot = (slot + 1) & mask) {
      if (hashes[e - 1] == h && equal(e - 1, u, from, to)) {
        return counts[e - 1];
      }
    }
    return 0;
  }

  /** Visits every entry, in the order the sequences were first added. */
  public void forEach(Visitor visitor) {
    for (int i = 0; i < size; i++) {
      visitor.accept(units, starts[i], starts[i + 1] - starts[i], counts[i]);
    }
  }

  /**
   * Adds every count of {@code other} to this table; its new sequences are appended in
   * {@code other}'s order. Cost: O(units of {@code other}).
   */
  public void addAll(SequenceTable other) {
    ensureCapacity(size + other.size, used + other.used);
    for (int i = 0; i < other.size; i++) {
      add(other.units, other.starts[i], other.starts[i + 1], other.counts[i]);
    }
  }

  private void ensureCapacity(int entries, int totalUnits) {
    growArrays(entries, totalUnits);
    int slots = table.length;
    while (2 * entries > slots) {
      slots *= 2;
    }
    if (slots > table.length) {
      rehash(slots);
    }
  }

  /** Room for {@code entries} entries of {@code totalUnits} units; the slot table unchanged. */
  private void growArrays(int entries, int totalUnits) {
    if (totalUnits > units.length) {
      units = Arrays.copyOf(units, Math.max(totalUnits, units.length * 2));
    }
    if (entries + 1 > starts.length) {
      int n = Math.max(entries + 1, starts.length * 2);
      starts = Arrays.copyOf(starts, n);
      hashes = Arrays.copyOf(hashes, n);
      counts = Arrays.copyOf(counts, n);
    }
  }

  private int append(int[] u, int from, int to, int h, long count) {
    growArrays(size + 1, used + (to - from));
    System.arraycopy(u, from, units, used, to - from);
    starts[size] = used;
    hashes[size] = h;
    counts[size] = count;
    used += to - from;
    starts[size + 1] = used;
    return size++;
  }

  private boolean equal(int e, int[] u, int from, int to) {
    int s = starts[e];
    return starts[e + 1] - s == to - from && Arrays.equals(units, s, s + (to - from), u, from, to);
  }

  private void rehash(int slots) {
    int[] t = new int[slots];
    int m = slots - 1;
    for (int i = 0; i < size; i++) {
      int slot = hashes[i] & m;
      while (t[slot] != 0) {
        slot = (slot + 1) & m;
      }
      t[slot] = i + 1;
    }
    table = t;
    mask = m;
  }

  private static int hash(int[] u, int from, int to) {
    long h = to - from;
    for (int i = from; i < to; i++) {
      h = HashCommon.mix(h + u[i]);
    }
    return (int) (h ^ (h >>> 32));
  }
}
