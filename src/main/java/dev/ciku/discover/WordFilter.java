package dev.ciku.discover;

import dev.ciku.corpus.FunctionWords;
import dev.ciku.corpus.Simplified;
import dev.ciku.corpus.UnitPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Decides which discovered words a user does not want to see: words of known lexicons
 * ({@code --known}), and with {@code --new-only} the bundled general lexicon and stopwords, plus
 * function-word glue — a word that begins or ends with a one-character Han stopword (他的, 是在, 的一):
 * such strings are frequent juxtapositions of two words, not new words — and number expressions
 * ({@link NumberExpressions}: words with a number of digits, 2006年, 3个, 1.5亿, but not names
 * such as 5G, H7N9 or iPhone7; Chinese numerals after 第 or before a measure word, 第六十四条,
 * 三十日, 三个月, 亿件, 一万元以上, but not 十五五 or 三星) and the tails of counts (个月, 个百分点).
 * Every test compares simplified forms, so a traditional corpus loses the same words (萬人, 個月).
 * A word of ASCII letters is also looked up in lower case, so
 * the English function words of the stopword list (the, of, and) go whatever their case.
 * Immutable; thread-safe.
 */
public final class WordFilter {
  /** The bundled general lexicon of {@code --new-only}. */
  public static final String KNOWN_WORDS = "dict/known-words.txt.gz";

  /** The words of {@code --known}. */
  private final Lexicon known;
  /** With {@code --new-only}: the bundled general lexicon; else empty. */
  private final Lexicon bundled;
  /** With {@code --new-only}: the bundled stopwords; else empty. */
  private final Lexicon stopwords;

  private WordFilter(Lexicon known, Lexicon bundled, Lexicon stopwords) {
    this.known = known;
    this.bundled = bundled;
    this.stopwords = stopwords;
  }

  /**
   * The files of ciku's {@code dict/} that a filter made with {@code newOnly} reads: the
   * traditional-to-simplified table (every lexicon folds its words with it) and, with
   * {@code newOnly}, the general lexicon and the stopwords.
   */
  public static List<String> bundledData(boolean newOnly) {
    return newOnly ? List.of(Simplified.RESOURCE, KNOWN_WORDS, FunctionWords.FILE)
        : List.of(Simplified.RESOURCE);
  }

  /**
   * @param lexicons user lexicon files
   * @param newOnly also drop the bundled lexicon, stopwords and function-word glue
   * @param foldCase the corpus's Latin units are compared without case (by default and with
   *     {@code --lowercase}; not with {@code --keep-case}): lexicon words are compared with
   *     their Latin letters lower-cased, as are the words looked up (CPU finds cpu)
   */
  public static WordFilter create(List<Path> lexicons, boolean newOnly, boolean foldCase)
      throws IOException {
    return create(lexicons, newOnly, foldCase, m -> { });
  }

  /**
   * As {@link #create(List, boolean, boolean)}; {@code warnings} receives malformed-bytes
   * warnings.
   */
  public static WordFilter create(List<Path> lexicons, boolean newOnly, boolean foldCase,
      java.util.function.Consumer<String> warnings) throws IOException {
    Lexicon known = new Lexicon(foldCase);
    for (Path p : lexicons) {
      known.addFile(p, warnings);
    }
    Lexicon bundled = new Lexicon(foldCase);
    Lexicon stop = new Lexicon();
    if (newOnly) {
      if (!bundled.addResource("/" + KNOWN_WORDS)
          || !stop.addResource("/" + FunctionWords.FILE)) {
        throw new IOException("the bundled lexicon is missing from the jar");
      }
    }
    return new WordFilter(known, bundled, stop);
  }

  /**
   * Unit positions below which {@code --new-only} lists hold many fragments when the minimum count
   * is 2 or less: what the lexicon leaves of the rarest words is mostly pieces and phrases (a
   * quarter to a half of the top 100 from 150 KB of reviews or news, a tenth from 30 MB).
   */
  public static final long SMALL_CORPUS = 300_000;

  /**
   * A warning for a {@code --new-only} list of a corpus of {@code positions} unit positions read
   * with minimum count {@code minCount}, or null if the corpus is large enough (see
   * {@link #SMALL_CORPUS}) or the minimum count 3 or more.
   */
  public static String smallCorpusWarning(long positions, long minCount) {
    if (positions <= 0 || positions >= SMALL_CORPUS || minCount > 2) {
      return null;
    }
    return String.format(java.util.Locale.ROOT, "the corpus has only %,d units (fewer than"
        + " %,d): with the minimum count at %d, its --new-only list holds many fragments and"
        + " phrases seen only a few times; read it from the top, or raise --min-count to 3",
        positions, SMALL_CORPUS, minCount);
  }

  /** True if {@code word} should be reported. */
  public boolean accepts(String word) {
    return rejection(word) == null;
  }

  /**
   * Why {@code word} is not reported, as a phrase for {@code --explain} ("listed by --known", "a
   * number expression (--new-only)", ...), or null if it is reported.
   */
  public String rejection(String word) {
    if (known.contains(word)) {
      return "listed by --known";
    }
    if (bundled.contains(word)) {
      return "a word of ciku's general lexicon (--new-only: " + KNOWN_WORDS + ")";
    }
    if (stopwords.contains(word) || (stopwords.size() > 0 && isAsciiLetters(word)
        && stopwords.contains(word.toLowerCase(java.util.Locale.ROOT)))) {
      return "a stopword (--new-only: " + FunctionWords.FILE + ")"; // The, OF too
    }
    if (stopwords.size() == 0 || word.isEmpty()) {
      return null;
    }
    // The numerals and measure words are listed in simplified script: 萬人 and 個月 as 万人, 个月.
    String simple = Simplified.bundled().fold(word);
    if (NumberExpressions.hasDigits(simple) || NumberExpressions.isChinese(simple)) {
      return "a number expression (--new-only)";
    }
    if (NumberExpressions.isCountTail(simple)) {
      return "the tail of a count, 个 and a measure word (--new-only)";
    }
    int first = word.codePointAt(0);
    int last = word.codePointBefore(word.length());
    // In a word written in traditional characters, 著 at an end is the particle 着 (帶著, 試著);
    // in simplified text it is 著 (原著), no stopword.
    boolean traditional = !simple.equals(word);
    // Glue is judged on Han characters only: "a" and "i" are stopwords, not so app or img.
    for (int c : new int[] {first, last}) {
      String one = traditional && c == '著' ? "着" : new String(Character.toChars(c));
      if (UnitPolicy.isHan(c) && stopwords.contains(one)) {
        return "function-word glue: it " + (c == first ? "begins" : "ends") + " with the"
            + " stopword " + one + " (--new-only)";
      }
    }
    return null;
  }

  private static boolean isAsciiLetters(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if ((c | 0x20) < 'a' || (c | 0x20) > 'z') {
        return false;
      }
    }
    return !word.isEmpty();
  }
}
