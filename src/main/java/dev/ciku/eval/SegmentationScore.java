package dev.ciku.eval;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import dev.ciku.corpus.TextLines;
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
 * <p>Memory: one long per word of each file and one int per character of the gold file (to
 * compare the texts). Immutable result; {@link #score} is thread-safe.
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
  public static SegmentationScore score(Path gold, Path pred, Path trainingWords) throws IOException {
    return score(gold, pred, trainingWords, m -> { });
  }

  /**
   * Scores {@code pred} against {@code gold}. Files are read as {@link TextLines} reads them
   * ({@code -} is standard input, a BOM is skipped, malformed bytes become U+FFFD and are
   * reported to {@code warnings}).
   *
   * @param trainingWords the training word list for OOV/IV recall, or null
   * @throws MismatchException if the files differ in their characters (the message names the
   *     first difference, or the two character counts)
   */
  public static SegmentationScore score(Path gold, Path pred, Path trainingWords,
      Consumer<String> warnings) throws IOException {
    Set<String> train = null;
    if (trainingWords != null) {
      train = new HashSet<>();
      try (TextLines r = TextLines.open(trainingWords, warnings)) {
        String line;
        while ((line = r.readLine()) != null) {
          String w = Whitespace.strip(line);
          if (!w.isEmpty()) {
            train.add(w);
          }
        }
      }
    }
    LongArrayList g = new LongArrayList();
    LongArrayList inTrain = train == null ? null : new LongArrayList();
    Text goldText = new Text();
    long gn = spans(gold, g, train, inTrain, goldText, null, warnings);
    LongArrayList p = new LongArrayList();
    long pn = spans(pred, p, null, null, null, goldText, warnings);
    if (gn != pn) {
      throw new MismatchException("character count differs: gold " + gn + ", prediction " + pn);
    }
    long correct = 0;
    long oov = 0;
    long oovHit = 0;
    long iv = 0;
    long ivHit = 0;
    int j = 0;
    for (int i = 0; i < g.size(); i++) {
      long span = g.getLong(i);
      while (j < p.size() && p.getLong(j) < span) {
        j++;
      }
      boolean hit = j < p.size() && p.getLong(j) == span;
      if (hit) {
        correct++;
      }
      if (inTrain != null) {
        if (inTrain.getLong(i) != 0) {
          iv++;
          ivHit += hit ? 1 : 0;
        } else {
          oov++;
          oovHit += hit ? 1 : 0;
        }
      }
    }
    return new SegmentationScore(g.size(), p.size(), correct, oov, oovHit, iv, ivHit, train != null);
  }

  /** The characters of the gold file (whitespace removed) and where its lines start. */
  private static final class Text {
    final IntArrayList chars = new IntArrayList();
    /** Character offset of the first character of each line holding one, and its line number. */
    final LongArrayList lineStarts = new LongArrayList();
    final LongArrayList lineNumbers = new LongArrayList();

    /** The 1-based line of the character at {@code pos}. */
    long lineOf(long pos) {
      int lo = 0;
      int hi = lineStarts.size() - 1;
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (lineStarts.getLong(mid) <= pos) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      return lineNumbers.getLong(lo);
    }
  }

  /**
   * Reads the word spans of a file as {@code start << 32 | end}; returns the character count.
   * Its characters are recorded into {@code record}, or compared with {@code expected}, when not
   * null.
   */
  private static long spans(Path file, LongArrayList out, Set<String> train, LongArrayList inTrain,
      Text record, Text expected, Consumer<String> warnings) throws IOException {
    long pos = 0;
    StringBuilder word = new StringBuilder();
    try (TextLines r = TextLines.open(file, warnings)) {
      String line;
      while ((line = r.readLine()) != null) {
        long lineNo = r.lineNumber();
        // A line end ends a word, so no word is pending here.
        if (record != null) {
          record.lineStarts.add(pos);
          record.lineNumbers.add(lineNo);
        }
        long at = pos;
        for (int k = 0; k < line.length(); ) {
          int c = line.codePointAt(k);
          k += Character.charCount(c);
          if (Whitespace.isSpace(c)) {
            continue;
          }
          if (record != null) {
            record.chars.add(c);
          } else if (expected != null && at < expected.chars.size()
              && expected.chars.getInt((int) at) != c) {
            long goldLine = expected.lineOf(at);
            throw new MismatchException("texts differ at character " + (at + 1)
                + (goldLine == lineNo ? " (line " + lineNo + ")"
                    : " (gold line " + goldLine + ", prediction line " + lineNo + ")")
                + ": gold " + Character.toString(expected.chars.getInt((int) at))
                + ", prediction " + Character.toString(c));
          }
          at++;
        }
        int i = 0;
        int n = line.length();
        while (i <= n) {
          int cp = i < n ? line.codePointAt(i) : ' ';
          if (Whitespace.isSpace(cp)) {
            if (word.length() > 0) {
              long len = word.codePointCount(0, word.length());
              out.add(pos << 32 | (pos + len));
              if (inTrain != null) {
                inTrain.add(train.contains(word.toString()) ? 1 : 0);
              }
              pos += len;
              word.setLength(0);
            }
          } else {
            word.appendCodePoint(cp);
          }
          i += i < n ? Character.charCount(cp) : 1;
        }
      }
    }
    return pos;
  }
}
