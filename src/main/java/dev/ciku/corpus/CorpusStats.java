package dev.ciku.corpus;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * What is in a corpus: lines, characters, Han characters, clauses, units, distinct units and the
 * unigram entropy of units in bits. One streaming pass; memory is one counter per distinct unit
 * (a fixed 2 MB table for Han code points plus one slot per Latin unit).
 *
 * @param lines lines (line ends, plus an unterminated last line)
 * @param chars code points, line ends excluded
 * @param hanChars Han code points
 * @param traditionalChars those of {@code hanChars} that {@link Simplified} folds (traditional
 *     forms; a few, such as 著 and 乾, are also simplified characters)
 * @param clauses clauses (maximal runs of units)
 * @param units units (Han characters and Latin runs)
 * @param latinUnits Latin units among {@code units}
 * @param urls URLs skipped whole (see {@link UnitPolicy}): their characters are in {@code chars},
 *     none of their parts in {@code units}
 * @param distinctUnits distinct units
 * @param entropyBits unigram entropy of the unit distribution, in bits per unit
 * @param malformed malformed or unmappable byte sequences replaced
 */
public record CorpusStats(
    long lines,
    long chars,
    long hanChars,
    long traditionalChars,
    long clauses,
    long units,
    long latinUnits,
    long urls,
    long distinctUnits,
    double entropyBits,
    long malformed) {

  /** Reads {@code inputs} once and computes the statistics. */
  public static CorpusStats compute(
      List<CorpusInput> inputs, ReaderOptions options, ByteCounter bytes, Consumer<String> warnings)
      throws IOException {
    UnitTable table = new UnitTable();
    long[] han = new long[UnitTable.LATIN_BASE];
    long[][] latin = {new long[1024]};
    ClauseSink sink = (u, length, owned, start, end) -> {
      for (int i = 0; i < owned; i++) {
        int id = u[i];
        if (id < UnitTable.LATIN_BASE) {
          han[id]++;
        } else {
          int k = id - UnitTable.LATIN_BASE;
          if (k >= latin[0].length) {
            latin[0] = Arrays.copyOf(latin[0], Math.max(k + 1, latin[0].length * 2));
          }
          latin[0][k]++;
        }
      }
    };
    ClauseScanner scanner = new ClauseScanner(table, options, sink);
    CorpusReader reader = new CorpusReader(options, bytes, warnings);
    reader.read(inputs, scanner);
    long total = 0;
    long distinct = 0;
    double sumClnC = 0;
    for (long c : han) {
      if (c > 0) {
        total += c;
        distinct++;
        sumClnC += c * Math.log(c);
      }
    }
    for (long c : latin[0]) {
      if (c > 0) {
        total += c;
        distinct++;
        sumClnC += c * Math.log(c);
      }
    }
    double entropy = total == 0 ? 0 : (Math.log(total) - sumClnC / total) / Math.log(2);
    Simplified fold = Simplified.bundled();
    // With --simplify the scanner counted them as it folded them; the units are simplified.
    long traditional = scanner.folded();
    for (int cp = 0; cp < han.length; cp++) {
      if (han[cp] > 0 && fold.codePoint(cp) != cp) {
        traditional += han[cp];
      }
    }
    return new CorpusStats(scanner.lines(), scanner.chars(), scanner.hanChars(), traditional, scanner.clauses(),
        scanner.units(), scanner.latinUnits(), scanner.urls(), distinct, entropy, reader.malformed());
  }
}
