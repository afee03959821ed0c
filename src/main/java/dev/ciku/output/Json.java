package dev.ciku.output;

import java.io.IOException;
import java.io.Writer;

/** JSON string escaping. Stateless and thread-safe. */
public final class Json {
  private Json() {}

  /**
   * Writes {@code s} as a quoted JSON string: control characters, and the line separators
   * U+2028 and U+2029 (which JavaScript and line readers such as Python's {@code splitlines}
   * break lines at), escaped.
   */
  public static void writeString(Writer out, CharSequence s) throws IOException {
    out.write('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.write("\\\"");
        case '\\' -> out.write("\\\\");
        case '\n' -> out.write("\\n");
        case '\r' -> out.write("\\r");
        case '\t' -> out.write("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.write(String.format("\\u%04x", (int) c));
          } else {
            out.write(c);
          }
        }
      }
    }
    out.write('"');
  }
}
