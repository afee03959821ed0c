package dev.ciku.corpus;

import java.util.Objects;

/**
 * Finds one top-level string field of a JSON object held in a line. A small hand-written scanner
 * that reads the line as Python's {@code json} does: the line must be exactly one object (blanks
 * around it allowed, anything else after its closing brace makes it no object), the last of
 * duplicated keys wins, a non-string value of the field gives no text, the escapes
 * <code>\n \t \r \b \f &#92;uXXXX \" \\ \/</code> are decoded and any other escape makes the
 * line no JSON (Java's {@link Character#digit(char, int)} reads the hex digits). Nested
 * objects and arrays are skipped by counting brackets (strings inside them honoured); scalars are
 * skipped up to the next comma, closing brace or blank without being checked.
 *
 * <p>Cost: one pass over the line; keys are compared with the field name as they are decoded,
 * other values are skipped without being copied, and the field's value is handed out as a range
 * of the line unless it holds escapes, in which case it is decoded into a scratch array that
 * grows to the longest such value. Allocates nothing per line. Not thread-safe: one per reader.
 */
final class JsonField extends RecordField {
  /** Hex digit values of ASCII characters, -1 for others. */
  private static final byte[] HEX = new byte[128];

  static {
    java.util.Arrays.fill(HEX, (byte) -1);
    for (int c = 0; c < 128; c++) {
      HEX[c] = (byte) Character.digit(c, 16);
    }
  }

  private final char[] name;
  private char[] scratch = new char[256];
  /** Set by {@link #key}: whether the key just read is the field's name. */
  private boolean keyMatches;
  /** Set by {@link #escape}: the character the escape stands for. */
  private char escaped;

  /** @param field the name of the field to find (any string, the empty one included) */
  JsonField(String field) {
    this.name = Objects.requireNonNull(field, "field").toCharArray();
  }

  @Override
  public int find(char[] line, int from, int to) {
    int i = skipBlanks(line, from, to);
    if (i >= to || line[i] != '{') {
      return NOT_OBJECT;
    }
    i = skipBlanks(line, i + 1, to);
    if (i < to && line[i] == '}') {
      return skipBlanks(line, i + 1, to) == to ? LACKING : NOT_OBJECT;
    }
    boolean found = false;
    while (true) {
      if (i >= to || line[i] != '"') {
        return NOT_OBJECT;
      }
      i = key(line, i, to);
      if (i < 0) {
        return NOT_OBJECT;
      }
      i = skipBlanks(line, i, to);
      if (i >= to || line[i] != ':') {
        return NOT_OBJECT;
      }
      i = skipBlanks(line, i + 1, to);
      if (i >= to) {
        return NOT_OBJECT;
      }
      if (keyMatches && line[i] == '"') {
        i = value(line, i, to);
        found = true;
      } else {
        if (keyMatches) {
          found = false; // a non-string value: no text, whatever came before
        }
        i = skipValue(line, i, to);
      }
      if (i < 0) {
        return NOT_OBJECT;
      }
      i = skipBlanks(line, i, to);
      if (i >= to) {
        return NOT_OBJECT;
      }
      char c = line[i++];
      if (c == '}') {
        if (skipBlanks(line, i, to) != to) {
          return NOT_OBJECT; // "{...}{...}", "{...} x": Python's "Extra data"
        }
        return found ? TEXT : LACKING;
      }
      if (c != ',') {
        return NOT_OBJECT;
      }
      i = skipBlanks(line, i, to);
    }
  }

