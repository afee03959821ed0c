package dev.ciku.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A slow, independent restatement of the unit policy for tests: normalise the whole string, then
 * find Han characters and Latin runs with a regular expression. Anything else splits clauses.
 */
final class ReferenceUnits {
  private static final String LATIN = "[A-Za-z0-9\\u00C0-\\u024F&&[^\\u00D7\\u00F7]]";
  private static final Pattern TOKEN = Pattern.compile(
      "(" + LATIN + "+(?:[-.]" + LATIN + "+)*)"
          + "|([\\u3007\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF"
          + "\\x{20000}-\\x{2FA1F}\\x{30000}-\\x{323AF}])");

  private ReferenceUnits() {}

  /** The clauses of {@code text}, each a list of unit strings. */
  static List<List<String>> clauses(String text, boolean lowercase) {
    StringBuilder norm = new StringBuilder();
    text.codePoints().forEach(cp -> {
      if (cp >= 0xFF01 && cp <= 0xFF5E) {
        cp -= 0xFEE0;
      } else if (cp == 0x3000) {
        cp = ' ';
      }
      norm.appendCodePoint(cp);
    });
    List<List<String>> out = new ArrayList<>();
    List<String> current = new ArrayList<>();
    Matcher m = TOKEN.matcher(norm);
    int last = 0;
    while (m.find()) {
      boolean gap = m.start() > last;
      String unit = m.group();
      boolean tooLong = m.group(1) != null && unit.length() > UnitPolicy.MAX_LATIN_LENGTH;
      if ((gap || tooLong) && !current.isEmpty()) {
        out.add(current);
        current = new ArrayList<>();
      }
      if (!tooLong) {
        if (m.group(1) != null && lowercase) {
          StringBuilder sb = new StringBuilder();
          unit.codePoints().forEach(c -> sb.appendCodePoint(Character.toLowerCase(c)));
          unit = sb.toString();
        }
        current.add(unit);
      }
      last = m.end();
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }
}
