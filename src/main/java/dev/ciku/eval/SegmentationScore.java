package dev.ciku.eval;

import dev.ciku.corpus.TextLines;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * SIGHAN-style segmentation scores, as described in {@code gold/sighan2005/SCORING.md} and
 * computed by {@code tools/seg_score.py}: every word of gold and prediction becomes a span of
 * code-point offsets in the whole file with whitespace removed; a word is correct when the same
 * span is in the other file. Lines are split on runs of whitespace (including U+3000), so the
 * MSR lines whose opening quote moved to the neighbouring line are scored like the reference
 * script does, without crashing.
 *
 * <p>The two files must hold the same characters once whitespace is removed; the first
 * difference is reported ({@link MismatchException}).
 *
 * <p>The files are read side by side, a code point of each at a time, so memory holds one line of
 * each file and the training word list, whatever the files' sizes. Cost: one pass over each
 * file. Immutable result; {@link #score} is thread-safe.
 *
 * @param goldWords words in the gold file
 * @param predWords words in the prediction
 * @param correct words with both boundaries matching
 * @param oovWords gold words not in the training word list (0 without a list)
 * @param oovRecalled of those, the ones found
 * @param ivWords gold words in the training word list
 * @param ivRecalled of those, the ones found
 * @param hasTrainingWords whether a training word list was given
 */
public record SegmentationScore(long goldWords, long predWords, long correct, long oovWords,
    long oovRecalled, long ivWords, long ivRecalled, boolean hasTrainingWords) {

  /** Thrown when gold and prediction do not hold the same characters. */
  public static final class MismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MismatchException(String message) {
      super(message);
    }
  }

  // A ratio over nothing is undefined: NaN, written nan (TSV) or null (JSON lines).

  /** Precision: correct / predicted words; NaN without predicted words. */
  public double precision() {
    return ratio(correct, predWords);
  }

  /** Recall: correct / gold words; NaN without gold words. */
  public double recall() {
    return ratio(correct, goldWords);
  }

  /** F1, the harmonic mean of precision and recall; NaN if either is, 0 if both are 0. */
  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Share of gold words not in the training list; NaN without gold words. */
  public double oovRate() {
    return ratio(oovWords, goldWords);
  }

  /** Recall of out-of-vocabulary gold words; NaN without such words. */
  public double oovRecall() {
    return ratio(oovRecalled, oovWords);
  }

  /** Recall of in-vocabulary gold words; NaN without such words. */
  public double ivRecall() {
    return ratio(ivRecalled, ivWords);
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }

  /** As {@link #score(Path, Path, Path, Consumer)}, malformed bytes replaced silently. */
  public static SegmentationScore score(Path gold, Path pred, Path trainingWords)
      throws IOException {
    return score(gold, pred, trainingWords, m -> { });
  }

  /**
   * Scores {@code pred} against {@code gold}. Files are read as {@link TextLines} reads them
   * ({@code -} is standard input, a BOM is skipped, malformed bytes become U+FFFD and are
   * reported to {@code warnings}).
   *
   * @param trainingWords the training word list for OOV/IV recall, or null
   * @throws MismatchException if the files differ in their characters (the message names the
   *     first difference, or the two character counts and the line after which the shorter
   *     file stops)
   */
  public static SegmentationScore score(Path gold, Path pred, Path trainingWords,
      Consumer<String> warnings) throws IOException {
    Set<String> train = null;
    if (trainingWords != null) {
      train = new HashSet<>();
      try (TextLines r = TextLines.open(trainingWords, warnings)) {
        String line;
        while ((line = r.readLine()) != null) {
          // The first field: a `word count` vocabulary gives its words. The reference script
          // takes whole lines, the same on a list of one word a line, and no gold word holds
          // whitespace, so a line with more never matched one.
          String w = Whitespace.firstField(line);
          if (!w.isEmpty()) {
            train.add(w);
          }
        }
      }
    }
    long pos = 0;
    long predWords = 0;
    Tally tally = new Tally(train);
    try (Cursor g = new Cursor(TextLines.open(gold, warnings));
        Cursor p = new Cursor(TextLines.open(pred, warnings))) {
      int cg = g.next();
      int cp = p.next();
      // Whether the prediction's boundaries agree with the gold's since the current gold word
      // began: at its start, and nowhere inside it.
      boolean agree = true;
      // The lines of the last character both files hold.
      long goldLine = 0;
      long predLine = 0;
      while (cg >= 0 && cp >= 0) {
        if (cg != cp) {
          throw new MismatchException("texts differ at character " + (pos + 1)
              + (g.lineNo == p.lineNo ? " (line " + g.lineNo + ")"
                  : " (gold line " + g.lineNo + ", prediction line " + p.lineNo + ")")
              + ": gold " + Character.toString(cg) + ", prediction " + Character.toString(cp));
        }
        if (g.wordStart) {
          if (pos > 0) {
            tally.goldWord(agree && p.wordStart);
          }
          agree = p.wordStart;
        } else {
          agree &= !p.wordStart;
        }
        if (p.wordStart) {
          predWords++;
        }
        tally.append(cg);
        pos++;
        goldLine = g.lineNo;
        predLine = p.lineNo;
        cg = g.next();
        cp = p.next();
      }
      if (cg >= 0 || cp >= 0) {
        String where = pos == 0 ? ""
            : cg >= 0 ? " (the prediction stops after gold line " + goldLine + ")"
            : " (the gold stops after prediction line " + predLine + ")";
        long gn = pos + g.rest(cg);
        long pn = pos + p.rest(cp);
        throw new MismatchException("character count differs: gold " + gn + ", prediction " + pn
            + where);
      }
      // Closed here, gold first, so that their warnings come in the order of the arguments.
      g.close();
      p.close();
      if (pos > 0) {
        // The end of the text ends the last word in both files.
        tally.goldWord(agree);
      }
    }
    return new SegmentationScore(tally.words, predWords, tally.correct, tally.oov, tally.oovHit,
        tally.iv, tally.ivHit, train != null);
  }

  /**
   * The gold words ended so far: how many, how many the prediction has, and, with a training
   * word list, how many of each kind (in it or not) and found. Holds the text of the word being
   * read.
   */
  private static final class Tally {
    private final Set<String> train;
    private final StringBuilder word;
    long words;
    long correct;
    long oov;
    long oovHit;
    long iv;
    long ivHit;

    Tally(Set<String> train) {
      this.train = train;
      this.word = train == null ? null : new StringBuilder();
    }

    /** A code point of the gold word being read. */
    void append(int cp) {
      if (word != null) {
        word.appendCodePoint(cp);
      }
    }

    /** The gold word read ends; {@code hit}: the prediction has it. */
    void goldWord(boolean hit) {
      words++;
      correct += hit ? 1 : 0;
      if (word == null) {
        return;
      }
      if (train.contains(word.toString())) {
        iv++;
        ivHit += hit ? 1 : 0;
      } else {
        oov++;
        oovHit += hit ? 1 : 0;
      }
      word.setLength(0);
    }
  }

  /**
   * The characters of a file other than whitespace, one code point at a time, each with whether
   * a word starts at it (whitespace, a line end or the file's start before it). Holds one line.
   */
  private static final class Cursor implements Closeable {
    private final TextLines lines;
    private String line = "";
    private int k;
    /** The 1-based line of the last code point returned. */
    long lineNo;
    /** Whether a word starts at the last code point returned. */
    boolean wordStart;
    private boolean closed;

    Cursor(TextLines lines) {
      this.lines = lines;
    }

    /** The next code point that is not whitespace, or -1 at the end of the file. */
    int next() throws IOException {
      boolean gap = false;
      while (true) {
        while (k < line.length()) {
          int c = line.codePointAt(k);
          k += Character.charCount(c);
          if (Whitespace.isSpace(c)) {
            gap = true;
          } else {
            wordStart = gap;
            return c;
          }
        }
        String next = lines.readLine();
        if (next == null) {
          return -1;
        }
        line = next;
        k = 0;
        lineNo = lines.lineNumber();
        gap = true;
      }
    }

    /** The code points left, {@code current} (the last returned, -1 at the end) included. */
    long rest(int current) throws IOException {
      long n = 0;
      for (int c = current; c >= 0; c = next()) {
        n++;
      }
      return n;
    }

    /** Closes the file (reporting its malformed bytes) once; later calls do nothing. */
    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        lines.close();
      }
    }
  }
}
