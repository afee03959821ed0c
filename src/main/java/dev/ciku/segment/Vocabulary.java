package dev.ciku.segment;

import dev.ciku.corpus.BundledData;
import dev.ciku.corpus.Fields;
import dev.ciku.corpus.MalformedDataException;
import dev.ciku.corpus.NumberText;
import dev.ciku.corpus.Simplified;
import dev.ciku.corpus.TextLines;
import dev.ciku.score.WordTrie;
import it.unimi.dsi.fastutil.objects.Object2LongLinkedOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2LongMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * A segmentation vocabulary: words in canonical text ({@link Symbols}) with counts, in insertion
 * order. Reads {@code word<TAB>count}, {@code word count} and jieba's {@code word freq pos} lines
 * (a missing count means 1, and 0 too; a count that is not a number of 0 or more is an error
 * naming the line; a {@code word	count} header line, blank lines and {@code #} comments
 * are skipped; words with punctuation are dropped; words that become the same canonical text,
 * such as {@code 2000年} and {@code 1999年}, have their counts added).
 *
 * <p>Memory: one hash entry and one String per word. Not thread-safe for changes.
 */
public final class Vocabulary {
  /** Name of the embedded default vocabulary, under {@code dict/} and on the class path. */
  public static final String DEFAULT_NAME = "ciku-general.vocab.tsv";

  private final Object2LongLinkedOpenHashMap<String> counts = new Object2LongLinkedOpenHashMap<>();
  /** A line of the file read began with '{' (JSON lines, which this reader does not take). */
  private boolean sawJson;

  /** Callback for {@link #forEach}. */
  @FunctionalInterface
  public interface Entry {
    void accept(String word, long count);
  }

  /** Adds {@code count} to a word given in any form; ignored if it is not made of units. */
  public void add(String word, long count) {
    String c = Symbols.canonical(word);
    if (c != null && count > 0) {
      long old = counts.addTo(c, count);
      if (old > Long.MAX_VALUE - count) {
        counts.put(c, Long.MAX_VALUE); // saturated: two counts near 2^63 must not wrap
      }
    }
  }

  /** Count of a word (any form), 0 if absent. */
  public long count(String word) {
    String c = Symbols.canonical(word);
    return c == null ? 0 : counts.getLong(c);
  }

  /** Number of words. */
  public int size() {
    return counts.size();
  }

  /** Calls {@code action} for every word in order. */
  public void forEach(Entry action) {
    for (Object2LongMap.Entry<String> e : counts.object2LongEntrySet()) {
      action.accept(e.getKey(), e.getLongValue());
    }
  }

  /** The words sorted by count descending, then by text. */
  public List<String> sortedWords() {
    List<String> words = new ArrayList<>(counts.keySet());
    words.sort(Comparator.<String>comparingLong(counts::getLong).reversed()
        .thenComparing(Comparator.naturalOrder()));
    return words;
  }

  /** Reads a vocabulary file (or {@code -}), as {@link TextLines} reads: gzip decompressed. */
  public static Vocabulary load(Path path) throws IOException {
    return load(path, m -> { });
  }

  /** As {@link #load(Path)}; {@code warnings} receives a warning about malformed bytes. */
  public static Vocabulary load(Path path, Consumer<String> warnings) throws IOException {
    if (!TextLines.isStdin(path) && !Files.exists(path)) {
      throw new NoSuchFileException(path.toString(), null, "no such vocabulary file");
    }
    Vocabulary v;
    boolean json;
    try (TextLines lines = TextLines.open(path, warnings)) {
      v = read(lines);
      json = v.size() == 0 && v.sawJson;
    }
    if (v.size() == 0) {
      String name = TextLines.isStdin(path) ? "standard input" : path.toString();
      throw new MalformedDataException(name, json
          ? "holds JSON lines, not a vocabulary: write it with 'ciku vocab --format tsv'"
          : "holds no words ('word count' lines of Han, Latin or digit text)");
    }
    return v;
  }

  /** Reads vocabulary lines from a UTF-8 (or gzip) stream, closed when done. */
  public static Vocabulary read(InputStream in) throws IOException {
    try (TextLines lines = TextLines.of(in, "vocabulary", m -> { })) {
      return read(lines);
    }
  }

  private static Vocabulary read(TextLines r) throws IOException {
    Vocabulary v = new Vocabulary();
    String line;
    while ((line = r.readLine()) != null) {
      // Fields by hand (a regex split per line was most of the start-up of 'ciku segment').
      int end = Fields.trimmedEnd(line);
      int from = Fields.skipBlanks(line, 0, end);
      if (from == end || line.charAt(from) == '#') {
        continue;
      }
      v.sawJson |= line.charAt(from) == '{';
      int wordEnd = Fields.fieldEnd(line, from, end);
      String word = line.substring(from, wordEnd);
      int countFrom = Fields.skipBlanks(line, wordEnd, end);
      int countEnd = countFrom < end ? Fields.fieldEnd(line, countFrom, end) : end;
      String count = countFrom < end ? line.substring(countFrom, countEnd) : null;
      if (word.equals("word") && "count".equals(count)) {
        continue;
      }
      // jieba's user dictionaries may leave the frequency out: 'word tag' (凱特琳 nz).
      boolean tagOnly = count != null && isTag(count)
          && Fields.skipBlanks(line, countEnd, end) == end;
      long c = count == null || tagOnly ? 1 : parseCount(count);
      if (c < 0) {
        throw new MalformedDataException(r.name(), r.lineNumber(), "the count of " + word
            + " is '" + count + "', not a number of 0 or more ('word count' lines, or jieba's"
            + " 'word freq pos')");
      }
      v.add(word, Math.max(1, c));
    }
    return v;
  }

  /** Whether {@code s} is a part-of-speech tag as jieba reads them: lower-case ASCII letters. */
  private static boolean isTag(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < 'a' || ch > 'z') {
        return false;
      }
    }
    return !s.isEmpty();
  }

  /** A count: an integer, or a decimal rounded; -1 for anything else (1,000, -5, NaN, 3个). */
  private static long parseCount(String s) {
    boolean digits = !s.isEmpty() && s.length() < 19;
    for (int i = 0; i < s.length() && digits; i++) {
      digits = s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }
    if (digits) {
      return Long.parseLong(s);
    }
    if (!NumberText.isUnsignedDecimal(s)) {
      return -1;
    }
    double d = Double.parseDouble(s);
    return Double.isFinite(d) ? Math.round(d) : Long.MAX_VALUE;
  }

  /**
   * The embedded default vocabulary: {@code dict/ciku-general.vocab.tsv} beside the jar (so an
   * edited file takes effect without rebuilding), else the copy on the class path
   * ({@link BundledData}).
   */
  public static Vocabulary loadDefault() throws IOException {
    try (InputStream in = BundledData.open("dict/" + DEFAULT_NAME)) {
      if (in == null) {
        throw new NoSuchFileException("dict/" + DEFAULT_NAME, null,
            "the embedded vocabulary is missing from this build; give --vocab FILE");
      }
      return read(in);
    }
  }

  /** Writes {@code word<TAB>count} lines (or {@code word count} when {@code space}), best first. */
  public void write(Writer out, boolean space, int limit) throws IOException {
    int n = 0;
    for (String w : sortedWords()) {
      if (n++ >= limit) {
        break;
      }
      out.write(w);
      out.write(space ? ' ' : '\t');
      out.write(Long.toString(counts.getLong(w)));
      out.write('\n');
    }
  }

  /**
   * A trie over {@link Symbols} holding every word with its count, its Han characters folded by
   * {@code fold} unless it is null; words that fold to the same symbols add their counts (a
   * vocabulary holding 這 and 这 gets one word 这). Words with no symbol are left out. Cost: one
   * insertion a word; the trie is new and this vocabulary unchanged.
   */
  public WordTrie trie(Simplified fold) {
    WordTrie t = new WordTrie(Symbols.LIMIT);
    forEach((word, count) -> {
      int[] s = Symbols.toSymbols(word);
      if (s != null && fold != null) {
        for (int i = 0; i < s.length; i++) {
          s[i] = s[i] < Symbols.NUM ? fold.codePoint(s[i]) : s[i];
        }
      }
      if (s != null && count > 0) {
        int node = t.insert(s, 0, s.length);
        t.setCount(node, t.count(node) + count);
      }
    });
    return t;
  }
}
