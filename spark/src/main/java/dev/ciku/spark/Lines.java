package dev.ciku.spark;

import dev.ciku.corpus.ClauseScanner;
import dev.ciku.corpus.UnitTable;
import java.util.Iterator;
import java.util.List;

/** Feeds text lines ({@link Inputs#lines}, line ends removed) to a scanner. */
final class Lines {
  private Lines() {}

  /**
   * Every line ends a clause, as a line break does in the CLI's reader. Returns the number of
   * U+FFFD characters fed (what decoding makes of malformed bytes).
   */
  static long feed(Iterator<String> lines, ClauseScanner scanner) {
    long replaced = 0;
    while (lines.hasNext()) {
      String line = lines.next();
      for (int i = line.indexOf('\uFFFD'); i >= 0; i = line.indexOf('\uFFFD', i + 1)) {
        replaced++;
      }
      scanner.text(line);
      scanner.endLine();
    }
    scanner.finish();
    return replaced;
  }

  /** The unit table whose Latin ids are {@code LATIN_BASE + index in latin}. */
  static UnitTable table(List<String> latin) {
    UnitTable t = new UnitTable();
    for (String s : latin) {
      t.latinId(s);
    }
    return t;
  }

  /** What a job says of the {@code n} U+FFFD characters of its input (n > 0). */
  static String replaced(long n) {
    return String.format(java.util.Locale.ROOT, "%,d character(s) U+FFFD in the input: bytes"
        + " malformed in its encoding (--encoding), which are replaced, or U+FFFD in the text", n);
  }

  /** What the failure of {@link #checkNoNewUnits} says (the driver recognises it). */
  static final String CHANGED = "the input changed between passes";

  /** Fails if scanning assigned ids the driver's table does not have. */
  static void checkNoNewUnits(UnitTable t, List<String> latin) {
    if (t.latinCount() != latin.size()) {
      throw new IllegalStateException("a partition met " + (t.latinCount() - latin.size())
          + " Latin unit(s) the first pass did not see: " + CHANGED + "?");
    }
  }
}
