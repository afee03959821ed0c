package dev.ciku.domain;

import dev.ciku.corpus.UnitTable;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;

/**
 * A fixed set of strings as a trie over unit ids, for counting them in a stream of clauses: a hash
 * map from {@code (node, unit)} to the child node, and for each node the index of the string that
 * ends there. Walking it from every position of a clause finds every occurrence of every string,
 * at the cost of one hash look-up per matched unit (usually 1-3 per position).
 *
 * <p>Han units are their own ids; Latin units get ids from the {@link UnitTable} given to the
 * constructor, which must be the table the clauses are scanned with. Immutable after
 * construction; {@link #child} and {@link #terminal} are safe for concurrent reads.
 */
final class TermTrie {
  private final Long2IntOpenHashMap children;
  /** terminal[node] = string index + 1, 0 if no string ends at node. */
  private final int[] terminal;

  /**
   * Builds the trie of {@code strings} (split into units by {@link UnitTable#toUnits(String, boolean)}); strings
   * that are empty or hold something other than units are left out. Registers the Latin units of
   * the strings in {@code units}.
   */
  TermTrie(String[] strings, UnitTable units) {
    children = new Long2IntOpenHashMap(strings.length * 3);
    children.defaultReturnValue(0);
    int[] term = new int[1024];
    int nodes = 1;
    for (int t = 0; t < strings.length; t++) {
      int[] u = units.toUnits(strings[t], true);
      if (u == null || u.length == 0) {
        continue;
      }
      int node = 0;
      for (int id : u) {
        long key = key(node, id);
        int child = children.get(key);
        if (child == 0) {
          child = nodes++;
          children.put(key, child);
        }
        node = child;
      }
      if (node >= term.length) {
        term = Arrays.copyOf(term, Math.max(node + 1, term.length * 2));
      }
      term[node] = t + 1;
    }
    terminal = Arrays.copyOf(term, Math.max(nodes, 1));
  }

  /** The child of {@code node} (0 is the root) by unit {@code unit}, or 0 if there is none. */
  int child(int node, int unit) {
    return children.get(key(node, unit));
  }

  /** The index of the string ending at {@code node}, or -1. */
  int terminal(int node) {
    return terminal[node] - 1;
  }

  /** Calls {@code onTerm} with the index of every term that starts at {@code u[from]} and ends by {@code end}, shortest first. */
  void match(int[] u, int from, int end, java.util.function.IntConsumer onTerm) {
    int node = 0;
    for (int j = from; j < end; j++) {
      node = child(node, u[j]);
      if (node == 0) {
        return;
      }
      int t = terminal(node);
      if (t >= 0) {
        onTerm.accept(t);
      }
    }
  }

  private static long key(int node, int unit) {
    return ((long) node << 21) | unit;
  }
}
