package dev.ciku.cli;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.FunctionWords;
import dev.ciku.corpus.LogNumbers;
import dev.ciku.corpus.Simplified;
import dev.ciku.output.Output;
import dev.ciku.output.OutputFormat;
import dev.ciku.output.RowWriter;
import dev.ciku.output.VocabularyRows;
import dev.ciku.segment.VocabularyLearner;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ciku vocab}: learn a segmentation vocabulary by the minimum-entropy principle. */
@Command(name = "vocab", sortOptions = false,
    description = {
        "Learn a segmentation vocabulary from raw text (minimum-entropy principle): cut where"
            + " adjacent characters are weakly bound, count the fragments, prune, drop words that"
            + " do not shorten the corpus code (exact F), then re-estimate by segmenting the corpus"
            + " (merging adjacent words that shorten it) until the bits per character stop falling;"
            + " the vocabulary of the round with the fewest is kept.",
        "Output: word<TAB>count lines, best first (--format jsonl: {\"word\": ..., \"count\": ...};"
            + " dict: 'word count'). Digit runs are"
            + " written 0 and other Latin runs A (0年 = any number + 年)."})
final class VocabCommand implements Callable<Integer>, RowOptions.Formats {
  /** Nanosecond clock of the summary line's time. */
  private final LongSupplier clock;

  /** The command, timed by {@link System#nanoTime}. */
  VocabCommand() {
    this(System::nanoTime);
  }

  /** The command, timed by {@code clock} (nanoseconds). */
  VocabCommand(LongSupplier clock) {
    this.clock = clock;
  }

  @Override
  public EnumSet<OutputFormat> formats() {
    return EnumSet.of(OutputFormat.TSV, OutputFormat.JSONL, OutputFormat.DICT);
  }

  @Override
  public String formatNote() {
    return " In every format numbers are written as 0 and Latin runs as A (0点 is any number"
        + " followed by 点), as 'ciku segment --vocab' reads them; other segmenters (jieba's"
        + " user dictionaries) would take them literally.";
  }

  @Mixin InputOptions input;
  @Mixin FormatOptions text;
  @Mixin OutputOptions output;
  @Mixin RunOptions run;
  @Mixin MemoryOptions memory = new MemoryOptions("Memory budget (e.g. 256m, 2g; at least 16m;"
      + " default: 256m, or 25%% of the JVM heap if that is less, but not under 16m) of the"
      + " distinct fragments of the cut pass and of the adjacent word pairs of a merging round,"
      + " which never live at once: either, with its merge buffers, stays within it and spills"
      + " sorted runs to --temp-dir beyond it. Output does not depend on it. Not in it: the"
      + " corpus blocks (16 to 64 MB), the character-pair counts and the word trie.");

  @Option(names = "--min-pair-count", paramLabel = "N", defaultValue = "3",
      description = "Cut between characters whose pair is seen fewer times (default ${DEFAULT-VALUE}).")
  long minPairCount;

  @Option(names = "--min-pmi", paramLabel = "NATS", defaultValue = "1.0",
      description = "Cut between characters with a lower PMI, in nats (default ${DEFAULT-VALUE}).")
  double minPmi;

  @Option(names = "--min-count", paramLabel = "N", defaultValue = "3",
      description = "Keep words of two or more characters seen at least N times (default"
          + " ${DEFAULT-VALUE}); a single character stays whenever the segmentation uses it, so that"
          + " any text can be segmented.")
  long minCount;

  @Option(names = "--max-length", paramLabel = "N", defaultValue = "8",
      description = "Longest word in characters (default ${DEFAULT-VALUE}).")
  int maxLength;

  @Option(names = "--min-gain", paramLabel = "NATS", defaultValue = "1.5",
      description = "A 2-character word stays if it saves more than this per occurrence"
          + " (exact code-length change; default ${DEFAULT-VALUE}).")
  double minGain;

  @Option(names = "--length-gain", paramLabel = "NATS", defaultValue = "3.0",
      description = "Extra saving required of a 3-character word (default ${DEFAULT-VALUE}).")
  double lengthGain;

  @Option(names = "--length-power", paramLabel = "X", defaultValue = "1.0",
      description = "The extra saving grows as (length - 2)^X (default ${DEFAULT-VALUE}).")
  double lengthPower;

  @Option(names = "--iterations", paramLabel = "N", defaultValue = "5",
      description = "Re-estimation rounds at most (default ${DEFAULT-VALUE}).")
  int iterations;

  @Option(names = "--merge-rounds", paramLabel = "N", defaultValue = "3",
      description = "In the first N re-estimation rounds, merge adjacent words of the"
          + " segmentation into new words when that saves code length (default ${DEFAULT-VALUE}).")
  int mergeRounds;

