package dev.ciku.discover;

import dev.ciku.corpus.BundledData;
import dev.ciku.corpus.Fields;
import dev.ciku.corpus.LexiconForm;
import dev.ciku.corpus.TextLines;
import dev.ciku.count.SequenceTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A set of words read from lexicon files: one word per line, optionally followed by a space or
 * tab and more fields ({@code word freq}, {@code word freq pos}, {@code word<TAB>df}). Blanks
 * around a line are ignored ({@link Fields}); blank lines and lines starting with {@code #} are
 * skipped. Words are compared as the corpus reader writes text ({@link LexiconForm}): traditional
 * characters folded to simplified ones, so a simplified lexicon knows the
 * words of a traditional corpus and the other way round (著 compares as 着); full-width ASCII
 * as half-width (ＣＯＶＩＤ－１９ is COVID-19); Latin letters lower-cased if the corpus compares
 * them without case (by default and with {@code --lowercase}; not with {@code --keep-case}).
 *
 * <p>Filled by {@code addFile} and {@code addResource}, then only read: not thread-safe while it
 * is filled; once filled, and published safely (before any worker starts), any number of threads
 * may read it.
 */
public final class Lexicon {
  /**
   * The words' {@link #key} forms as sequences of UTF-16 units: a few arrays instead of a
   * million-object set of strings, which the collector would trace for the rest of the run.
   */
  private final SequenceTable words = new SequenceTable();
  private final boolean lowercase;

  /** An empty lexicon whose words keep the case of their Latin letters. */
  public Lexicon() {
    this(false);
  }

  /** An empty lexicon; {@code lowercase}: Latin letters are compared lower-cased. */
  public Lexicon(boolean lowercase) {
    this.lowercase = lowercase;
  }

  /** Adds the words of a file, read as {@link TextLines} reads (gzip decompressed, BOM skipped). */
  public Lexicon addFile(Path file) throws IOException {
    return addFile(file, m -> { });
  }

  /** As {@link #addFile(Path)}; {@code warnings} receives a warning about malformed bytes. */
  public Lexicon addFile(Path file, Consumer<String> warnings) throws IOException {
    try (TextLines lines = TextLines.open(file, warnings)) {
      return add(lines);
    }
  }

  /**
   * Adds the words of a bundled data file ({@code /dict/NAME}: beside the jar, else on the class
   * path, see {@link BundledData}), if it exists; returns whether it did.
   */
  public boolean addResource(String name) throws IOException {
    try (InputStream in = BundledData.open(name.startsWith("/") ? name.substring(1) : name)) {
      if (in == null) {
        return false;
      }
      try (TextLines lines = TextLines.of(in, name, m -> { })) {
        add(lines);
      }
      return true;
    }
  }

  private Lexicon add(TextLines r) throws IOException {
    String line;
    boolean first = true;
    while ((line = r.readLine()) != null) {
      // Surrounding blanks are not part of the word (the rule of every word list: Fields).
      String word = Fields.word(line);
      if (word != null) {
        if (first) {
          first = false;
          Fields.refuseJsonLines(word, r.name());
        }
        int[] u = units(key(word));
        words.add(u, 0, u.length, 1);
      }
    }
    return this;
  }

  /** Whether {@code word} is in the lexicon. */
  public boolean contains(String word) {
    int[] u = units(key(word));
    return words.get(u, 0, u.length) > 0;
  }

  /**
   * The form words are compared in ({@link LexiconForm}), Latin letters lower-cased if this
   * lexicon does. Cost: O(length); no copy when nothing changes.
   */
  String key(String word) {
    return LexiconForm.of(word, lowercase);
  }

  private static int[] units(String key) {
    int[] u = new int[key.length()];
    for (int i = 0; i < u.length; i++) {
      u[i] = key.charAt(i);
    }
    return u;
  }

  /** Number of distinct words, compared in their {@link #key} form. */
  public int size() {
    return words.size();
  }
}
