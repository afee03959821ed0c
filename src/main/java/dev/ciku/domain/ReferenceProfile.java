package dev.ciku.domain;

import dev.ciku.corpus.BundledData;
import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.InputFiles;
import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.MalformedDataException;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.Simplified;
import dev.ciku.corpus.UnitTable;
import dev.ciku.count.CountOptions;
import dev.ciku.count.CountSummary;
import dev.ciku.count.GramIndex;
import dev.ciku.count.Grams;
import dev.ciku.count.NgramCounter;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/**
 * A compact reference profile: the counts of every n-gram of 1..{@code order} units that occurs
 * at least {@code minCount} times in a reference corpus, and the corpus size in unit positions.
 *
 * <h2>Look-up</h2>
 * A term of at most {@code order} units gets its exact count when that count reaches
 * {@code minCount}, and 0 otherwise (the profile does not tell "rare" from "absent"). A longer
 * term gets the smallest count of its windows of {@code order} units, an upper bound of its true
 * count (0 if some window is below the cut). Grams and terms are compared with traditional
 * characters folded to simplified ({@link Simplified}): a loaded profile adds the counts of grams
 * that differ only in script, so a simplified reference serves a traditional domain corpus.
 * Loaded for a domain corpus that folds the case of Latin letters (the default, and
 * {@code --lowercase}), a profile folds its grams' Latin letters too and adds the counts of grams
 * that differ only in case ({@code CPU}, {@code cpu}), whatever case its corpus was counted in:
 * a term's count is that of all its forms the profile holds (each of at least the min count).
 * Loaded for one that keeps case ({@code --keep-case}), it compares grams as they are written.
 *
 * <h2>File format</h2>
 * gzip-compressed UTF-8 text: header lines {@code # ciku reference profile 1}, {@code # order N},
 * {@code # min_count C}, {@code # lowercase true} (only for a corpus whose Latin letters were
 * folded: read by default or with {@code --lowercase}, whose profiles are the same file; not
 * with {@code --keep-case}), {@code # positions P}, {@code # source S}, then one
 * {@code gram<TAB>count} line per gram in unit order (so rebuilding gives a byte-identical file).
 * See dict/README.md.
 *
 * <p>Built by streaming ({@link #build}: nothing held per gram), read whole ({@link #load}: one
 * packed hash entry a gram, about 40 bytes, no object: Han units are their code points, Latin
 * units ids of the profile's own {@link UnitTable}). Immutable after loading; safe for
 * concurrent reads.
 */
public final class ReferenceProfile implements ReferenceCounts {
  /** First line of every profile. */
  public static final String MAGIC = "# ciku reference profile 1";
  /** Class-path name of the bundled general-Chinese profile. */
  public static final String BUNDLED = "dict/general-reference.profile.gz";

  private final int order;
  private final long minCount;
  private final long positions;
  private final String source;
  /**
   * Whether the corpus was read with its Latin letters lower-cased (by default or with
   * {@code --lowercase}; the header's {@code lowercase true}).
   */
  private final boolean lowercase;
  /** The counts by packed units, Han characters folded to simplified. */
  private final GramIndex counts;
  /** The Latin units of the grams (read-only after loading). */
  private final UnitTable latin;

  private ReferenceProfile(int order, long minCount, long positions, String source,
      boolean lowercase, GramIndex counts, UnitTable latin) {
    this.order = order;
    this.minCount = minCount;
    this.positions = positions;
    this.source = source;
    this.lowercase = lowercase;
    this.counts = counts;
    this.latin = latin;
  }

  /** What {@link #build} wrote: grams and unit positions. */
  public record Built(int order, long minCount, long positions, String source, long grams) {
    /** One line for the log, as {@link ReferenceProfile#describe()}. */
    public String describe() {
      return ReferenceProfile.describe(source, grams, order, minCount, positions, "");
    }
  }

