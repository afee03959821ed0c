package dev.ciku.cli;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.LogNumbers;
import dev.ciku.corpus.Simplified;
import dev.ciku.output.Output;
import dev.ciku.segment.ParallelSegmenter;
import dev.ciku.segment.Segmenter;
import dev.ciku.segment.Vocabulary;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ciku segment}: split text into words with a vocabulary. */
@Command(name = "segment", sortOptions = false,
    description = {
        "Segment text into words: one output line per input line, words separated by --sep.",
        "Unigram maximum-probability segmentation over a vocabulary (default: the embedded one,"
            + " learned by 'ciku vocab' from raw general text). Each punctuation mark or symbol is"
            + " a token (a run of dashes or ellipses is one; an emoji sequence such as a flag or a"
            + " skin tone is one, and no token is cut inside a grapheme cluster); a URL is one"
            + " token; Latin/digit runs are never split, and"
            + " a number may join a unit (2000年) when the vocabulary says so. Traditional"
            + " characters are matched against the vocabulary as simplified ones (and written"
            + " as read), so one vocabulary serves both scripts. Input whitespace is"
            + " copied as is and no separator is added next to it, so removing the inserted"
            + " separators gives back the input exactly, except that a byte-order mark that"
            + " starts an input is not written, whatever the encoding (malformed bytes become"
            + " U+FFFD, reported on standard error). Output is UTF-8. A slow source (tail -f, a"
            + " FIFO) gets each line back as soon as it is in."})
final class SegmentCommand implements Callable<Integer> {
  /** Nanosecond clock of the summary line's time. */
  private final LongSupplier clock;

  /** The command, timed by {@link System#nanoTime}. */
  SegmentCommand() {
    this(System::nanoTime);
  }

  /** The command, timed by {@code clock} (nanoseconds). */
  SegmentCommand(LongSupplier clock) {
    this.clock = clock;
  }

  @Mixin InputOptions input;
  @Mixin RunOptions run;

  @Option(names = "--vocab", paramLabel = "FILE",
      description = "Vocabulary: word<TAB>count, 'word count' or 'word freq pos' lines (.gz ok)."
          + " Default: the embedded dict/" + Vocabulary.DEFAULT_NAME + ".")
  Path vocab;

  @Option(names = "--sep", paramLabel = "TEXT", defaultValue = " ",
      description = "Separator between words (default: one space). Escapes: \\t, \\s (space).")
  String sep;

  @Mixin OutputFileOption output;

  @Override
  public Integer call() throws Exception {
    String separator = sep.replace("\\t", "\t").replace("\\s", " ");
    if (separator.isEmpty()) {
      throw new CikuException(CikuException.USAGE, "--sep must not be empty");
    }
    if (separator.indexOf('\n') >= 0 || separator.indexOf('\r') >= 0) {
      throw new CikuException(CikuException.USAGE,
          "--sep must not hold a line break (one output line per input line)");
    }
    Log log = run.log();
    // The bundled vocabulary unless --vocab, and the table that folds characters to simplified.
    String[] bundled = vocab == null
        ? new String[] {"dict/" + Vocabulary.DEFAULT_NAME, Simplified.RESOURCE}
        : new String[] {Simplified.RESOURCE};
    new InputChecks().corpus(input.inputs, true, input.binaryData()).file("--vocab", vocab)
        .bundled(bundled).output("-o", output.path()).check();
    long t0 = clock.getAsLong();
    List<CorpusInput> corpus = input.corpus(log);
    ByteCounter bytes = new ByteCounter();
    long lines;
    long chars;
    int threads = run.threads();
    Vocabulary v;
    // The output is opened first: a -o that cannot be written fails before the work.
    try (Output out = output.open()) {
      v = vocab == null ? Vocabulary.loadDefault() : Vocabulary.load(vocab, log::warn);
      Segmenter seg = new Segmenter(v, separator);
      try (Progress p = Progress.start(run.progress(output.path() == null),
          System.err, "segment", bytes::get,
          InputOptions.totalSize(corpus));
          ParallelSegmenter stream = new ParallelSegmenter(seg, threads)) {
        stream.runAll(corpus, input.charset(), input.detectCharset(), input.fallback(), bytes,
            out.writer(), log::warn);
        lines = stream.lines();
        chars = stream.chars();
      }
      out.commit();
    }
    double secs = (clock.getAsLong() - t0) / 1e9;
    log.info(String.format(Locale.ROOT, "segmented %s, %s in %.1f s (%s in vocabulary)",
        LogNumbers.count(lines, "line"), LogNumbers.count(chars, "char"), secs,
        LogNumbers.count(v.size(), "word")));
    return 0;
  }
}
