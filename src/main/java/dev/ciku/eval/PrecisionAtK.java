package dev.ciku.eval;

import dev.ciku.corpus.Fields;
import dev.ciku.corpus.LexiconForm;
import dev.ciku.corpus.MalformedDataException;
import dev.ciku.corpus.TextLines;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Precision at K of a ranked word list against gold lexicons, as {@code tools/term_pk.py}
 * computes it: the word of a line is its first tab- then space-separated field; ranked words
 * shorter than {@code minLength} code points and immediate repeats are skipped; P@K is the share
 * of the first K words (or of all, if fewer) found in the union of the lexicons. A first line
 * that is the header of a ciku list ({@link #isHeader}: {@code word<TAB>count...},
 * {@code term<TAB>domain_count...}, {@code ngram<TAB>count}) is skipped; the reference script,
 * which scores any first line as a word, agrees on lists written with {@code --no-header}.
 * Words are compared as written unless folded ({@code fold}): then a ranked word is in a lexicon
 * when their forms agree once folded ({@link LexiconForm}: traditional characters as simplified
 * ones, full-width ASCII as half-width, Latin letters without case), as {@code ciku discover
 * --known} compares; the reference script compares as written.
 *
 * <p>Memory: the gold words and the first max(K) ranked words. Stateless and thread-safe.
 */
public final class PrecisionAtK {
  private PrecisionAtK() {}

  /** One row of the result. */
  public record Row(int k, int considered, int hits) {
    /** Precision: hits / considered; NaN (undefined) when no word is considered. */
    public double precision() {
      return considered == 0 ? Double.NaN : (double) hits / considered;
    }
  }

  /**
   * Computes P@K for each distinct K of {@code ks}, ascending, files read silently as
   * {@link TextLines} reads.
   */
  public static List<Row> score(Path ranked, List<Path> gold, int[] ks, int minLength)
      throws IOException {
    return score(ranked, gold, ks, minLength, m -> { });
  }

  /**
   * Computes P@K for each distinct K of {@code ks}, in ascending order. Files are read as
   * {@link TextLines} reads them
   * ({@code -} is standard input, a BOM is skipped, malformed bytes are replaced and reported to
   * {@code warnings}).
   */
  public static List<Row> score(Path ranked, List<Path> gold, int[] ks, int minLength,
      Consumer<String> warnings) throws IOException {
    return score(ranked, gold, ks, minLength, false, warnings);
  }

  /**
   * As {@link #score(Path, List, int[], int, Consumer)}; with {@code fold}, words are compared in
   * their folded forms (see the class comment). The repeat of a ranked word on the next line is
   * judged as written in either case.
   */
  public static List<Row> score(Path ranked, List<Path> gold, int[] ks, int minLength,
      boolean fold, Consumer<String> warnings) throws IOException {
    Set<String> lexicon = new HashSet<>();
    for (Path g : gold) {
      try (TextLines r = TextLines.open(g, warnings)) {
        String line;
        boolean first = true;
        while ((line = r.readLine()) != null) {
          String w = firstField(line);
          if (!w.isEmpty()) {
            if (first) {
              first = false;
              refuseJson(w, g);
            }
            lexicon.add(fold ? LexiconForm.of(w, true) : w);
          }
        }
      }
    }
    int[] cuts = java.util.Arrays.stream(ks).sorted().distinct().toArray();
    int max = cuts.length == 0 ? 0 : cuts[cuts.length - 1];
    List<String> terms = new ArrayList<>();
    try (TextLines r = TextLines.open(ranked, warnings)) {
      String line;
      boolean first = true;
      while ((line = r.readLine()) != null && terms.size() < max) {
        if (first) {
          first = false;
          if (isHeader(line)) {
            continue;
          }
        }
        String w = firstField(line);
        if (terms.isEmpty() && !w.isEmpty()) {
          refuseJson(w, ranked);
        }
        if (w.codePointCount(0, w.length()) >= minLength
            && (terms.isEmpty() || !terms.get(terms.size() - 1).equals(w))) {
          terms.add(w);
        }
      }
    }
    // hits[i]: how many of the first i ranked words the lexicons hold; each looked up once.
    int[] hits = new int[terms.size() + 1];
    for (int i = 0; i < terms.size(); i++) {
      String w = terms.get(i);
      hits[i + 1] = hits[i] + (lexicon.contains(fold ? LexiconForm.of(w, true) : w) ? 1 : 0);
    }
    List<Row> rows = new ArrayList<>();
    for (int k : cuts) {
      int n = Math.min(k, terms.size());
      rows.add(new Row(k, n, hits[n]));
    }
    return rows;
  }

  private static void refuseJson(String firstWord, Path file) throws MalformedDataException {
    Fields.refuseJsonLines(firstWord, TextLines.isStdin(file) ? "standard input" : file.toString());
  }

  /**
   * Whether {@code line} is the header of a ciku list: tab-separated, its first field
   * {@code word}, {@code term} or {@code ngram} ({@code ciku count}'s) and its second a column
   * name, not a number ({@code word<TAB>12} is a ranked word).
   */
  static boolean isHeader(String line) {
    String[] f = Whitespace.strip(line).split("\t", 3);
    return f.length >= 2 && (f[0].equals("word") || f[0].equals("term") || f[0].equals("ngram"))
        && !f[1].isEmpty() && !Character.isDigit(f[1].charAt(0))
        && f[1].chars().allMatch(c -> c == '_' || (c >= 'a' && c <= 'z'));
  }

  /**
   * The first field of a line: stripped ({@link Whitespace#strip}), up to the first tab, then up
   * to the first space.
   */
  static String firstField(String line) {
    String s = Whitespace.strip(line);
    int t = s.indexOf('\t');
    if (t >= 0) {
      s = s.substring(0, t);
    }
    int sp = s.indexOf(' ');
    if (sp >= 0) {
      s = s.substring(0, sp);
    }
    return s;
  }
}
