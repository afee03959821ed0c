package dev.ciku.corpus;

/**
 * Picks one column out of a TSV line or CSV record. CSV follows RFC 4180 as Python's {@code csv}
 * module reads it: a quote at the start of a field opens a quoted field (which may hold commas,
 * line breaks and doubled quotes) and text after its closing quote is kept; a quote inside an
 * unquoted field is an ordinary character. {@link CorpusReader} splits the records the same way.
 * A missing column yields null. Stateless and thread-safe.
 */
final class Columns {
  private Columns() {}

  static CharSequence tsv(CharSequence s, int column) {
    int col = 1;
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == '\t') {
        if (col == column) {
          return s.subSequence(start, i);
        }
        col++;
        start = i + 1;
      }
    }
    return null;
  }

  static CharSequence csv(CharSequence s, int column) {
    int col = 1;
    int i = 0;
    int n = s.length();
    while (i <= n) {
      StringBuilder field = col == column ? new StringBuilder() : null;
      if (i < n && s.charAt(i) == '"') {
        i++;
        while (i < n) {
          char c = s.charAt(i);
          if (c == '"') {
            if (i + 1 < n && s.charAt(i + 1) == '"') {
              if (field != null) {
                field.append('"');
              }
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (field != null) {
            field.append(c);
          }
          i++;
        }
        while (i < n && s.charAt(i) != ',') {
          if (field != null) {
            field.append(s.charAt(i));
          }
          i++;
        }
      } else {
        while (i < n && s.charAt(i) != ',') {
          if (field != null) {
            field.append(s.charAt(i));
          }
          i++;
        }
      }
      if (field != null) {
        return field;
      }
      col++;
      i++;
    }
    return null;
  }
}
