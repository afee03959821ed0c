package dev.ciku.segment;

import dev.ciku.corpus.UnitPolicy;
import dev.ciku.corpus.UnitTable;
import dev.ciku.score.WordTrie;

/**
 * The alphabet the vocabulary learner and the segmenter share. A <em>symbol</em> is one Han code
 * point (after {@link UnitPolicy#normalize}) or one Latin unit of {@link UnitPolicy}, collapsed to
 * a class: {@link #NUM} for a run of digits (with {@code .} or {@code -} joiners, optionally
 * followed by {@code %}, {@code ％} or {@code ‰} in the segmenter) and {@link #ALPHA} for any
 * other Latin run. So {@code 2000年}, {@code １９９８年} and {@code 31年} are all the word
 * {@code NUM 年}, which a vocabulary can learn once.
 *
 * <p>In vocabulary files a word is written in <em>canonical text</em>: Han characters as
 * themselves, {@link #NUM} as {@code 0} and {@link #ALPHA} as {@code A}; so {@code 0年} means
 * "a number followed by 年" and {@code A股} "a Latin word followed by 股". Loading a dictionary
 * written with real digits or letters ({@code 2000年}, {@code B股}) maps them to the same form.
 *
 * <p>Static, allocation-free except {@link #toSymbols}/{@link #text}, thread-safe.
 */
public final class Symbols {
  /** Symbol of a run of digits. */
  public static final int NUM = UnitTable.LATIN_BASE;
  /** Symbol of any other Latin run. */
  public static final int ALPHA = UnitTable.LATIN_BASE + 1;
  /** One past the largest symbol. */
  public static final int LIMIT = UnitTable.LATIN_BASE + 2;

  private Symbols() {}

  /** True for a digit (ASCII or full-width). */
  public static boolean isDigit(int normalizedCp) {
    return normalizedCp >= '0' && normalizedCp <= '9';
  }

  /** The class of a Latin unit text: {@link #NUM} if it has no letter, else {@link #ALPHA}. */
  public static int latinClass(CharSequence unit) {
    for (int i = 0; i < unit.length(); i++) {
      char c = unit.charAt(i);
      if (c != '.' && c != '-' && !isDigit(UnitPolicy.normalize(c))) {
        return ALPHA;
      }
    }
    return NUM;
  }

  /**
   * Splits a word into symbols, or returns null if it is not made of units only (punctuation,
   * spaces, symbols). Latin runs become {@link #NUM} or {@link #ALPHA}; invisible characters
   * (a zero-width space) are skipped, as in text.
   */
  public static int[] toSymbols(String word) {
    int[] out = new int[word.length()];
    int n = 0;
    int i = 0;
    int len = word.length();
    while (i < len) {
      int raw = word.codePointAt(i);
      if (UnitPolicy.isInvisible(raw)) {
        // Skipped as in text (a zero-width space): the word is what a text holding it reads as.
        i += Character.charCount(raw);
        continue;
      }
      int cp = UnitPolicy.normalize(raw);
      if (UnitPolicy.isHan(cp)) {
        out[n++] = cp;
        i += Character.charCount(raw);
        continue;
      }
      if (!UnitPolicy.isLatin(cp)) {
        return null;
      }
      boolean letter = false;
      int j = i;
      while (j < len) {
        int r = word.codePointAt(j);
        int c = UnitPolicy.normalize(r);
        if (UnitPolicy.isLatin(c)) {
          letter |= !isDigit(c);
          j += Character.charCount(r);
        } else if (UnitPolicy.isInvisible(r)) {
          j += Character.charCount(r);
        } else if (UnitPolicy.isLatinJoiner(c) && j + 1 < len
            && UnitPolicy.isLatin(UnitPolicy.normalize(word.codePointAt(j + 1)))) {
          j++;
        } else {
          break;
        }
      }
      out[n++] = letter ? ALPHA : NUM;
      i = j;
    }
    return n == 0 ? null : java.util.Arrays.copyOf(out, n);
  }

  /** Canonical text of {@code symbols[from..to)}. */
  public static String text(int[] symbols, int from, int to) {
    StringBuilder sb = new StringBuilder((to - from) * 2);
    for (int i = from; i < to; i++) {
      appendSymbol(sb, symbols[i]);
    }
    return sb.toString();
  }

  /** Appends the canonical text of one symbol. */
  public static void appendSymbol(StringBuilder sb, int symbol) {
    if (symbol == NUM) {
      sb.append('0');
    } else if (symbol == ALPHA) {
      sb.append('A');
    } else {
      sb.appendCodePoint(symbol);
    }
  }

  /** Canonical text of a word given in any form ({@code 2000年} becomes {@code 0年}), or null. */
  public static String canonical(String word) {
    int[] s = toSymbols(word);
    return s == null ? null : text(s, 0, s.length);
  }

  /** Number of symbols of a canonical word. */
  public static int length(String canonicalWord) {
    return canonicalWord.codePointCount(0, canonicalWord.length());
  }

  /** Canonical text of the word at {@code node} of a trie over these symbols. */
  public static String text(WordTrie trie, int node) {
    int[] p = new int[trie.depth(node)];
    trie.path(node, p);
    return text(p, 0, p.length);
  }
}
