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
    Tally tally = new Tally();
    ClauseScanner scanner = new ClauseScanner(UnitTable.of(options), options, tally);
    CorpusReader reader = new CorpusReader(options, bytes, warnings);
    reader.read(inputs, scanner);
    return of(Scan.of(scanner), tally.han, tally.latin(), reader.malformed());
  }

  /**
   * The statistics of a corpus from its scan and its unit counts.
   *
   * @param han occurrences of each Han unit, by code point ({@link UnitTable#LATIN_BASE} entries)
   * @param latin occurrences of each Latin unit, in the order the units were first seen (their
   *     ids): the entropy is summed in this order, so that the same corpus read in parts (the
   *     Spark job) gives the same bits
   * @param malformed malformed byte sequences replaced while decoding
   */
  public static CorpusStats of(Scan scan, long[] han, long[] latin, long malformed) {
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
    for (long c : latin) {
      if (c > 0) {
        total += c;
        distinct++;
        sumClnC += c * Math.log(c);
      }
    }
    double entropy = total == 0 ? 0 : (Math.log(total) - sumClnC / total) / Math.log(2);
    Simplified fold = Simplified.bundled();
    // With --simplify the scanner counted them as it folded them; the units are simplified.
    long traditional = scan.folded();
    for (int cp = 0; cp < han.length; cp++) {
      if (han[cp] > 0 && fold.codePoint(cp) != cp) {
        traditional += han[cp];
      }
    }
    return new CorpusStats(scan.lines(), scan.chars(), scan.hanChars(), traditional,
        scan.clauses(), scan.units(), scan.latinUnits(), scan.urls(), distinct, entropy,
        malformed);
  }

  /**
   * A {@link ClauseScanner}'s counters after a scan: lines, characters, Han characters, those it
   * folded ({@code --simplify}), clauses, units, Latin units, URLs. Parts of one corpus add up
   * ({@link #plus}).
   */
  public record Scan(long lines, long chars, long hanChars, long folded, long clauses, long units,
      long latinUnits, long urls) implements java.io.Serializable {
    /** The counters of {@code scanner}, read after it finished. */
    public static Scan of(ClauseScanner scanner) {
      return new Scan(scanner.lines(), scanner.chars(), scanner.hanChars(), scanner.folded(),
          scanner.clauses(), scanner.units(), scanner.latinUnits(), scanner.urls());
    }

    /** The counters of this part and {@code o} together. */
    public Scan plus(Scan o) {
      return new Scan(lines + o.lines, chars + o.chars, hanChars + o.hanChars,
          folded + o.folded, clauses + o.clauses, units + o.units, latinUnits + o.latinUnits,
          urls + o.urls);
    }
  }

  /**
   * Counts the units of the clauses a {@link ClauseScanner} hands it: Han units by code point
   * (a 2 MB table), Latin units by id. Not thread-safe: one per scanner.
   */
  public static final class Tally implements ClauseSink {
    private final long[] han = new long[UnitTable.LATIN_BASE];
    private long[] latin = new long[1024];
    private int latinIds;

    @Override
    public void clause(int[] u, int length, int owned, boolean start, boolean end) {
      for (int i = 0; i < owned; i++) {
        int id = u[i];
        if (id < UnitTable.LATIN_BASE) {
          han[id]++;
        } else {
          int k = id - UnitTable.LATIN_BASE;
          if (k >= latin.length) {
            latin = Arrays.copyOf(latin, Math.max(k + 1, latin.length * 2));
          }
          latin[k]++;
          latinIds = Math.max(latinIds, k + 1);
        }
      }
    }

    /** Occurrences of each Han unit, by code point (the tally's own array: do not change). */
    public long[] han() {
      return han;
    }

    /** Occurrences of each Latin unit, by id minus {@link UnitTable#LATIN_BASE} (a copy). */
    public long[] latin() {
      return Arrays.copyOf(latin, latinIds);
    }
  }
}