  @Option(names = "--fragment-share", paramLabel = "X", defaultValue = "0.15",
      description = "Merge two adjacent words whatever their length when one of them (2+"
          + " characters) is used apart from the other in at most this share of the pair's"
          + " occurrences, as 中华人民共 + 和国 (default ${DEFAULT-VALUE}; 0: off).")
  double fragmentShare;

  @Option(names = "--glue-gain", paramLabel = "NATS", defaultValue = "0.75",
      description = "Extra saving required of a word with a one-character function word (the"
          + " Han characters of dict/stopwords.txt: 的 了 是 这 很 他 ...) at exactly one end, as"
          + " 他说, 这一, 买了; not 以及, with one at both (default ${DEFAULT-VALUE}; 0: off).")
  double glueGain;

  @Mixin TopOption top = new TopOption(200_000,
      "Write at most K words, best first (default ${DEFAULT-VALUE}; 0: all).");

  @Option(names = "--stats", paramLabel = "FILE",
      description = "Write the words and bits per character of each stage to FILE (TSV: stage,"
          + " words, bits_per_char, kept = 1 for the stage whose vocabulary is written; not the"
          + " file or standard output the vocabulary goes to).")
  Path stats;

  @Override
  public Integer call() throws Exception {
    OutputFormat format = output.format(this);
    Log log = run.log();
    if (text.lowercase || text.keepCase) {
      // The learner writes every Latin run as A or 0 (dev.ciku.segment.Symbols).
      throw new CikuException(CikuException.USAGE, (text.lowercase ? "--lowercase" : "--keep-case")
          + " does not apply to vocab: a vocabulary writes every Latin run as A (letters) or 0"
          + " (digits), whatever its case");
    }
    // The stopwords of --glue-gain (a list of Han characters, read with the t2s table).
    new InputChecks().corpus(input.inputs, true, input.binaryData()).bundled(text.bundledData())
        .bundled(glueGain > 0 ? new String[] {FunctionWords.FILE, Simplified.RESOURCE}
            : new String[0])
        .output("-o", output.path()).output("--stats", stats).check();
    long budget = memory.bytes();
    List<CorpusInput> corpus = input.corpus(log);
    int k = top.value();
    VocabularyLearner.Config config = CikuException.usage(() -> new VocabularyLearner.Config(
        minPairCount, minPmi, minCount, maxLength, minGain, lengthGain, lengthPower, iterations,
        mergeRounds, fragmentShare, glueGain, run.threads()));
    if (stats != null && Output.sameDestination(output.path(), stats)) {
      throw new CikuException(CikuException.USAGE, "the vocabulary (-o) and --stats both go to "
          + (Output.isStandardOutput(stats) ? "standard output: give --stats a file"
              : (Output.sameDestination(stats, Path.of("/dev/stderr")) ? "standard error"
                  : stats) + ": give them different files"));
    }
    // Both outputs are opened first: one that cannot be written fails before the work, and
    // neither is committed unless both are written.
    try (Output out = output.open();
        Output statsOut = stats == null ? null : Output.open(stats)) {
      ByteCounter bytes = new ByteCounter();
      long t0 = clock.getAsLong();
      VocabularyLearner.Result r;
      try (Progress p = Progress.start(run.progress(), System.err, "reading", bytes::get,
          InputOptions.totalSize(corpus))) {
        r = new VocabularyLearner(config, log::info, memory.tempDir(), budget)
            .learn(corpus, text.readerOptions(input), bytes, log::warn);
      }
      double seconds = (clock.getAsLong() - t0) / 1e9;
      if (r.symbols() == 0) {
        log.warn("the corpus holds no characters to learn words from (punctuation, symbols or"
            + " nothing): the vocabulary is empty");
        // Bits per character of no character are undefined (NaN): say why there are none.
        log.info(String.format(Locale.ROOT, "bits per char: none (no characters); %.1f s",
            seconds));
      } else {
        log.info(String.format(Locale.ROOT,
            "bits per char: %.4f before (single characters), %.4f after (%,d words); %.1f s",
            r.bitsBefore(), r.bitsAfter(), r.vocabulary().size(), seconds));
      }
      RowWriter rows = format == OutputFormat.DICT ? null
          : output.rows(out, format, VocabularyRows.COLUMNS);
      int written = VocabularyRows.write(r.vocabulary(), k, rows, out.writer());
      if (statsOut != null) {
        VocabularyRows.writeStats(r, statsOut.writer());
      }
      Output.commitAll(out, statsOut);
      log.info(LogNumbers.count(written, "word") + String.format(Locale.ROOT,
          " written (%,d learned)", r.vocabulary().size()));
    }
    return 0;
  }
}
