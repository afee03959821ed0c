package dev.ciku.corpus;

/**
 * Extracts one top-level string field from a JSON object held in a line. A small hand-written
 * scanner: it skips nested values without building them and decodes the usual escapes. Lines
 * that are not one JSON object (trailing data after it included, as Python's {@code json} reads
 * them), or lack the field, or hold a non-string value, yield null (the line then contributes no
 * text).
 *
 * <p>Stateless and thread-safe.
 */
final class JsonField {
  private JsonField() {}

  static CharSequence extract(CharSequence s, String field) {
    int[] pos = {skipWs(s, 0)};
    if (pos[0] >= s.length() || s.charAt(pos[0]) != '{') {
      return null;
    }
    pos[0]++;
    // As Python's json reads an object: the last of duplicated keys wins, and the whole object
    // must be well-formed up to its closing brace.
    CharSequence found = null;
    while (true) {
      pos[0] = skipWs(s, pos[0]);
      if (pos[0] >= s.length() || s.charAt(pos[0]) != '"') {
        return null;
      }
      StringBuilder key = new StringBuilder();
      if (!readString(s, pos, key)) {
        return null;
      }
      pos[0] = skipWs(s, pos[0]);
      if (pos[0] >= s.length() || s.charAt(pos[0]) != ':') {
        return null;
      }
      pos[0] = skipWs(s, pos[0] + 1);
      if (pos[0] >= s.length()) {
        return null;
      }
      if (key.toString().equals(field) && s.charAt(pos[0]) == '"') {
        StringBuilder value = new StringBuilder();
        if (!readString(s, pos, value)) {
          return null;
        }
        found = value;
      } else {
        if (key.toString().equals(field)) {
          found = null; // a non-string value: no text
        }
        if (!skipValue(s, pos)) {
          return null;
        }
      }
      pos[0] = skipWs(s, pos[0]);
      if (pos[0] >= s.length()) {
        return null;
      }
      char c = s.charAt(pos[0]++);
      if (c == '}') {
        // Anything but blanks after the object ("{...}{...}") makes the line no JSON object.
        return skipWs(s, pos[0]) == s.length() ? found : null;
      }
      if (c != ',') {
        return null;
      }
    }
  }

  /**
   * Whether {@code s} holds one whole JSON object (members scanned as {@link #extract} scans
   * them, up to the closing brace, and nothing but blanks after it). Tells a line that is not
   * JSON from one that lacks the field; called only for lines {@link #extract} rejected.
   */
  static boolean isObject(CharSequence s) {
    int[] pos = {skipWs(s, 0)};
    if (pos[0] >= s.length() || s.charAt(pos[0]) != '{') {
      return false;
    }
    pos[0] = skipWs(s, pos[0] + 1);
    if (pos[0] < s.length() && s.charAt(pos[0]) == '}') {
      return skipWs(s, pos[0] + 1) == s.length();
    }
    while (true) {
      if (pos[0] >= s.length() || s.charAt(pos[0]) != '"'
          || !readString(s, pos, new StringBuilder())) {
        return false;
      }
      pos[0] = skipWs(s, pos[0]);
      if (pos[0] >= s.length() || s.charAt(pos[0]) != ':') {
        return false;
      }
      pos[0] = skipWs(s, pos[0] + 1);
      if (pos[0] >= s.length() || !skipValue(s, pos)) {
        return false;
      }
      pos[0] = skipWs(s, pos[0]);
      if (pos[0] >= s.length()) {
        return false;
      }
      char c = s.charAt(pos[0]);
      if (c == '}') {
        return skipWs(s, pos[0] + 1) == s.length();
      }
      if (c != ',') {
        return false;
      }
      pos[0] = skipWs(s, pos[0] + 1);
    }
  }

  private static int skipWs(CharSequence s, int i) {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        break;
      }
      i++;
    }
    return i;
  }

  /** Reads a string starting at the opening quote; leaves pos after the closing quote. */
  private static boolean readString(CharSequence s, int[] pos, StringBuilder out) {
    int i = pos[0] + 1;
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (c == '"') {
        pos[0] = i;
        return true;
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (i >= s.length()) {
        return false;
      }
      char e = s.charAt(i++);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          if (i + 4 > s.length()) {
            return false;
          }
          int v = 0;
          for (int k = 0; k < 4; k++) {
            int d = Character.digit(s.charAt(i + k), 16);
            if (d < 0) {
              return false;
            }
            v = v * 16 + d;
          }
          out.append((char) v);
          i += 4;
        }
        case '"', '\\', '/' -> out.append(e);
        default -> {
          return false; // not an escape of JSON (\x): the line is no JSON
        }
      }
    }
    return false;
  }

  private static boolean skipValue(CharSequence s, int[] pos) {
    int i = pos[0];
    char c = s.charAt(i);
    if (c == '"') {
      return readString(s, pos, new StringBuilder());
    }
    if (c == '{' || c == '[') {
      int depth = 0;
      while (i < s.length()) {
        char d = s.charAt(i);
        if (d == '"') {
          pos[0] = i;
          if (!readString(s, pos, new StringBuilder())) {
            return false;
          }
          i = pos[0];
          continue;
        }
        if (d == '{' || d == '[') {
          depth++;
        } else if (d == '}' || d == ']') {
          depth--;
          if (depth == 0) {
            pos[0] = i + 1;
            return true;
          }
        }
        i++;
      }
      return false;
    }
    while (i < s.length()) {
      char d = s.charAt(i);
      if (d == ',' || d == '}' || d == ' ' || d == '\t') {
        break;
      }
      i++;
    }
    pos[0] = i;
    return true;
  }
}
