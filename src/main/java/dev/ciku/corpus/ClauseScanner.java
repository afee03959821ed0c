package dev.ciku.corpus;

/**
 * Turns a stream of code points into clauses of unit ids, following {@link UnitPolicy}. Memory is
 * bounded whatever the input: a clause longer than {@link #MAX_CHUNK} units is passed on in
 * chunks that overlap by {@link #OVERLAP} units, so every n-gram of up to {@code OVERLAP + 1}
 * units is seen whole in exactly one chunk's owned range.
 *
 * <p>A Latin run is handed to the {@link UnitTable} as written (full-width forms made half-width;
 * lower-cased with {@link LatinCase#LOWER}), which maps it to its unit, folding case or not, and
 * counts its form: one hash look-up a run, as before case folding.
 *
 * <p>Also keeps the corpus counters that {@code ciku stats} prints. Not thread-safe; allocates
 * only when a Latin form is seen for the first time.
 */
public final class ClauseScanner {
  /** Largest number of units passed to the sink at once. */
  public static final int MAX_CHUNK = 1 << 16;
  /** Units shared by consecutive chunks of one long clause. */
  public static final int OVERLAP = 32;

  private final UnitTable table;
  private final ClauseSink sink;
  private final boolean lowercase;
  /** Folds Han characters when {@code --simplify}; null otherwise. */
  private final Simplified fold;
  private long folded;

  private final int[] units = new int[MAX_CHUNK];
  private int length;
  private boolean chunkStartsClause = true;

  private final StringBuilder latin = new StringBuilder(UnitPolicy.MAX_LATIN_LENGTH + 2);
  private boolean latinTooLong;
  private int pendingJoiner = -1;

  private long lines;
  private long chars;
  private long hanChars;
  private long clauses;
  private long unitCount;
  private long latinUnits;
  /** Latin runs read as boundaries because the unit table was full. */
  private long latinRefused;
  private boolean lineHasContent;
  /** A carriage return was seen: part of a CRLF line end if a line feed follows, else a char. */
  private boolean pendingCr;
  /** A scheme ({@code http}...) and its colon were just read. */
  private boolean afterScheme;
  /** Inside a URL: printable ASCII is skipped until anything else. */
  private boolean inUrl;
  /** HTML character reference: 1 = after '&', 2 = after "&#", 3 = in the Latin run after. */
  private int entity;
  private long urls;

  /**
   * @param table the unit table, folding case unless {@code latinCase} is {@link LatinCase#KEEP}
   *     ({@link UnitTable#of(LatinCase)})
   * @param latinCase how Latin letters are treated: {@link LatinCase#LOWER} lower-cases them as
   *     they are read; otherwise they are passed on as written (after the full-width forms are
   *     made half-width), and the table compares them without case or not
   * @param simplify fold traditional Han characters to simplified ones ({@link Simplified})
   * @throws IllegalArgumentException if the table does not fold case as {@code latinCase} does
   */
  public ClauseScanner(UnitTable table, LatinCase latinCase, boolean simplify, ClauseSink sink) {
    if (table.foldsCase() != latinCase.folds()) {
      throw new IllegalArgumentException("a unit table that " + (table.foldsCase() ? "folds"
          + " case" : "keeps case") + " cannot read Latin letters as " + latinCase.options()
          + " says");
    }
    this.table = table;
    this.lowercase = latinCase == LatinCase.LOWER;
    this.fold = simplify ? Simplified.bundled() : null;
    this.sink = sink;
  }

  /** A scanner with the unit options of {@code options}: the case of Latin letters, simplifying. */
  public ClauseScanner(UnitTable table, ReaderOptions options, ClauseSink sink) {
    this(table, options.latinCase(), options.simplify(), sink);
  }

