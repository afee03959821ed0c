package dev.ciku.corpus;

import java.io.Serializable;

/**
 * Counts the records of JSON-lines, TSV or CSV inputs that hold their text and those that do not
 * ({@link RecordField#find}), and says so as ciku says it: one warning per input that had records
 * without it, and, when no record of any input held it, the failure that takes the field or
 * column given for a mistake, with the start of the first record without it. {@link
 * CorpusReader} keeps one per input and one for all; the Spark jobs keep one per split and add
 * them up on the driver in the order of the inputs.
 *
 * <p>Cost: a few counters; the first record without the text is copied (its first {@value
 * #SHOWN} characters), no other. Not thread-safe; serializable, to be sent from a task.
 */
public final class SkippedRecords implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Characters of a record shown when no record holds the text. */
  static final int SHOWN = 80;

  private final boolean jsonl;
  private final String field;
  private final int column;
  private long withText;
  private long notObjects;
  private long lacking;
  /** The start of the first non-blank record without the text, or null. */
  private String first;

  /** No records yet, of inputs read with {@code options} (JSON lines, TSV or CSV). */
  public SkippedRecords(ReaderOptions options) {
    if (options.format() == InputFormat.PLAIN) {
      throw new IllegalArgumentException("plain text has no records to skip");
    }
    this.jsonl = options.format() == InputFormat.JSONL;
    this.field = options.field();
    this.column = options.column();
  }

  /**
   * Counts the record {@code a[from..to)} for which {@link RecordField#find} returned {@code
   * found}. A blank record without the text is not counted as skipped (it holds nothing to
   * miss).
   */
  public void count(int found, char[] a, int from, int to) {
    if (found == RecordField.TEXT) {
      withText++;
      return;
    }
    if (isBlank(a, from, to)) {
      return;
    }
    if (first == null) {
      int n = Math.min(to - from, SHOWN);
      if (n < to - from && Character.isHighSurrogate(a[from + n - 1])) {
        n--;
      }
      first = new String(a, from, n) + (to - from > n ? "..." : "");
    }
    if (found == RecordField.NOT_OBJECT) {
      notObjects++;
    } else {
      lacking++;
    }
  }

  /**
   * Adds the counts of {@code later}, records read after these (of the same inputs' options):
   * the first record without the text stays this one's if it has one.
   */
  public void add(SkippedRecords later) {
    withText += later.withText;
    notObjects += later.notObjects;
    lacking += later.lacking;
    if (first == null) {
      first = later.first;
    }
  }

  /** Records counted that held the text. */
  public long withText() {
    return withText;
  }

  /** Non-blank records counted that did not hold it. */
  public long skipped() {
    return notObjects + lacking;
  }

  /**
   * The warning about the records of input {@code name} that lacked the text ("NAME: 2 lines are
   * not a JSON object, 1 line lacks column 3; skipped"), or null if none did.
   */
  public String warning(String name) {
    if (skipped() == 0) {
      return null;
    }
    StringBuilder b = new StringBuilder(name).append(": ");
    if (notObjects > 0) {
      b.append(notObjects).append(notObjects == 1 ? " line is" : " lines are")
          .append(" not a JSON object");
    }
    if (lacking > 0) {
      b.append(notObjects > 0 ? ", " : "").append(lacking)
          .append(lacking == 1 ? " line lacks" : " lines lack").append(' ').append(what());
    }
    return b.append("; skipped").toString();
  }

  /**
   * Fails if records lacked the text and none held it: the field or column given is then taken
   * for a mistake.
   *
   * @param name the input read, or "the inputs" for several
   * @throws MalformedDataException naming {@code name}, the field or column, the records without
   *     it and the start of the first (the command line exits 65 with it)
   */
  public void check(String name) throws MalformedDataException {
    if (withText == 0 && skipped() > 0) {
      throw new MalformedDataException(name, "no line holds " + what() + " (" + skipped()
          + " line(s) without it; the first: " + first + "): give "
          + (jsonl ? "--field" : "--column") + " for the text's place in a record");
    }
  }

  /** What a record lacks: "a string field 'NAME'" or "column N". */
  private String what() {
    return jsonl ? "a string field '" + field + "'" : "column " + column;
  }

  private static boolean isBlank(char[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(a[i])) {
        return false;
      }
    }
    return true;
  }
}