  private static int skipBlanks(char[] a, int i, int to) {
    while (i < to) {
      char c = a[i];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        break;
      }
      i++;
    }
    return i;
  }

  /**
   * Reads the key string whose opening quote is at {@code i}, setting {@link #keyMatches}.
   *
   * @return the index after its closing quote, or -1 if it is malformed
   */
  private int key(char[] a, int i, int to) {
    char[] want = name;
    int k = 0;
    boolean same = true;
    int j = i + 1;
    while (j < to) {
      char c = a[j++];
      if (c == '"') {
        keyMatches = same && k == want.length;
        return j;
      }
      if (c == '\\') {
        j = escape(a, j, to);
        if (j < 0) {
          return -1;
        }
        c = escaped;
      }
      if (same) {
        if (k < want.length && want[k] == c) {
          k++;
        } else {
          same = false;
        }
      }
    }
    return -1;
  }

  /**
   * Reads the field's string value whose opening quote is at {@code i}, setting the text range:
   * the line's own chars if it holds no escape, else the decoded chars in {@link #scratch}.
   *
   * @return the index after its closing quote, or -1 if it is malformed
   */
  private int value(char[] a, int i, int to) {
    int from = i + 1;
    int j = from;
    while (j < to) {
      char c = a[j];
      if (c == '"') {
        found(a, from, j);
        return j + 1;
      }
      if (c == '\\') {
        break;
      }
      j++;
    }
    if (j >= to) {
      return -1;
    }
    // Decoding never lengthens: the raw value, up to its closing quote, bounds it.
    int close = j;
    while (close < to && a[close] != '"') {
      close += a[close] == '\\' ? 2 : 1;
    }
    if (close >= to) {
      return -1;
    }
    char[] out = scratch = RecordField.room(scratch, close - from);
    int w = j - from;
    System.arraycopy(a, from, out, 0, w);
    while (j < to) {
      char c = a[j++];
      if (c == '"') {
        found(out, 0, w);
        return j;
      }
      if (c == '\\') {
        j = escape(a, j, to);
        if (j < 0) {
          return -1;
        }
        c = escaped;
      }
      out[w++] = c;
    }
    return -1;
  }

  /**
   * Skips the string whose opening quote is at {@code i}, checking its escapes.
   *
   * @return the index after its closing quote, or -1 if it is malformed
   */
  private int skipString(char[] a, int i, int to) {
    int j = i + 1;
    while (j < to) {
      char c = a[j++];
      if (c == '"') {
        return j;
      }
      if (c == '\\') {
        j = escape(a, j, to);
        if (j < 0) {
          return -1;
        }
      }
    }
    return -1;
  }

  /**
   * Decodes the escape after the backslash before {@code j} into {@link #escaped}.
   *
   * @return the index after the escape, or -1 if it is none of JSON's
   */
  private int escape(char[] a, int j, int to) {
    if (j >= to) {
      return -1;
    }
    char e = a[j++];
    switch (e) {
      case 'n' -> escaped = '\n';
      case 't' -> escaped = '\t';
      case 'r' -> escaped = '\r';
      case 'b' -> escaped = '\b';
      case 'f' -> escaped = '\f';
      case '"', '\\', '/' -> escaped = e;
      case 'u' -> {
        if (j + 4 > to) {
          return -1;
        }
        int v = 0;
        for (int k = 0; k < 4; k++) {
          int d = hex(a[j + k]);
          if (d < 0) {
            return -1;
          }
          v = v * 16 + d;
        }
        escaped = (char) v;
        j += 4;
      }
      default -> {
        return -1; // not an escape of JSON (\x): the line is no JSON
      }
    }
    return j;
  }

  /** The value of a hex digit as {@link Character#digit(char, int)} reads it, else -1. */
  private static int hex(char c) {
    return c < 128 ? HEX[c] : Character.digit(c, 16);
  }

  /**
   * Skips the value starting at {@code i} (which is before {@code to}): a string, an object or
   * array up to its matching bracket, or a scalar up to a comma, closing brace or blank.
   *
   * @return the index after it, or -1 if it is malformed
   */
  private int skipValue(char[] a, int i, int to) {
    char c = a[i];
    if (c == '"') {
      return skipString(a, i, to);
    }
    if (c == '{' || c == '[') {
      int depth = 0;
      while (i < to) {
        char d = a[i];
        if (d == '"') {
          i = skipString(a, i, to);
          if (i < 0) {
            return -1;
          }
          continue;
        }
        if (d == '{' || d == '[') {
          depth++;
        } else if (d == '}' || d == ']') {
          depth--;
          if (depth == 0) {
            return i + 1;
          }
        }
        i++;
      }
      return -1;
    }
    while (i < to) {
      char d = a[i];
      if (d == ',' || d == '}' || d == ' ' || d == '\t') {
        break;
      }
      i++;
    }
    return i;
  }
}