  /**
   * Feeds one code point (already decoded; surrogate pairs combined). A line feed ends a line; a
   * carriage return directly before it is part of the line end (CRLF) and is not counted as a
   * character.
   */
  public void codePoint(int raw) {
    if (raw == '\n') {
      pendingCr = false;
      endLine();
      return;
    }
    if (pendingCr) {
      // A carriage return not followed by a line feed is an ordinary (boundary) character.
      pendingCr = false;
      chars++;
      lineHasContent = true;
    }
    if (raw == '\r') {
      pendingCr = true;
      boundary();
      return;
    }
    chars++;
    lineHasContent = true;
    if (UnitPolicy.isInvisible(raw)) {
      return;
    }
    if (inUrl) {
      if (UnitPolicy.isUrlChar(raw)) {
        return;
      }
      inUrl = false;
    }
    if (afterScheme && url(raw)) {
      return;
    }
    int cp = UnitPolicy.normalize(raw);
    if (UnitPolicy.isHan(cp)) {
      hanChars++;
      entity = 0;
      if (pendingJoiner >= 0) {
        // "A-中": the joiner is not between two Latin characters, so it is a boundary.
        boundary();
      } else {
        flushLatin();
      }
      if (fold == null) {
        append(cp);
      } else {
        int simplified = fold.codePoint(cp);
        if (simplified != cp) {
          folded++;
        }
        append(simplified);
      }
      return;
    }
    if (UnitPolicy.isLatin(cp)) {
      if (lowercase) {
        cp = UnitPolicy.toLowerLatin(cp);
      }
      if (entity != 0) {
        entity = 3;
      }
      if (pendingJoiner >= 0) {
        latin.append((char) pendingJoiner);
        pendingJoiner = -1;
      }
      if (latin.length() >= UnitPolicy.MAX_LATIN_LENGTH) {
        latinTooLong = true;
      } else {
        latin.appendCodePoint(cp);
      }
      return;
    }
    if (UnitPolicy.isCombiningMark(cp)) {
      // Part of the Latin unit right after a Latin character ("cafe\u0301"), skipped elsewhere.
      // It ends a character reference's name as any other non-Latin character would.
      if (latin.length() > 0 && pendingJoiner < 0) {
        entity = 0;
        if (latin.length() >= UnitPolicy.MAX_LATIN_LENGTH) {
          latinTooLong = true;
        } else {
          latin.append((char) cp);
        }
      }
      return;
    }
    if (UnitPolicy.isLatinJoiner(cp) && latin.length() > 0 && pendingJoiner < 0) {
      pendingJoiner = cp;
      return;
    }
    if (raw == ':' && pendingJoiner < 0 && !latinTooLong && UnitPolicy.isUrlScheme(latin)) {
      afterScheme = true;
      return;
    }
    if (raw == ';' && entity == 3 && pendingJoiner < 0
        && latin.length() <= UnitPolicy.MAX_ENTITY_LENGTH) {
      // "&amp;", "&#183;": the reference's name or number is not a unit. After "&amp;" a
      // twice-escaped reference ("&amp;quot;") follows as if after '&'.
      boolean amp = UnitPolicy.isAmp(latin);
      latin.setLength(0);
      boundaryWithoutLatin();
      if (amp) {
        entity = 1;
      }
      return;
    }
    boolean hash = raw == '#' && entity == 1;
    boundary();
    if (raw == '&') {
      entity = 1;
    } else if (hash) {
      entity = 2;
    }
  }

  /**
   * Continues "scheme:" with {@code raw}: true if it was consumed (printable ASCII, which starts
   * a URL whose scheme is then dropped, not counted as a unit); false if the sequence broke, in
   * which case the scheme has been flushed as a Latin unit and the colon made a boundary, exactly
   * as without the look-ahead, and {@code raw} is still to be handled.
   */
  private boolean url(int raw) {
    afterScheme = false;
    if (UnitPolicy.isUrlChar(raw)) {
      latin.setLength(0);
      inUrl = true;
      urls++;
      boundaryWithoutLatin();
      return true;
    }
    boundary();
    return false;
  }

  /** Feeds {@code text[from..to)}, combining surrogate pairs. */
  public void chars(char[] text, int from, int to) {
    int i = from;
    while (i < to) {
      char c = text[i++];
      if (Character.isHighSurrogate(c) && i < to && Character.isLowSurrogate(text[i])) {
        codePoint(Character.toCodePoint(c, text[i++]));
      } else {
        codePoint(c);
      }
    }
  }

