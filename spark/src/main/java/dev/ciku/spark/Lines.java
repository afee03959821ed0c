package dev.ciku.spark;

import dev.ciku.corpus.ClauseScanner;
import dev.ciku.corpus.UnitTable;
import java.util.Iterator;
import java.util.List;

/** Feeds text lines ({@link Inputs#lines}, line ends removed) to a scanner. */
final class Lines {
  private Lines() {}

  /** Every line ends a clause, as a line break does in the CLI's reader. */
  static void feed(Iterator<String> lines, ClauseScanner scanner) {
    while (lines.hasNext()) {
      scanner.text(lines.next());
      scanner.endLine();
    }
    scanner.finish();
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
