package dev.ciku.corpus;

/**
 * Blank-separated fields of the lines of word lists (lexicons, vocabularies, stopwords):
 * {@code word} or {@code word count}. One rule for every such file: a blank is a control
 * character or space up to U+0020, or a Unicode space separator (the ideographic space U+3000 and
 * the no-break space among them), so a list saved by a Chinese editor reads like an ASCII one.
 * Stateless; nothing is allocated but the field {@link #word} returns.
 */
public final class Fields {
  private Fields() {}

  /** Whether {@code c} separates fields. */
  public static boolean isBlank(char c) {
    return c <= ' ' || (c >= '\u00A0' && Character.isSpaceChar(c));
  }

  /** The first index at or after {@code from} (before {@code end}) that is not blank. */
  public static int skipBlanks(CharSequence s, int from, int end) {
    int i = from;
    while (i < end && isBlank(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The end of the field that starts at {@code from}: the next blank, or {@code end}. */
  public static int fieldEnd(CharSequence s, int from, int end) {
    int i = from;
    while (i < end && !isBlank(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The length of {@code s} without its trailing blanks. */
  public static int trimmedEnd(CharSequence s) {
    int end = s.length();
    while (end > 0 && isBlank(s.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  /** {@code s} without leading and trailing blanks. */
  public static String strip(String s) {
    int end = trimmedEnd(s);
    return s.substring(skipBlanks(s, 0, end), end);
  }

  /**
   * The word of a word-list line: its first field, or null for a line that is blank or starts
   * (after blanks) with {@code #}, a comment.
   */
  public static String word(String line) {
    int end = trimmedEnd(line);
    int from = skipBlanks(line, 0, end);
    if (from == end || line.charAt(from) == '#') {
      return null;
    }
    return line.substring(from, fieldEnd(line, from, end));
  }

  /**
   * Refuses a word list whose first word {@code firstWord} opens a JSON object: a list written
   * with {@code --format jsonl}, whose every line would be taken as one "word", so that nothing
   * matches and nothing says why.
   *
   * @param name the file, for the message
   * @throws MalformedDataException "NAME holds JSON lines, not a word list: write it with
   *     '--format tsv'"
   */
  public static void refuseJsonLines(String firstWord, String name)
      throws MalformedDataException {
    if (firstWord.startsWith("{\"")) {
      throw new MalformedDataException(name,
          "holds JSON lines, not a word list: write it with '--format tsv'");
    }
  }
}