  /**
   * Feeds a whole string as one field (of a JSON line or a column): surrogate pairs are combined;
   * a line feed or carriage return inside is a boundary, not a line end (a carriage return is
   * counted as a character, a line feed is not). The caller ends the line ({@link #endLine}).
   */
  public void text(CharSequence text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        codePoint(Character.toCodePoint(c, text.charAt(++i)));
      } else {
        fieldChar(c);
      }
    }
  }

  /**
   * Feeds {@code text[from..to)} as one field, exactly as {@link #text(CharSequence)} feeds the
   * same characters. Cost: one pass; allocates nothing.
   */
  public void field(char[] text, int from, int to) {
    if (from < 0 || from > to || to > text.length) {
      throw new IndexOutOfBoundsException("field [" + from + ", " + to + ") of an array of "
          + text.length);
    }
    int i = from;
    while (i < to) {
      char c = text[i++];
      if (Character.isHighSurrogate(c) && i < to && Character.isLowSurrogate(text[i])) {
        codePoint(Character.toCodePoint(c, text[i++]));
      } else {
        fieldChar(c);
      }
    }
  }

  /** One character of a field that is not part of a surrogate pair. */
  private void fieldChar(char c) {
    if (c == '\n') {
      boundary();
    } else if (c == '\r') {
      chars++;
      lineHasContent = true;
      boundary();
    } else {
      codePoint(c);
    }
  }

  /** Ends the current line (a hard boundary). */
  public void endLine() {
    boundary();
    lines++;
    lineHasContent = false;
  }

  /**
   * Ends the input: flushes any open clause and counts an unterminated last line. A carriage
   * return that ends the input ends its last line, as a line feed would (old Mac text ends so),
   * and is not counted as a character: a reader that splits lines at line feeds and drops the
   * carriage return of each (Hadoop's, in the Spark jobs) counts the same.
   */
  public void finish() {
    if (pendingCr) {
      pendingCr = false;
      endLine();
      return;
    }
    if (lineHasContent) {
      endLine();
    } else {
      boundary();
    }
  }

  private void boundary() {
    afterScheme = false;
    inUrl = false;
    entity = 0;
    flushLatin();
    if (length > 0) {
      emit(true);
    }
    chunkStartsClause = true;
  }

  private void flushLatin() {
    pendingJoiner = -1;
    if (latin.length() == 0) {
      return;
    }
    if (latinTooLong) {
      latin.setLength(0);
      latinTooLong = false;
      boundaryWithoutLatin();
      return;
    }
    int id = table.latinId(latin);
    latin.setLength(0);
    if (id < 0) {
      latinRefused++;
      boundaryWithoutLatin();
      return;
    }
    latinUnits++;
    append(id);
  }

  private void boundaryWithoutLatin() {
    entity = 0;
    if (length > 0) {
      emit(true);
    }
    chunkStartsClause = true;
  }

  private void append(int id) {
    if (length == MAX_CHUNK) {
      emit(false);
    }
    units[length++] = id;
    unitCount++;
  }

  private void emit(boolean clauseEnd) {
    if (clauseEnd) {
      sink.clause(units, length, length, chunkStartsClause, true);
      if (chunkStartsClause) {
        clauses++;
      }
      length = 0;
      return;
    }
    int owned = length - OVERLAP;
    sink.clause(units, length, owned, chunkStartsClause, false);
    if (chunkStartsClause) {
      clauses++;
    }
    System.arraycopy(units, owned, units, 0, OVERLAP);
    length = OVERLAP;
    chunkStartsClause = false;
  }

  /** Lines seen: line ends, plus a last line without one. */
  public long lines() {
    return lines;
  }

  /** Code points seen, line ends excluded. */
  public long chars() {
    return chars;
  }

  /** Han code points seen. */
  public long hanChars() {
    return hanChars;
  }

  /** Traditional Han characters folded to simplified ones (0 unless simplifying). */
  public long folded() {
    return folded;
  }

  /** Clauses emitted. */
  public long clauses() {
    return clauses;
  }

  /** Units emitted (Han and Latin). */
  public long units() {
    return unitCount;
  }

  /** Latin units emitted. */
  public long latinUnits() {
    return latinUnits;
  }

  /**
   * Latin/digit runs read as boundaries because the unit table held {@link UnitTable#MAX_LATIN}
   * distinct ones already (the reader warns).
   */
  public long latinRefused() {
    return latinRefused;
  }

  /** URLs skipped ({@code http:}, {@code https:} or {@code ftp:} and the printable ASCII after). */
  public long urls() {
    return urls;
  }
}
