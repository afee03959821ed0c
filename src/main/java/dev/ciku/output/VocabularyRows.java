package dev.ciku.output;

import dev.ciku.segment.Vocabulary;
import dev.ciku.segment.VocabularyLearner;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The output of {@code ciku vocab}: the learned words as rows (TSV/JSON lines through a {@link
 * RowWriter}) or {@code word count} dictionary lines, best first, and the {@code --stats} table
 * of its stages. Stateless and thread-safe; cost: one pass over the sorted words (sorting them is
 * {@link Vocabulary#sortedWords}'s).
 */
public final class VocabularyRows {
  /** Column names of the word rows, in order. */
  public static final List<String> COLUMNS = List.of("word", "count");

  private VocabularyRows() {}

  /**
   * Writes the first {@code top} words of {@code vocabulary}, best first ({@code top <= 0}: all),
   * as rows of {@code rows}, or as {@code word count} lines to {@code dict} when {@code rows} is
   * null.
   *
   * @return how many words were written
   */
  public static int write(Vocabulary vocabulary, int top, RowWriter rows, Writer dict)
      throws IOException {
    int limit = top <= 0 ? Integer.MAX_VALUE : top;
    int written = Math.min(limit, vocabulary.size());
    if (rows == null) {
      vocabulary.write(dict, true, limit);
      return written;
    }
    int n = 0;
    for (String word : vocabulary.sortedWords()) {
      if (n++ >= limit) {
        break;
      }
      rows.begin();
      rows.text(word);
      rows.integer(vocabulary.count(word));
      rows.end();
    }
    rows.finish();
    return written;
  }

  /**
   * Writes the stages of {@code result} to {@code out} as TSV: stage, words, bits_per_char and
   * kept (1 for the stage whose vocabulary is the result), from single characters through
   * de-redundancy to each refinement.
   */
  public static void writeStats(VocabularyLearner.Result result, Writer out) throws IOException {
    out.write("stage\twords\tbits_per_char\tkept\n");
    out.write("characters\t" + result.distinctSymbols() + "\t"
        + Numbers.format(result.bitsBefore(), 4) + "\t"
        + (result.keptStage() < 0 ? 1 : 0) + "\n");
    for (int i = 0; i < result.bitsPerRound().length; i++) {
      out.write((i == 0 ? "de-redundancy" : "refinement-" + i) + "\t"
          + result.wordsPerRound()[i] + "\t" + Numbers.format(result.bitsPerRound()[i], 4) + "\t"
          + (i == result.keptStage() ? 1 : 0) + "\n");
    }
  }
}
