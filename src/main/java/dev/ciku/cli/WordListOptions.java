package dev.ciku.cli;

import dev.ciku.discover.WordFilter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * The options that shape a list of discovered words, those of {@code discover}: de-redundancy
 * ({@code --redundancy}) and the known words to drop ({@code --known}, {@code --new-only}).
 * {@code domain} keeps a {@code --redundancy} of its own, off by default (compound terms stay
 * whole), and drops no known words. Also the Spark discover job's, whose {@code --known} text
 * says the lexicons are local files (its corpus may be on any Hadoop file system).
 *
 * <p>A picocli mixin: picocli fills the fields while parsing, and the methods read them (nothing
 * is cached). Not thread-safe; one instance per command run, used on its thread.
 */
public final class WordListOptions implements OptionTexts.Own {
  @Option(names = "--redundancy", paramLabel = "NATS", defaultValue = "6.0",
      description = "De-redundancy: a word of 3+ units must save this many nats per extra unit"
          + " over its best split into the other words, or it is removed and its count given to"
          + " them (default: ${DEFAULT-VALUE}; 0: off).")
  double redundancy;

  @Option(names = "--known", paramLabel = "LEXICON",
      description = "Drop the words listed in LEXICON (one word per line, or 'word freq' lines)."
          + " Repeatable.")
  List<Path> known = new ArrayList<>();

  @Option(names = "--new-only",
      description = "Drop the words of ciku's bundled general lexicon (dict/known-words.txt.gz, from"
          + " jieba's MIT dictionary), its stopwords (dict/stopwords.txt) and words that begin or"
          + " end with a one-character stopword (他的, 是在), and number expressions (2006年,"
          + " 第六十四条, 三十日; not names with digits: 5G, iPhone7): only new words remain.")
  boolean newOnly;

  /** The command's {@code --known} text, or null for the annotation's. */
  private final String knownText;

  /** The options with the annotations' texts. */
  public WordListOptions() {
    this(null);
  }

  /** The options, {@code --known} described by {@code knownText}. */
  public WordListOptions(String knownText) {
    this.knownText = knownText;
  }

  /** The de-redundancy threshold in nats per extra unit (0: off); checked by discovery. */
  public double redundancy() {
    return redundancy;
  }

  /** The lexicons of {@code --known}, in the order given. */
  public List<Path> known() {
    return known;
  }

  /** Whether {@code --new-only} drops the bundled lexicon's words too. */
  public boolean newOnly() {
    return newOnly;
  }

  /**
   * The filter these options describe, for a corpus whose Latin units are compared without
   * case ({@code foldCase}: by default and with {@code --lowercase}) or with it
   * ({@code --keep-case}): reads the lexicons (and with {@code --new-only} the bundled data);
   * {@code warnings} receives their malformed-bytes warnings.
   */
  public WordFilter filter(boolean foldCase, Consumer<String> warnings) throws IOException {
    return WordFilter.create(known, newOnly, foldCase, warnings);
  }

  @Override
  public Map<String, String> texts() {
    return OptionTexts.text("known", knownText);
  }
}