  /**
   * Counts a reference corpus and writes its profile, gzip-compressed, to {@code out}, which
   * stays open. The grams are written as the count's merge emits them, in unit order (so the
   * same corpus gives a byte-identical file at any thread count and memory budget), and nothing
   * is held per gram: memory is the counting budget whatever the corpus size. A corpus read
   * folding case ({@link LatinCase#FOLD}) is counted lower-cased, as with {@code --lowercase}
   * (the same counts, the same file): a profile is for look-ups, which compare folded forms.
   *
   * @param order longest gram kept, 1..6 units
   * @param minCount smallest count kept
   * @param source a name for the header (e.g. the corpus file name)
   */
  public static Built build(List<CorpusInput> corpus, ReaderOptions reader, int order,
      long minCount, String source, int threads, long memory, Path tempDir, ByteCounter bytes,
      Consumer<String> warnings, OutputStream out) throws IOException {
    ReaderOptions counted = reader.latinCase() == LatinCase.FOLD
        ? reader.withLatinCase(LatinCase.LOWER) : reader;
    UnitTable units = UnitTable.of(counted);
    GZIPOutputStream gz = new GZIPOutputStream(new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush(); // the caller closes out
      }
    }, 1 << 16);
    String name = source.replace('\n', ' ');
    try (Writer w = new BufferedWriter(new OutputStreamWriter(gz, StandardCharsets.UTF_8), 1 << 16)) {
      ProfileLines lines = new ProfileLines(w, units, order, minCount, counted.lowercase(),
          name);
      CountSummary s = new NgramCounter(new CountOptions(order, minCount, threads, memory,
          tempDir), counted).count(corpus, units, bytes, warnings, lines);
      if (s.positions(1) == 0) {
        // As a reference corpus without text is refused: every term's keyness would be 0.
        throw new MalformedDataException(source,
            "holds no text (no characters to count the terms in): no profile written");
      }
      lines.header(s.positions(1));
      return new Built(order, minCount, s.positions(1), name, lines.grams);
    }
  }

  /** Writes the header once the count is done, then a {@code gram<TAB>count} line a gram. */
  private static final class ProfileLines implements dev.ciku.count.GramSink {
    private final Writer w;
    private final UnitTable units;
    private final int order;
    private final long minCount;
    private final boolean lowercase;
    private final String source;
    private final StringBuilder line = new StringBuilder();
    /** The line's characters, copied for the writer (Writer.append would make a String). */
    private char[] chars = new char[64];
    private boolean headed;
    long grams;

    ProfileLines(Writer w, UnitTable units, int order, long minCount, boolean lowercase,
        String source) {
      this.w = w;
      this.units = units;
      this.order = order;
      this.minCount = minCount;
      this.lowercase = lowercase;
      this.source = source;
    }

    @Override
    public void counted(long[] positions) {
      header(positions.length > 1 ? positions[1] : 0);
    }

    void header(long positions) {
      if (headed) {
        return;
      }
      headed = true;
      line.setLength(0);
      line.append(MAGIC).append('\n')
          .append("# order ").append(order).append('\n')
          .append("# min_count ").append(minCount).append('\n')
          .append(lowercase ? "# lowercase true\n" : "")
          .append("# positions ").append(positions).append('\n')
          .append("# source ").append(source).append('\n');
      emit();
    }

    @Override
    public void accept(long hi, long lo, long count) {
      line.setLength(0);
      Grams.append(line, hi, lo, units);
      line.append('\t').append(count).append('\n');
      emit();
      grams++;
    }

    private void emit() {
      int n = line.length();
      if (n > chars.length) {
        chars = new char[Math.max(n, 2 * chars.length)];
      }
      line.getChars(0, n, chars, 0);
      try {
        w.write(chars, 0, n);
      } catch (IOException e) {
        // Ends the count; the command reports the cause.
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /** Whether {@code file} starts like a profile (gzip or plain). */
  public static boolean isProfile(Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (InputStream in = InputFiles.gunzipIfMagic(Files.newInputStream(file), file.toString())) {
      byte[] head = in.readNBytes(MAGIC.length());
      return new String(head, StandardCharsets.UTF_8).equals(MAGIC);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Loads a profile file (gzip or plain), named by its path in messages, for a domain corpus
   * read with {@code latinCase} (the class comment says how it compares Latin letters).
   */
  public static ReferenceProfile load(Path file, LatinCase latinCase) throws IOException {
    return load(file, file.toString(), latinCase);
  }

  /**
   * Loads a profile file (gzip or plain), named {@code name} in messages (a copy of a stream is
   * named as the stream was given). Damage is reported as in {@link #load(InputStream, String,
   * LatinCase)}.
   */
  public static ReferenceProfile load(Path file, String name, LatinCase latinCase)
      throws IOException {
    try (InputStream in = InputFiles.open(file, name)) {
      return load(in, name, latinCase);
    }
  }

  /**
   * Loads the bundled general-Chinese profile, for a domain corpus read with {@code latinCase}:
   * {@code dict/general-reference.profile.gz} beside the jar (its directory or its parent's),
   * else the class-path resource.
   */
  public static ReferenceProfile bundled(LatinCase latinCase) throws IOException {
    Path beside = BundledData.besideJar(BUNDLED);
    if (beside != null) {
      return load(beside, latinCase);
    }
    try (InputStream in = ReferenceProfile.class.getResourceAsStream("/" + BUNDLED)) {
      if (in == null) {
        throw new java.io.FileNotFoundException("the bundled reference profile " + BUNDLED
            + " is missing; build it (see dict/README.md) or give --reference");
      }
      return load(in, "bundled " + BUNDLED, latinCase);
    }
  }

  /**
   * Loads a profile from a stream (gzip or plain), for a domain corpus read with
   * {@code latinCase}: its grams' Latin letters are folded unless that is {@link LatinCase#KEEP}.
   * Cost: one pass, one packed hash entry a gram (a String a line while reading, none kept).
   *
   * @throws InputFiles.CorruptInputException if the gzip data are truncated or corrupt
   * @throws MalformedDataException if the content is not a profile (no header line, a header
   *     without order or positions, a line that is not {@code gram<TAB>count} with a gram of 1 to
   *     6 units); the message names {@code name} and, for a bad line, its number
   */
  public static ReferenceProfile load(InputStream raw, String name, LatinCase latinCase)
      throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(
        InputFiles.gunzipIfMagic(raw, name), StandardCharsets.UTF_8), 1 << 16);
    String line = r.readLine();
    if (!MAGIC.equals(line)) {
      throw new MalformedDataException(name, "not a ciku reference profile (its first line is"
          + " not '" + MAGIC + "')");
    }
    int order = 0;
    long minCount = 0;
    long positions = -1;
    String source = "";
    boolean lowercase = false;
    GramIndex map = new GramIndex(1 << 16);
    // A folding table makes one unit of a Latin unit's forms (CPU, cpu), so the counts of grams
    // that differ only in case are added, as those that differ only in script are.
    UnitTable latin = UnitTable.of(latinCase);
    Simplified fold = Simplified.bundled();
    int[] units = new int[64];
    StringBuilder scratch = new StringBuilder();
    int lineNo = 1;
    while ((line = r.readLine()) != null) {
      lineNo++;
      if (line.startsWith("# ")) {
        int sp = line.indexOf(' ', 2);
        String key = sp < 0 ? line.substring(2) : line.substring(2, sp);
        String value = sp < 0 ? "" : line.substring(sp + 1);
        try {
          switch (key) {
            case "order" -> order = Integer.parseInt(value);
            case "min_count" -> minCount = Long.parseLong(value);
            case "positions" -> positions = Long.parseLong(value);
            case "source" -> source = value;
            case "lowercase" -> lowercase = booleanValue(value);
            default -> { }
          }
        } catch (NumberFormatException e) {
          throw new MalformedDataException(name, lineNo, "bad header value '" + value + "'");
        }
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab <= 0) {
        throw new MalformedDataException(name, lineNo, "expected gram<TAB>count");
      }
      long count;
      try {
        count = Long.parseLong(line.substring(tab + 1));
      } catch (NumberFormatException e) {
        count = -1;
      }
      if (count < 0) {
        throw new MalformedDataException(name, lineNo, "bad count '" + line.substring(tab + 1)
            + "' (a whole number of 0 or more)");
      }
      if (units.length < tab) {
        units = new int[tab];
      }
      int n = latin.toUnits(line, 0, tab, true, units, scratch);
      if (n < 1 || n > Grams.MAX_ORDER) {
        throw new MalformedDataException(name, lineNo, "'" + line.substring(0, tab)
            + "' is not a gram of 1 to " + Grams.MAX_ORDER + " units");
      }
      // Grams that differ only in script (這個, 这个) are one gram for look-ups.
      fold(fold, units, n);
      map.accept(Grams.hi(units, 0, n), Grams.lo(units, 0, n), count);
    }
    if (order < 1 || order > Grams.MAX_ORDER || positions < 0) {
      throw new MalformedDataException(name, "profile header lacks order or positions");
    }
    if (positions == 0) {
      throw new MalformedDataException(name,
          "a profile of no text (positions 0): build it from a reference corpus with text");
    }
    return new ReferenceProfile(order, Math.max(1, minCount), positions, source, lowercase, map,
        latin);
  }

  /** {@code true} or {@code false}, as a header writes them; anything else is no boolean. */
  private static boolean booleanValue(String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new NumberFormatException(value);
    };
  }

  /** Whether the profile's corpus was read with its Latin letters lower-cased. */
  public boolean lowercase() {
    return lowercase;
  }

  /**
   * The warning for a domain corpus read with {@code latinCase} against this profile, named
   * {@code name}, or null when they compare Latin letters alike: only a corpus that keeps case
   * ({@code --keep-case}) against a profile whose corpus lower-cased them finds no term with a
   * capital there. A corpus that folds case folds the profile as it loads, whatever its case.
   */
  public String caseWarning(LatinCase latinCase, String name) {
    if (latinCase != LatinCase.KEEP || !lowercase) {
      return null;
    }
    return "the reference profile " + name + " was counted with its Latin letters lower-cased,"
        + " the domain corpus is read with --keep-case: a Latin term with a capital (iPhone) is"
        + " not found there (leave out --keep-case to fold case in both)";
  }

  /** Folds the Han units of {@code units[0, n)} to simplified characters, in place. */
  private static void fold(Simplified fold, int[] units, int n) {
    for (int i = 0; i < n; i++) {
      if (!UnitTable.isLatinId(units[i])) {
        units[i] = fold.codePoint(units[i]);
      }
    }
  }

  /**
   * The reference count of {@code term}, as the class comment says; 0 for a text that is not
   * units or holds a Latin unit the profile does not. Cost: one hash look-up a window of
   * {@code order} units (one for a short term); an int array and a buffer a call.
   */
  @Override
  public long count(String term) {
    int[] u = new int[term.length()];
    int n = latin.toUnits(term, 0, term.length(), false, u, new StringBuilder());
    if (n <= 0) {
      return 0;
    }
    fold(Simplified.bundled(), u, n);
    if (n <= order) {
      return counts.get(u, 0, n);
    }
    long min = Long.MAX_VALUE;
    for (int i = 0; i + order <= n; i++) {
      long c = counts.get(u, i, order);
      if (c == 0) {
        return 0;
      }
      min = Math.min(min, c);
    }
    return min;
  }

  @Override
  public long positions() {
    return positions;
  }

  /** Longest gram held. */
  public int order() {
    return order;
  }

  /** Smallest count held. */
  public long minCount() {
    return minCount;
  }

  /** Number of grams held. */
  public int size() {
    return counts.size();
  }

  @Override
  public String describe() {
    return describe(source, counts.size(), order, minCount, positions,
        " (traditional characters folded to simplified: grams of both forms are one)");
  }

  private static String describe(String source, long grams, int order, long minCount,
      long positions, String note) {
    return String.format(Locale.ROOT,
        "reference profile (%s): %,d grams of 1..%d units seen %d+ times, %,d positions%s",
        source, grams, order, minCount, positions, note);
  }
}
