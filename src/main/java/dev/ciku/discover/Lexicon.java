package dev.ciku.discover;

import dev.ciku.corpus.BundledData;
import dev.ciku.corpus.Fields;
import dev.ciku.corpus.Simplified;
import dev.ciku.corpus.TextLines;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A set of words read from lexicon files: one word per line, optionally followed by a space or
 * tab and more fields ({@code word freq}, {@code word freq pos}, {@code word<TAB>df}). Blanks
 * around a line are ignored; blank lines and lines starting with {@code #} are skipped. Words are
 * compared with their traditional characters folded to simplified ones ({@link Simplified}), so
 * a simplified lexicon knows the words of a traditional corpus and the other way round.
 * Immutable once built; thread-safe to read.
 */
public final class Lexicon {
  private final Set<String> words = new HashSet<>();
  private final Simplified simplified = Simplified.bundled();

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
    while ((line = r.readLine()) != null) {
      // Surrounding blanks are not part of the word (the rule of every word list: Fields).
      int end = Fields.trimmedEnd(line);
      int from = Fields.skipBlanks(line, 0, end);
      int wordEnd = Fields.fieldEnd(line, from, end);
      if (wordEnd > from && line.charAt(from) != '#') {
        words.add(simplified.fold(line.substring(from, wordEnd)));
      }
    }
    return this;
  }

  /** Whether {@code word} is in the lexicon. */
  public boolean contains(String word) {
    return words.contains(simplified.fold(word));
  }

  /** Number of distinct words, compared after folding. */
  public int size() {
    return words.size();
  }
}
