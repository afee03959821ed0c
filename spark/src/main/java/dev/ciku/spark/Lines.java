package dev.ciku.spark;

import dev.ciku.corpus.ClauseScanner;
import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.LatinForms;
import dev.ciku.corpus.UnitTable;
import java.util.Iterator;

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

  /**
   * The driver's unit table, rebuilt in a task from its forms ({@link UnitTable#forms}), read
   * with {@code latinCase}: the same ids and written forms, frozen (the task's reading counts
   * nothing).
   */
  static UnitTable table(LatinForms latin, LatinCase latinCase) {
    UnitTable t = UnitTable.of(latinCase);
    t.addAll(latin);
    t.freeze();
    return t;
  }

  /** What a job says of the {@code n} U+FFFD characters of its input (n > 0). */
  static String replaced(long n) {
    return String.format(java.util.Locale.ROOT, "%,d character(s) U+FFFD in the input: bytes"
        + " malformed in its encoding (--encoding), which are replaced, or U+FFFD in the text", n);
  }

  /** What the failure of {@link #checkNoNewUnits} says (the driver recognises it). */
  static final String CHANGED = "the input changed between passes";

  /**
   * Fails if scanning assigned ids the driver's table does not have: {@code t} held
   * {@code units} Latin units when it was rebuilt ({@link #table}).
   */
  static void checkNoNewUnits(UnitTable t, int units) {
    if (t.latinCount() != units) {
      throw new IllegalStateException("a partition met " + (t.latinCount() - units)
          + " Latin unit(s) the first pass did not see: " + CHANGED + "?");
    }
  }
}
