package dev.ciku.discover;

import java.util.Arrays;

/**
 * A set of strings in three arrays: their characters one after another, where each starts, and
 * an open-addressing table of indexes. A lexicon of 350,000 words is then four objects instead
 * of about a million (strings, their arrays, hash nodes), which the garbage collector would
 * trace for the rest of the run.
 *
 * <p>Cost: {@link #add} and {@link #contains} hash the string and compare characters, O(length);
 * the table doubles when half full. Not thread-safe while it is filled; safe to read from many
 * threads once filled.
 */
final class WordSet {
  private char[] chars = new char[1 << 12];
  /** Start of word i in {@link #chars}; {@code starts[size]} is the end of the last word. */
  private int[] starts = new int[1 << 10];
  /** Index + 1 of the word in each slot, 0 for an empty slot. */
  private int[] slots = new int[1 << 11];
  private int size;

  /** Adds {@code word}; returns whether it was not there yet. */
  boolean add(CharSequence word) {
    int slot = find(word);
    if (slots[slot] != 0) {
      return false;
    }
    int n = word.length();
    int used = starts[size];
    if (used + n > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + n));
    }
    for (int i = 0; i < n; i++) {
      chars[used + i] = word.charAt(i);
    }
    if (size + 2 > starts.length) {
      starts = Arrays.copyOf(starts, starts.length * 2);
    }
    starts[size + 1] = used + n;
    slots[slot] = ++size;
    if (size * 2 > slots.length) {
      rehash();
    }
    return true;
  }

  /** Whether {@code word} was added. */
  boolean contains(CharSequence word) {
    return slots[find(word)] != 0;
  }

  /** Number of distinct words. */
  int size() {
    return size;
  }

  /** The slot holding {@code word}, or the empty slot where it would go. */
  private int find(CharSequence word) {
    int mask = slots.length - 1;
    int n = word.length();
    int h = 0;
    for (int i = 0; i < n; i++) {
      h = 31 * h + word.charAt(i);
    }
    for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
      int e = slots[slot];
      if (e == 0 || equal(e - 1, word, n)) {
        return slot;
      }
    }
  }

  private boolean equal(int index, CharSequence word, int n) {
    int from = starts[index];
    if (starts[index + 1] - from != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (chars[from + i] != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void rehash() {
    int[] next = new int[slots.length * 2];
    int mask = next.length - 1;
    for (int i = 0; i < size; i++) {
      int h = 0;
      for (int c = starts[i]; c < starts[i + 1]; c++) {
        h = 31 * h + chars[c];
      }
      int slot = mix(h) & mask;
      while (next[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      next[slot] = i + 1;
    }
    slots = next;
  }

  /** The bits of a polynomial string hash mixed (MurmurHash3's finaliser), so probing spreads. */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }
}
