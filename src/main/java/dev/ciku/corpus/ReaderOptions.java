package dev.ciku.corpus;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a corpus is read: character encoding, line format, which field or column holds the text,
 * how the case of Latin letters is treated and whether traditional Han characters are
 * simplified.
 *
 * @param charset the encoding of every input (a UTF-8 byte-order mark is skipped), unless
 *     {@code detectCharset}
 * @param format the line format
 * @param field JSON field name for {@link InputFormat#JSONL}, else ignored
 * @param column 1-based column for {@link InputFormat#TSV} and {@link InputFormat#CSV}
 * @param latinCase how Latin letters are compared and written: without case, in each unit's
 *     most frequent form (the default), lower-cased ({@code --lowercase}) or as they are
 *     ({@code --keep-case})
 * @param detectCharset detect each input's encoding from its first bytes ({@link Encodings})
 * @param simplify fold traditional Han characters to simplified ones before counting
 *     ({@link Simplified}), so 這個 and 这个 are one string, written 这个
 * @param skipHeader skip the first record of each input (a header row of TSV or CSV)
 * @param fallback the encoding, UTF-8, was not given but is the default: an input without a
 *     byte-order mark whose first block is clearly not UTF-8 is read in the encoding detected in
 *     it ({@link Utf8Fallback}); needs {@code charset} UTF-8 and not {@code detectCharset}
 */
public record ReaderOptions(Charset charset, InputFormat format, String field, int column,
    LatinCase latinCase, boolean detectCharset, boolean simplify, boolean skipHeader,
    boolean fallback) {

  /** UTF-8 plain text, Latin units compared without case ({@link LatinCase#FOLD}). */
  public static final ReaderOptions DEFAULT =
      new ReaderOptions(StandardCharsets.UTF_8, InputFormat.PLAIN, "text", 1, false);

  /**
   * Options for inputs all in {@code charset}; {@code lowercase}: {@link LatinCase#LOWER}, else
   * the default {@link LatinCase#FOLD} (so in the constructors below).
   */
  public ReaderOptions(Charset charset, InputFormat format, String field, int column,
      boolean lowercase) {
    this(charset, format, field, column, lowercase, false, false);
  }

  /** Options without header skipping. */
  public ReaderOptions(Charset charset, InputFormat format, String field, int column,
      boolean lowercase, boolean detectCharset, boolean simplify) {
    this(charset, format, field, column, lowercase, detectCharset, simplify, false);
  }

  /** Options with {@code charset} given (or detected), never falling back from it. */
  public ReaderOptions(Charset charset, InputFormat format, String field, int column,
      boolean lowercase, boolean detectCharset, boolean simplify, boolean skipHeader) {
    this(charset, format, field, column, lowercase ? LatinCase.LOWER : LatinCase.FOLD,
        detectCharset, simplify, skipHeader, false);
  }

  public ReaderOptions {
    Objects.requireNonNull(charset, "charset");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(latinCase, "latinCase");
    if (column < 1) {
      throw new IllegalArgumentException("column must be 1 or more, got " + column);
    }
    if (fallback && (detectCharset || !charset.equals(StandardCharsets.UTF_8))) {
      throw new IllegalArgumentException("only UTF-8 by default falls back, not " + charset
          + (detectCharset ? " detected" : ""));
    }
  }

  /** These options with Latin letters treated as {@code c} says. */
  public ReaderOptions withLatinCase(LatinCase c) {
    return new ReaderOptions(charset, format, field, column, c, detectCharset, simplify,
        skipHeader, fallback);
  }

  /** Whether the reader lower-cases Latin letters ({@code --lowercase}: {@link LatinCase#LOWER}). */
  public boolean lowercase() {
    return latinCase == LatinCase.LOWER;
  }

  /**
   * Words typed by a user (such as {@code discover --explain}'s) as this reader writes a
   * corpus's text: blanks around each stripped, traditional Han characters simplified if {@link
   * #simplify}, full-width ASCII made half-width and Latin letters lower-cased if {@link
   * #lowercase} ({@link UnitPolicy#normalizeText}); each once, in the order first given
   * (或者,或者 is one word; so are 這個,这个 with simplify, and ＣＯＶＩＤ－１９,COVID-19). By default
   * ({@link LatinCase#FOLD}) the case is kept as given: the unit table looks the words up
   * without it ({@link UnitTable#toUnits}), and they are shown as typed.
   *
   * <p>Cost: O(total length); the first use with simplify loads the bundled table ({@link
   * Simplified#bundled}). Thread-safe.
   */
  public List<String> normalizeWords(List<String> words) {
    Set<String> normalized = new LinkedHashSet<>();
    for (String word : words) {
      String w = word.strip();
      normalized.add(UnitPolicy.normalizeText(simplify ? Simplified.bundled().fold(w) : w,
          lowercase()));
    }
    return new ArrayList<>(normalized);
  }
}
