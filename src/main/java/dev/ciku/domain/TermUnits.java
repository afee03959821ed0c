package dev.ciku.domain;

import dev.ciku.corpus.UnitPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text of a term into the texts of its units ({@link UnitPolicy}): one Han character,
 * or one Latin run (letters and digits, joined by single {@code -} or {@code .}). Code points
 * are normalised as the corpus reader does (full-width ASCII to half-width). Returns null when
 * the text holds anything that is not part of a unit. Static and thread-safe.
 */
final class TermUnits {
  private TermUnits() {}

  static List<String> split(String text) {
    List<String> out = new ArrayList<>(text.length());
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int raw = text.codePointAt(i);
      int cp = UnitPolicy.normalize(raw);
      if (UnitPolicy.isHan(cp)) {
        out.add(new String(Character.toChars(cp)));
        i += Character.charCount(raw);
        continue;
      }
      if (!UnitPolicy.isLatin(cp)) {
        return null;
      }
      sb.setLength(0);
      while (i < text.length()) {
        int r = text.codePointAt(i);
        int c = UnitPolicy.normalize(r);
        if (UnitPolicy.isLatin(c)) {
          sb.appendCodePoint(c);
          i += Character.charCount(r);
        } else if (UnitPolicy.isLatinJoiner(c) && i + 1 < text.length()
            && UnitPolicy.isLatin(UnitPolicy.normalize(text.codePointAt(i + 1)))) {
          sb.appendCodePoint(c);
          i++;
        } else {
          break;
        }
      }
      out.add(sb.toString());
    }
    return out;
  }
}
