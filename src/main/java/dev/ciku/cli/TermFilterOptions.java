package dev.ciku.cli;

import dev.ciku.domain.TermFilter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * The filter of domain terms: the bundled stopwords and generic heads ({@code --no-filter} drops
 * them) and the user's ({@code --stopwords}, {@code --generic-heads}). Mixed in by {@code domain}
 * and its Spark job, whose texts of the two files say they are local files (its corpus may be on
 * any Hadoop file system).
 *
 * <p>A picocli mixin: picocli fills the fields while parsing, and the methods read them (nothing
 * is cached). Not thread-safe; one instance per command run, used on its thread.
 */
public final class TermFilterOptions implements OptionTexts.Own {
  @Option(names = "--no-filter",
      description = "Keep stopwords, generic heads (the bundled dict/domain-stopwords.txt and"
          + " dict/domain-generic-heads.txt) and terms holding a digit (16款, 5万公里): no"
          + " bundled filter at all; --stopwords and --generic-heads still apply.")
  boolean noFilter;

  @Option(names = "--stopwords", paramLabel = "FILE",
      description = "More patterns to drop, one a line: word, *suffix, prefix*, *infix*,"
          + " prefix*suffix, N:*suffix and N:prefix* (terms of N+ characters only), !pattern (an"
          + " exception: kept whatever else matches); # starts a comment (dict/README.md)."
          + " Repeatable.")
  List<Path> stopwords = new ArrayList<>();

  @Option(names = "--generic-heads", paramLabel = "FILE",
      description = "More generic heads: a term equal to or ending with one is dropped."
          + " Repeatable.")
  List<Path> heads = new ArrayList<>();

  /** The command's texts of {@code --stopwords} and {@code --generic-heads}, by key. */
  private final Map<String, String> texts;

  /** The options with the annotations' texts. */
  public TermFilterOptions() {
    this(null, null);
  }

  /**
   * The options, {@code --stopwords} described by {@code stopwordsText} and
   * {@code --generic-heads} by {@code headsText} (null: the annotation's).
   */
  public TermFilterOptions(String stopwordsText, String headsText) {
    Map<String, String> t = new LinkedHashMap<>(OptionTexts.text("stopwords", stopwordsText));
    t.putAll(OptionTexts.text("generic-heads", headsText));
    this.texts = Map.copyOf(t);
  }

  /** The files of {@code --stopwords}, in the order given. */
  public List<Path> stopwords() {
    return stopwords;
  }

  /** Whether {@code --no-filter} was given: the bundled lists are not read. */
  public boolean noFilter() {
    return noFilter;
  }

  /** The files of {@code --generic-heads}, in the order given. */
  public List<Path> heads() {
    return heads;
  }

  /**
   * The filter these options describe: the bundled lists unless {@code --no-filter}, then the
   * patterns of each {@code --stopwords} file and the heads of each {@code --generic-heads} file
   * ({@link TermFilter#addFile}); {@code warnings} hears of malformed bytes in them. Cost: reads
   * each file once.
   *
   * @param foldCase the corpus compares Latin units without case (by default and with
   *     {@code --lowercase}; not with {@code --keep-case}): so do the patterns
   *     ({@link TermFilter#none(boolean)})
   * @throws IOException if a file cannot be read
   */
  public TermFilter filter(boolean foldCase, Consumer<String> warnings) throws IOException {
    TermFilter filter = noFilter ? TermFilter.none(foldCase) : TermFilter.bundled(foldCase);
    for (Path p : stopwords) {
      filter.addFile(p, false, warnings);
    }
    for (Path p : heads) {
      filter.addFile(p, true, warnings);
    }
    return filter;
  }

  @Override
  public Map<String, String> texts() {
    return texts;
  }
}
