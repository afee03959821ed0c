package dev.ciku.segment;

import dev.ciku.corpus.Simplified;
import dev.ciku.corpus.UnitPolicy;
import dev.ciku.score.WordTrie;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Unigram maximum-probability (minimum total information) segmentation of raw text over a
 * {@link WordTrie}: a word's score is {@code ln(count/total)}; an unknown single symbol scores as
 * count 1; the dynamic programme picks the path with the highest total score.
 *
 * <h2>Tokens</h2>
 * <ul>
 *   <li>Runs of Han characters and Latin runs are segmented by the vocabulary. A Latin run (the
 *       units of {@link UnitPolicy}: letters, digits, {@code .}/{@code -} between them; full-width
 *       forms included) is one symbol ({@link Symbols#NUM} or {@link Symbols#ALPHA}), never split,
 *       and may join Han characters when the vocabulary has such a word ({@code 0年} makes
 *       {@code 2000年} one word). A number directly followed by {@code %}, {@code ％} or
 *       {@code ‰} keeps the sign.</li>
 *   <li>A URL ({@code http:}, {@code https:} or {@code ftp:} and the printable ASCII after it,
 *       as {@link UnitPolicy} defines it) is one token, and so are an e-mail address
 *       ({@code foo.bar@example.com}, {@link #mailEnd}) and an HTML character reference
 *       left in the text ({@code &amp;}, {@code &#183;}). A letter run keeps a {@code ++} after
 *       it, and a single letter a {@code #} ({@code C++}, {@code C#}: names of languages).</li>
 *   <li>Any other character (punctuation, symbols, emoji, kana) is a token by itself, with the
 *       characters {@link Graphemes} says belong to it (👍🏽, 👨‍👩‍👧, 🇨🇳, ❤️ are one token each; an
 *       accent written as a combining mark stays with its letter), except that a run of dashes
 *       {@code —}/{@code ―} or of ellipsis characters {@code …} is one token ({@code ——},
 *       {@code ……}: one punctuation mark each in Chinese typography, GB/T 15834).
 *       Hyphens ({@code -}, {@code －}) and everything else are one token per character.</li>
 *   <li>Whitespace (including U+3000, tabs and a carriage return) is copied as it is and stands
 *       in for the separator: no separator is written next to it. So removing the separators
 *       that ciku inserted gives back the input exactly, and whitespace is never doubled.</li>
 * </ul>
 * Characters are written exactly as read (surrogate pairs, full-width forms, case).
 *
 * <p>A line may be fed in pieces ({@link Worker#process}). Where a piece ends inside a URL or a
 * Latin run (a stream cut a line there, having found no place between tokens), its part of the
 * run is a token, and the part in the next piece is one too if the worker is told so
 * ({@link Carry}, {@link Worker#resume}): the rest of the run is never read as other tokens.
 *
 * <p>Cost: O(n · maxWordLength) trie steps per line, no allocation per character. The segmenter
 * is immutable and thread-safe; each thread uses its own {@link Worker}.
 */
public final class Segmenter {
  private final WordTrie trie;
  private final String separator;
  private final Simplified fold;

  /**
   * A segmenter that reads traditional and simplified characters alike: the vocabulary's words
   * and the text's characters are compared folded to simplified ({@link Simplified}), so a
   * simplified vocabulary segments traditional text (the text is written out as it was read).
   *
   * @param vocabulary the words and counts
   * @param separator written between words (e.g. a space)
   */
  public Segmenter(Vocabulary vocabulary, String separator) {
    this(vocabulary.trie(Simplified.bundled()), separator, Simplified.bundled());
  }

  /**
   * Wraps an already built trie, whose symbols are compared with the text's as they are (no
   * folding); its scores are (re)computed here and it must not change after.
   */
  public Segmenter(WordTrie trie, String separator) {
    this(trie, separator, null);
  }

  private Segmenter(WordTrie trie, String separator, Simplified fold) {
    if (trie.words() == 0) {
      throw new IllegalArgumentException("the vocabulary is empty");
    }
    this.trie = trie;
    this.separator = separator;
    this.fold = fold;
    trie.computeScores(1.0);
  }

  /** A new worker (one per thread). */
  public Worker worker() {
    return new Worker();
  }

  /**
   * What a piece of a line leaves to the next piece of the same line ({@link Worker#carry}): the
   * kind of token that reaches its end and may go on in the next piece, which then starts with
   * the rest of that token ({@link Worker#resume}).
   */
  public enum Carry {
    /** The piece ends with a token that cannot go on (or with none). */
    NONE,
    /** A URL: the printable ASCII characters that start the next piece are the rest of it. */
    URL,
    /**
     * A Latin run with a letter: the Latin characters (with combining marks, and {@code .} or
     * {@code -} between them) that start the next piece are the rest of it.
     */
    LETTERS,
    /** A Latin run of digits only: as {@link #LETTERS}, and it may keep a {@code %} after it. */
    DIGITS
  }

  /** Segments one line (no line break inside) and returns the words; for tests and small inputs. */
  public List<String> words(String line) {
    Worker w = new Worker();
    List<String> out = new ArrayList<>();
    w.tokens = out;
    char[] a = line.toCharArray();
    w.process(a, 0, a.length);
    return out;
  }

  /** Segments one line and returns it with separators. */
  public String segmentLine(String line) {
    Worker w = new Worker();
    char[] a = line.toCharArray();
    w.process(a, 0, a.length);
    return new String(w.out, 0, w.outLength);
  }

  /**
   * End of the sign that a letter run {@code text[start..i)} keeps after it: {@code ++} not
   * followed by a third {@code +} ({@code C++}, {@code Notepad++}), or {@code #} after a single
   * ASCII letter when no Latin character follows ({@code C#}, {@code F#}; not the hashtag of
   * {@code #iPhone#}). {@code i} if there is none.
   */
  private static int languageSign(char[] text, int start, int i, int to) {
    if (i + 1 < to && text[i] == '+' && text[i + 1] == '+' && (i + 2 == to || text[i + 2] != '+')) {
      return i + 2;
    }
    if (i < to && text[i] == '#' && i - start == 1 && isAsciiLetter(text[start])
        && (i + 1 == to || !UnitPolicy.isLatin(UnitPolicy.normalize(text[i + 1])))) {
      return i + 1;
    }
    return i;
  }

  /**
   * End of the e-mail address that starts at {@code text[start]} (an ASCII letter or digit):
   * a local part of ASCII letters, digits and {@code . _ % + -} that does not end with a dot,
   * {@code @}, then at least two labels of ASCII letters, digits and inner hyphens joined by
   * single dots, the last taken being at least two letters ({@code foo.bar@example.com.cn}; a
   * sentence's full stop after it is not part of it). 0 if there is none. Cost: one pass over
   * the characters up to the first that cannot be in an address.
   */
  static int mailEnd(char[] text, int start, int to) {
    int j = start;
    while (j < to && (isAsciiLetterOrDigit(text[j]) || (j > start && isLocalSign(text[j])))) {
      j++;
    }
    if (j == start || j + 1 >= to || text[j] != '@' || text[j - 1] == '.') {
      return 0;
    }
    int k = j + 1;
    int labels = 0;
    int end = 0;
    while (k < to && isAsciiLetterOrDigit(text[k])) {
      int label = k;
      boolean letters = true;
      while (k < to && (isAsciiLetterOrDigit(text[k])
          || (text[k] == '-' && k + 1 < to && isAsciiLetterOrDigit(text[k + 1])))) {
        letters &= isAsciiLetter(text[k]);
        k++;
      }
      labels++;
      if (labels >= 2 && letters && k - label >= 2) {
        end = k;
      }
      if (k + 1 < to && text[k] == '.' && isAsciiLetterOrDigit(text[k + 1])) {
        k++;
      } else {
        break;
      }
    }
    return end;
  }

  private static boolean isLocalSign(char c) {
    return c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  }

  private static boolean isAsciiLetter(char c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9');
  }

  /**
   * Per-thread state: work arrays and an output buffer. Feed a line in one or more pieces with
   * {@link #process} (pieces cut between tokens, e.g. after punctuation or whitespace, segment as
   * the whole line; a piece cut inside a URL or Latin run ends that run there, and the next piece
   * goes on with the rest of it as a token of its own when {@link #resume} passes it
   * {@link #carry}), write the buffer with {@link #drain}, call {@link #endLine} at each line end.
   * Not thread-safe.
   */
  public final class Worker {
    private int[] symbols = new int[1024];
    private int[] spanEnd = new int[1024];
    private int runLength;
    private int runStart;
    private double[] best = new double[1025];
    private int[] back = new int[1025];
    private int[] ends = new int[1024];
    private char[] out = new char[1 << 16];
    private int outLength;
    private boolean separate;
    private List<String> tokens;
    /** What the next piece starts inside ({@link #resume}). */
    private Carry resumed = Carry.NONE;
    /** What the last piece ended inside ({@link #carry}). */
    private Carry carried = Carry.NONE;
    /** Tokens are found but neither segmented nor written ({@link #scan}). */
    private boolean scanOnly;

    private Worker() {}

    /**
     * Segments {@code text[from..to)} into the output buffer. It starts inside the token that
     * {@link #resume} named, if any; {@link #carry} then tells what its end is inside.
     */
    public void process(char[] text, int from, int to) {
      int i = from;
      runLength = 0;
      Carry in = resumed;
      resumed = Carry.NONE;
      carried = Carry.NONE;
      if (in == Carry.URL) {
        i = urlRest(text, from, to);
      } else if (in != Carry.NONE) {
        i = latin(text, from, to, true, in == Carry.LETTERS);
      }
      while (i < to) {
        char c = text[i];
        int cp = c;
        int len = 1;
        if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text[i + 1])) {
          cp = Character.toCodePoint(c, text[i + 1]);
          len = 2;
        }
        int n = UnitPolicy.normalize(cp);
        if (UnitPolicy.isHan(n)) {
          int end = Graphemes.clusterEnd(text, i + len, to);
          addSymbol(text, i, fold == null ? n : fold.codePoint(n), end);
          i = end;
        } else if (UnitPolicy.isLatin(n)) {
          i = latin(text, i, to, false, false);
        } else if (n == ' ' || Character.isWhitespace(n) || Character.isSpaceChar(n)
            || UnitPolicy.isInvisible(n)) {
          // Whitespace, and an invisible code point that follows no character (a U+FEFF that
          // starts a line), are copied with no separator next to them.
          if (!scanOnly) {
            flushRun(text);
            ensureOut(len);
            out[outLength++] = c;
            if (len == 2) {
              out[outLength++] = text[i + 1];
            }
            separate = false;
          }
          i += len;
        } else {
          flushRun(text);
          int j = i + len;
          if (c == '&') {
            j = Math.max(j, entityEnd(text, i, to));
          } else if (isRunPunctuation(c)) {
            while (j < to && text[j] == c) {
              j++;
            }
          } else if (Graphemes.isRegionalIndicator(cp) && j < to
              && Graphemes.isRegionalIndicator(Graphemes.codePointAt(text, j, to))) {
            j += 2;
          }
          j = Graphemes.clusterEnd(text, j, to);
          emit(text, i, j);
          i = j;
        }
      }
      flushRun(text);
    }

    /**
     * End of the HTML character reference at {@code text[i]} ('&'): an optional '#', 1 to
     * {@link UnitPolicy#MAX_ENTITY_LENGTH} ASCII letters or digits, then ';', and after
     * {@code &amp;} the rest of a twice-escaped reference ({@code &amp;quot;}). 0 if there is none.
     */
    private static int entityEnd(char[] text, int i, int to) {
      int end = 0;
      int j = i + 1;
      while (true) {
        if (j < to && text[j] == '#') {
          j++;
        }
        int start = j;
        while (j < to && j - start <= UnitPolicy.MAX_ENTITY_LENGTH && text[j] < 0x80
            && Character.isLetterOrDigit(text[j])) {
          j++;
        }
        if (j == start || j - start > UnitPolicy.MAX_ENTITY_LENGTH || j >= to || text[j] != ';') {
          return end;
        }
        end = ++j;
        if (!UnitPolicy.isAmp(java.nio.CharBuffer.wrap(text, start, end - 1 - start))) {
          return end;
        }
      }
    }

    private static boolean isRunPunctuation(char c) {
      return c == '\u2014' || c == '\u2026' || c == '\u2015' || c == '\u2E3A' || c == '\u2E3B';
    }

    /**
     * What {@link #process} does with {@code text[from..to)}, started inside the token
     * {@code carry} names, without segmenting or writing anything: the {@link #carry} that it
     * leaves. For a reader that must tell the next piece where it starts before this one is
     * segmented. Cost: one pass over the tokens, none if the last character cannot end a URL or
     * Latin run; no allocation. The worker's output and carry are left as they were.
     */
    public Carry scan(char[] text, int from, int to, Carry carry) {
      if (from == to) {
        return carry;
      }
      char last = text[to - 1];
      int n = UnitPolicy.normalize(last);
      if (!UnitPolicy.isUrlChar(last) && !UnitPolicy.isLatin(n) && !Graphemes.isExtender(n)) {
        // A URL ends with a printable ASCII character, a Latin run with a Latin character or
        // a combining mark: no token that may go on ends here.
        return Carry.NONE;
      }
      Carry ownResumed = resumed;
      Carry ownCarried = carried;
      scanOnly = true;
      try {
        resumed = carry;
        process(text, from, to);
        return carried;
      } finally {
        scanOnly = false;
        resumed = ownResumed;
        carried = ownCarried;
      }
    }

    /**
     * The next {@link #process} starts inside a token of kind {@code carry}: the {@link #carry}
     * of the piece before it, when a stream cut the line between them.
     */
    public void resume(Carry carry) {
      resumed = carry;
    }

    /**
     * The kind of token the last piece given to {@link #process} ended inside: its last token
     * reaches the piece's end and may go on ({@link Carry}).
     */
    public Carry carry() {
      return carried;
    }

    /** The rest of a URL cut before {@code text[from]}: one token, if it holds a character. */
    private int urlRest(char[] text, int from, int to) {
      int end = from;
      while (end < to && UnitPolicy.isUrlChar(text[end])) {
        end++;
      }
      if (end > from) {
        emit(text, from, end);
        if (end == to) {
          carried = Carry.URL;
        }
      }
      return end;
    }

    /**
     * The Latin run (or URL) at {@code text[i]}; or, if {@code continued}, the rest of a run cut
     * before {@code text[i]} (a letter in its first part if {@code letterBefore}), which may be
     * empty and is never read as a URL scheme.
     */
    private int latin(char[] text, int i, int to, boolean continued, boolean letterBefore) {
      int start = i;
      boolean letter = letterBefore;
      boolean lastLatin = continued;
      while (i < to) {
        int n = UnitPolicy.normalize(text[i]);
        if (UnitPolicy.isLatin(n)) {
          letter |= !Symbols.isDigit(n);
          lastLatin = true;
          i++;
        } else if (lastLatin && Graphemes.isExtender(n)) {
          // an accent written as a combining mark (e + U+0301) stays with its letter
          i++;
        } else if (lastLatin && UnitPolicy.isLatinJoiner(n) && i + 1 < to
            && UnitPolicy.isLatin(UnitPolicy.normalize(text[i + 1]))) {
          lastLatin = false;
          i++;
        } else {
          break;
        }
      }
      if (i == start) {
        return i; // a cut run that does not go on here
      }
      if (!continued) {
        int mail = mailEnd(text, start, to);
        if (mail > 0) {
          flushRun(text);
          emit(text, start, mail);
          carried = mail == to ? Carry.LETTERS : Carry.NONE;
          return mail;
        }
      }
      // The run reaches the end of the piece: it may go on in the next one.
      Carry open = i < to ? Carry.NONE : letter ? Carry.LETTERS : Carry.DIGITS;
      if (!letter && i < to && (text[i] == '%' || text[i] == '％' || text[i] == '‰')) {
        i++;
      }
      if (!continued && letter && i + 1 < to && text[i] == ':' && UnitPolicy.isUrlChar(text[i + 1])
          && UnitPolicy.isUrlScheme(java.nio.CharBuffer.wrap(text, start, i - start))) {
        int end = i + 2;
        while (end < to && UnitPolicy.isUrlChar(text[end])) {
          end++;
        }
        flushRun(text);
        emit(text, start, end);
        if (end == to) {
          carried = Carry.URL;
        }
        return end;
      }
      int sign = letter ? languageSign(text, start, i, to) : i;
      addSymbol(text, start, letter ? Symbols.ALPHA : Symbols.NUM, sign);
      carried = open;
      return sign;
    }

    private void addSymbol(char[] text, int start, int symbol, int end) {
      if (scanOnly) {
        return;
      }
      if (runLength == 0) {
        runStart = start;
      }
      if (runLength == symbols.length) {
        int n = symbols.length * 2;
        symbols = java.util.Arrays.copyOf(symbols, n);
        spanEnd = java.util.Arrays.copyOf(spanEnd, n);
        ends = new int[n];
        best = new double[n + 1];
        back = new int[n + 1];
      }
      symbols[runLength] = symbol;
      spanEnd[runLength++] = end;
    }

    private void flushRun(char[] text) {
      if (runLength == 0) {
        return;
      }
      int k = trie.bestPath(symbols, 0, runLength, best, back, ends);
      int start = runStart;
      for (int e = 0; e < k; e++) {
        int end = spanEnd[ends[e] - 1];
        emit(text, start, end);
        start = end;
      }
      runLength = 0;
    }

    private void emit(char[] text, int from, int to) {
      if (scanOnly) {
        return;
      }
      if (tokens != null) {
        tokens.add(new String(text, from, to - from));
      }
      ensureOut(separator.length() + to - from);
      if (separate) {
        for (int i = 0; i < separator.length(); i++) {
          out[outLength++] = separator.charAt(i);
        }
      }
      System.arraycopy(text, from, out, outLength, to - from);
      outLength += to - from;
      separate = true;
    }

    private void ensureOut(int more) {
      if (outLength + more > out.length) {
        out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, outLength + more));
      }
    }

    /** Ends a line: appends {@code \n} and resets the separator state and the carry. */
    public void endLine() {
      ensureOut(1);
      out[outLength++] = '\n';
      separate = false;
      resumed = Carry.NONE;
      carried = Carry.NONE;
    }

    /**
     * Starts a line, or the continuation of one ({@code separate}: a word was just written), not
     * inside a token ({@link #resume} may follow).
     */
    public void resetLine(boolean separate) {
      this.separate = separate;
      resumed = Carry.NONE;
    }

    private int taken;

    /**
     * Hands the output buffer over (the caller owns it; its length is {@link #takenLength}) and
     * starts a fresh one.
     */
    public char[] takeOutput() {
      char[] o = out;
      taken = outLength;
      out = new char[Math.max(1 << 12, outLength + (outLength >> 3))];
      outLength = 0;
      return o;
    }

    /** Length of the buffer last returned by {@link #takeOutput}. */
    public int takenLength() {
      return taken;
    }

    /** Writes and clears the output buffer. */
    public void drain(Writer w) throws IOException {
      w.write(out, 0, outLength);
      outLength = 0;
    }

    /** Characters waiting in the output buffer. */
    public int pending() {
      return outLength;
    }
  }
}
