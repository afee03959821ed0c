package dev.ciku.corpus;

/**
 * Finds where the records of one CSV input end, as RFC 4180 and Python's {@code csv} module read
 * it: a quote is special only at the start of a field (inside an unquoted field it is an ordinary
 * character); a line break ends a record unless a quoted field is open, and even then once the
 * record holds {@value #MAX_RECORD} characters (the next line then starts a new record, so that
 * an unbalanced quote cannot swallow the rest of the input). Both that and a quoted field still
 * open at the end of the input are warned about, with the line where the quote opened. {@link
 * CorpusReader} and the Spark jobs (which read a CSV file whole, in one task) split records
 * with it.
 *
 * <p>The caller hands the input's characters in order, in pieces of any size, each piece starting
 * where the last call stopped. Cost: one look at each character; allocates nothing. Not
 * thread-safe: one per reader, {@link #reset} between inputs.
 */
public final class CsvRecords {
  /** Characters after which a line break ends a record even inside quotes. */
  public static final int MAX_RECORD = 1 << 16;

  // Where in a field the last character left the record.
  private static final int FIELD_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_IN_QUOTED = 3;

  private int state;
  /** Line breaks read. */
  private long lineBreaks;
  /** The line on which the last quoted field opened (1-based). */
  private long quoteLine;
  private long cutRecords;
  private long cutFirstLine;
  private long cutLines;

  /** Starts a new input. */
  public void reset() {
    state = FIELD_START;
    lineBreaks = 0;
    quoteLine = 0;
    cutRecords = 0;
    cutFirstLine = 0;
    cutLines = 0;
  }

  /**
   * Reads {@code a[from..to)}, the input's characters after those read so far, up to the first
   * line break that ends a record.
   *
   * @param held the characters of the current record that came before {@code a[from]}
   * @return the index of that line break, or -1 if none is in {@code a[from..to)} (all were read)
   */
  public int recordEnd(char[] a, int from, int to, long held) {
    int s = state;
    for (int i = from; i < to; i++) {
      char c = a[i];
      if (c == '\n') {
        lineBreaks++;
        if (s == QUOTED) {
          if (held + (i - from) < MAX_RECORD) {
            continue;
          }
          // Resynchronise: this line break ends the record, the next line starts one.
          if (cutRecords++ == 0) {
            cutFirstLine = quoteLine;
          }
          cutLines += lineBreaks - quoteLine + 1;
        }
        state = FIELD_START;
        return i;
      }
      s = next(s, c);
    }
    state = s;
    return -1;
  }

  /**
   * The state after {@code c}: a quote opens a quoted field only at the start of a field; in a
   * quoted field a quote either closes it or, doubled, stands for itself.
   */
  private int next(int s, char c) {
    switch (s) {
      case FIELD_START:
        if (c == '"') {
          quoteLine = lineBreaks + 1;
          return QUOTED;
        }
        return c == ',' ? FIELD_START : UNQUOTED;
      case UNQUOTED:
        return c == ',' ? FIELD_START : UNQUOTED;
      case QUOTED:
        return c == '"' ? QUOTE_IN_QUOTED : QUOTED;
      default: // QUOTE_IN_QUOTED: a doubled quote, the end of the field, or text after it
        return c == '"' ? QUOTED : c == ',' ? FIELD_START : UNQUOTED;
    }
  }

  /** Line breaks read in this input. */
  public long lineBreaks() {
    return lineBreaks;
  }

  /**
   * The warning about records ended inside quotes at {@value #MAX_RECORD} characters in input
   * {@code name}, or null if there were none.
   */
  public String cutWarning(String name) {
    if (cutRecords == 0) {
      return null;
    }
    return name + ": " + cutRecords + " quoted field(s) without a closing quote after "
        + MAX_RECORD + " characters, the first opened on line " + cutFirstLine + ", ended at the"
        + " next line break; reading went on with a new record (" + cutLines + " line(s)"
        + " affected; is a quote unbalanced?)";
  }

  /**
   * The warning about a quoted field still open at the end of input {@code name}, read whole,
   * or null if none is.
   *
   * @param endsWithBreak whether the input's last character was a line break
   */
  public String openWarning(String name, boolean endsWithBreak) {
    if (state != QUOTED) {
      return null;
    }
    // Lines from the opening quote to the last one (which may lack its line break).
    long lines = lineBreaks + (endsWithBreak ? 0 : 1) - quoteLine + 1;
    return name + ": the quoted field opened on line " + quoteLine + " is still open at the end"
        + " of the input (" + lines + " line(s) read as its text; is a quote unbalanced?)";
  }
}
