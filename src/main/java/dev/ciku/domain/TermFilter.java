package dev.ciku.domain;

import dev.ciku.corpus.BundledData;
import dev.ciku.corpus.Fields;
import dev.ciku.corpus.MalformedDataException;
import dev.ciku.corpus.Simplified;
import dev.ciku.corpus.TextLines;
import dev.ciku.corpus.UnitPolicy;
import dev.ciku.discover.NumberExpressions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Drops candidates that are not terms, by patterns read from data files (dict/README.md):
 * {@code word} matches exactly, {@code *word} matches a term ending with {@code word},
 * {@code word*} a term starting with it, {@code *word*} a term containing it. Blank lines and
 * lines starting with {@code #} are skipped. A pattern prefixed with {@code N:} applies only to
 * terms of at least N characters ({@code 3:*本} drops 违反本 but keeps 资本). {@code pre*suf}
 * matches a term starting with {@code pre} and ending with {@code suf}. A pattern prefixed with
 * {@code !} is an exception: a term it matches is kept whatever else matches ({@code 被*} drops
 * the passives 被撤销, 被吊销; {@code !被*人} keeps 被害人, 被申请人). A generic-heads file is
 * read with an implied leading {@code *}: a head drops itself and every term ending with it
 * (审判工作 by 工作). The bundled filter also drops quantities and ordinals, which are not
 * terms: every term holding a digit (16款, 5万公里, 10万元以下罚款) and every number in Chinese
 * numerals that {@link NumberExpressions#isChinese} recognises (第二十九条, 三个月, 十五日以内). Patterns and terms are compared with traditional
 * characters folded to simplified ({@link Simplified}), so the patterns serve either script, and,
 * in a filter for a corpus that compares Latin units without case ({@link #none(boolean)}: by
 * default and with {@code --lowercase}, not with {@code --keep-case}), with their Latin letters
 * lower-cased and full-width forms made half-width ({@link UnitPolicy#normalizeText}), as a
 * lexicon compares them: {@code cpu} drops the term written {@code CPU}.
 *
 * <p>Filled by {@link #add} and {@link #addFile}, then only read: not thread-safe while it is
 * filled; once filled, and published safely (as the commands do, before any worker starts), any
 * number of threads may read it.
 */
public final class TermFilter {
  /** Class-path name of the bundled stopword patterns. */
  public static final String STOPWORDS = "dict/domain-stopwords.txt";
  /** Class-path name of the bundled generic heads. */
  public static final String GENERIC_HEADS = "dict/domain-generic-heads.txt";
  /** Largest {@code N} of an {@code N:} length guard: longer than any term. */
  public static final int MAX_GUARD = 1000;

  private final Set<String> exact = new HashSet<>();
  private final List<String> suffixes = new ArrayList<>();
  private final List<String> prefixes = new ArrayList<>();
  private final List<String> infixes = new ArrayList<>();
  private final List<String> longSuffixes = new ArrayList<>();
  private final List<String> longPrefixes = new ArrayList<>();
  private final List<Integer> longSuffixMin = new ArrayList<>();
  private final List<Integer> longPrefixMin = new ArrayList<>();
  private final List<String[]> wraps = new ArrayList<>();
  /** Exceptions: a term any of them matches is never rejected. Null until the first one. */
  private TermFilter keep;

  /** What {@link #match} returns for a match it is not asked to describe. */
  private static final String MATCHED = "";

  private boolean numbers;
  /** Whether Latin letters are compared lower-cased (a corpus that folds their case). */
  private final boolean foldCase;

  private TermFilter(boolean foldCase) {
    this.foldCase = foldCase;
  }

  /** A filter that keeps everything, comparing Latin letters as written. */
  public static TermFilter none() {
    return none(false);
  }

  /**
   * A filter that keeps everything; {@code foldCase}: its patterns and the terms are compared
   * with their Latin letters lower-cased (for a corpus that compares Latin units without case).
   */
  public static TermFilter none(boolean foldCase) {
    return new TermFilter(foldCase);
  }

  /** The bundled stopwords and generic heads, comparing Latin letters as written. */
  public static TermFilter bundled() throws IOException {
    return bundled(false);
  }

  /** The bundled stopwords and generic heads; {@code foldCase} as in {@link #none(boolean)}. */
  public static TermFilter bundled(boolean foldCase) throws IOException {
    TermFilter f = new TermFilter(foldCase);
    f.numbers = true;
    f.addResource(STOPWORDS, false);
    f.addResource(GENERIC_HEADS, true);
    return f;
  }

  /**
   * Adds the patterns of a file, read as {@link TextLines} reads (gzip decompressed, BOM
   * skipped): the first field of each line, blanks around it ignored ({@link Fields}: ASCII
   * blanks and Unicode spaces such as U+3000); {@code heads}: lines without {@code *} are suffix
   * patterns.
   */
  public TermFilter addFile(Path file, boolean heads) throws IOException {
    return addFile(file, heads, m -> { });
  }

  /**
   * As {@link #addFile(Path, boolean)}; {@code warnings} receives malformed-bytes warnings.
   *
   * @throws dev.ciku.corpus.MalformedDataException for a malformed pattern, naming the file and
   *     the line (see {@link #add(String, boolean)})
   */
  public TermFilter addFile(Path file, boolean heads, Consumer<String> warnings)
      throws IOException {
    try (TextLines lines = TextLines.open(file, warnings)) {
      return add(lines, heads);
    }
  }

  private void addResource(String name, boolean heads) throws IOException {
    try (InputStream in = BundledData.open(name)) {
      if (in == null) {
        throw new java.io.FileNotFoundException("bundled data file " + name + " is missing");
      }
      try (TextLines lines = TextLines.of(in, name, m -> { })) {
        add(lines, heads);
      }
    }
  }

  /**
   * Adds one pattern (blanks around it ignored).
   *
   * @throws IllegalArgumentException if it is malformed: no word ({@code *}, {@code **}, a lone
   *     {@code !}), a {@code *} elsewhere than at an end or once inside ({@code a*b*c},
   *     {@code 规*定*}), a length guard {@code N:} not followed by {@code *suffix} or
   *     {@code prefix*}, or with N above {@value #MAX_GUARD}
   */
  public TermFilter add(String pattern, boolean heads) {
    String p = fold(Fields.strip(pattern));
    if (p.isEmpty() || p.startsWith("#")) {
      return this;
    }
    if (p.startsWith("!")) {
      if (p.length() == 1 || p.charAt(1) == '!' || p.charAt(1) == '#') {
        throw new IllegalArgumentException("an exception must be ! followed by a pattern, not '"
            + p + "'");
      }
      if (keep == null) {
        keep = new TermFilter(foldCase);
      }
      try {
        keep.add(p.substring(1), false);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(e.getMessage().replace("'" + p.substring(1) + "'",
            "'" + p + "'"), e);
      }
      return this;
    }
    int star = p.indexOf('*', 1);
    if (star > 0 && star < p.length() - 1 && p.indexOf('*') == star
        && p.indexOf('*', star + 1) < 0 && !p.contains(":")) {
      wraps.add(new String[] {p.substring(0, star), p.substring(star + 1)});
      return this;
    }
    int colon = p.indexOf(':');
    if (colon > 0 && p.substring(0, colon).chars().allMatch(Character::isDigit)) {
      int min = lengthGuard(p.substring(0, colon));
      String rest = p.substring(colon + 1);
      if (rest.indexOf('*', 1) >= 0 && rest.indexOf('*', 1) < rest.length() - 1) {
        throw new IllegalArgumentException("a length-guarded pattern must be N:*suffix or"
            + " N:prefix*, not '" + p + "'");
      }
      if (rest.startsWith("*") && rest.length() > 1 && !rest.endsWith("*")) {
        longSuffixes.add(rest.substring(1));
        longSuffixMin.add(min);
      } else if (rest.endsWith("*") && rest.length() > 1 && !rest.startsWith("*")) {
        longPrefixes.add(rest.substring(0, rest.length() - 1));
        longPrefixMin.add(min);
      } else {
        throw new IllegalArgumentException("a length-guarded pattern must be N:*suffix or"
            + " N:prefix*, not '" + p + "'");
      }
      return this;
    }
    boolean lead = p.startsWith("*");
    boolean trail = p.length() > 1 && p.endsWith("*");
    String core = p.substring(lead ? 1 : 0, p.length() - (trail ? 1 : 0));
    if (core.isEmpty() || core.indexOf('*') >= 0) {
      // Nothing would match it: '*' and '**' name no word, and a '*' anywhere but at the ends
      // or once between a prefix and a suffix is not in the syntax.
      throw new IllegalArgumentException("a pattern must be word, *word, word*, *word* or"
          + " pre*suf, not '" + p + "'");
    }
    if (heads && !lead && !trail) {
      lead = true;
    }
    if (lead && trail) {
      infixes.add(core);
    } else if (lead) {
      suffixes.add(core);
    } else if (trail) {
      prefixes.add(core);
    } else {
      exact.add(core);
    }
    return this;
  }

  /** The N of an {@code N:} guard: a count of characters, at most {@link #MAX_GUARD}. */
  private static int lengthGuard(String digits) {
    long n = 0;
    for (int i = 0; i < digits.length(); i++) {
      n = n * 10 + Character.digit(digits.charAt(i), 10);
      if (n > MAX_GUARD) {
        throw new IllegalArgumentException("the length guard of '" + digits + ":' is too large"
            + " (at most " + MAX_GUARD + " characters)");
      }
    }
    return (int) n;
  }

  /**
   * Adds the first field of each line (blanks around it ignored, {@link Fields}); a malformed
   * pattern is a {@link MalformedDataException} naming the file and the line.
   */
  private TermFilter add(TextLines r, boolean heads) throws IOException {
    String line;
    boolean first = true;
    while ((line = r.readLine()) != null) {
      int end = Fields.trimmedEnd(line);
      int start = Fields.skipBlanks(line, 0, end);
      String field = line.substring(start, Fields.fieldEnd(line, start, end));
      if (first && !field.isEmpty()) {
        // A list written with --format jsonl: every line would be one pattern matching nothing.
        Fields.refuseJsonLines(field, r.name());
        first = false;
      }
      try {
        add(field, heads);
      } catch (IllegalArgumentException e) {
        throw new MalformedDataException(r.name(), r.lineNumber(), e.getMessage());
      }
    }
    return this;
  }

  /** Whether {@code term} should be dropped (says no reason: nothing is formatted). */
  public boolean rejects(String term) {
    return rejection(term, false) != null;
  }

  /**
   * Why {@code term} is dropped, or null if it is kept: "it holds a digit", "it is a number in
   * Chinese numerals", or the pattern that matches it as the filter reads it (traditional
   * characters folded, a head with its implied leading {@code *}: {@code pattern '*工作'}). An
   * exception ({@code !pattern}) that matches keeps the term whatever else matches.
   */
  public String rejection(String term) {
    return rejection(term, true);
  }

  /** {@link #rejection}, or {@link #MATCHED} for a dropped term when {@code !describe}. */
  private String rejection(String term, boolean describe) {
    term = fold(term);
    if (keep != null && keep.match(term, false) != null) {
      return null;
    }
    if (numbers && hasDigit(term)) {
      return "it holds a digit";
    }
    if (numbers && NumberExpressions.isChinese(term)) {
      return "it is a number in Chinese numerals";
    }
    String pattern = match(term, describe);
    return pattern == null || !describe ? pattern : "pattern '" + pattern + "'";
  }

  /** {@code s} as patterns and terms are compared: simplified, and lower-cased if folding. */
  private String fold(String s) {
    String simplified = Simplified.bundled().fold(s);
    return foldCase ? UnitPolicy.normalizeText(simplified, true) : simplified;
  }

  private static boolean hasDigit(String term) {
    for (int i = 0; i < term.length(); i++) {
      if (Character.isDigit(term.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first pattern that matches {@code term} (folded), as written in the syntax ({@code
   * describe}) or as {@link #MATCHED}; null if none matches.
   */
  private String match(String term, boolean describe) {
    for (String[] w : wraps) {
      if (term.length() >= w[0].length() + w[1].length() && term.startsWith(w[0])
          && term.endsWith(w[1])) {
        return describe ? w[0] + "*" + w[1] : MATCHED;
      }
    }
    if (exact.contains(term)) {
      return term;
    }
    for (String s : suffixes) {
      if (term.endsWith(s)) {
        return describe ? "*" + s : MATCHED;
      }
    }
    for (String s : prefixes) {
      if (term.startsWith(s)) {
        return describe ? s + "*" : MATCHED;
      }
    }
    int len = term.codePointCount(0, term.length());
    for (int i = 0; i < longSuffixes.size(); i++) {
      if (len >= longSuffixMin.get(i) && term.endsWith(longSuffixes.get(i))) {
        return describe ? longSuffixMin.get(i) + ":*" + longSuffixes.get(i) : MATCHED;
      }
    }
    for (int i = 0; i < longPrefixes.size(); i++) {
      if (len >= longPrefixMin.get(i) && term.startsWith(longPrefixes.get(i))) {
        return describe ? longPrefixMin.get(i) + ":" + longPrefixes.get(i) + "*" : MATCHED;
      }
    }
    for (String s : infixes) {
      if (term.contains(s)) {
        return describe ? "*" + s + "*" : MATCHED;
      }
    }
    return null;
  }

  /** Number of patterns. */
  public int size() {
    return exact.size() + suffixes.size() + prefixes.size() + infixes.size()
        + longSuffixes.size() + longPrefixes.size() + wraps.size()
        + (keep == null ? 0 : keep.size());
  }
}
