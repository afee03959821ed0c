package dev.ciku.cli;

import dev.ciku.eval.PrecisionAtK;
import dev.ciku.eval.SegmentationScore;
import dev.ciku.output.Output;
import dev.ciku.output.OutputFormat;
import dev.ciku.output.RowWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ciku eval}: score results against gold data. */
@Command(name = "eval", sortOptions = false, mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Score a segmentation (seg) or a ranked word list (words) against gold data.",
    subcommands = {EvalCommand.Seg.class, EvalCommand.Words.class})
final class EvalCommand implements Runnable {
  /** The formats of the subcommands' --format. */
  static final EnumSet<OutputFormat> FORMATS = EnumSet.of(OutputFormat.TSV, OutputFormat.JSONL);

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand (seg or words)");
  }

  /**
   * Checks the input files before any is read ({@code checks}: standard input at most once, no
   * directory; see {@link InputChecks}), then that each exists ({@code -} is standard input;
   * pipes and FIFOs are fine).
   */
  private static void requireInputs(InputChecks checks, List<Path> files)
      throws NoSuchFileException {
    checks.check();
    for (Path p : files) {
      if (p != null && !InputChecks.isStdin(p.toString()) && !Files.exists(p)) {
        throw new NoSuchFileException(p.toString(), null, "no such file");
      }
    }
  }

  /** {@code ciku eval seg}. */
  @Command(name = "seg", sortOptions = false, mixinStandardHelpOptions = true,
      versionProvider = Main.Version.class,
      description = {"Precision, recall, F1, OOV rate and OOV/IV recall of a segmentation, SIGHAN"
          + " style: words are compared as character spans over the whole file (whitespace"
          + " removed; they must hold the same characters, or the first difference is an error)."
          + " A ratio over nothing (no predicted words, no IV word) is nan (JSON: null)."
          + " benchmarks/quick-checks.sh checks that the figures match an independent"
          + " scorer's to 4 decimals."})
  static final class Seg implements Callable<Integer>, RowOptions.Formats {
    @Override
    public EnumSet<OutputFormat> formats() {
      return FORMATS;
    }

    @Option(names = "--gold", required = true, paramLabel = "FILE",
        description = "Gold segmentation, words separated by whitespace ('-': standard input).")
    Path gold;

    @Option(names = "--pred", required = true, paramLabel = "FILE",
        description = "Segmentation to score, same characters as the gold file ('-': standard"
            + " input).")
    Path pred;

    @Option(names = "--train-words", paramLabel = "FILE",
        description = "Training word list (one a line; of a 'word count' line, the first field)"
            + " for OOV and IV recall.")
    Path trainWords;

    @Mixin OutputOptions output;
    @Mixin VerbosityOptions verbosity;

    @Override
    public Integer call() throws Exception {
      OutputFormat f = output.format(this);
      requireInputs(new InputChecks().file("--gold", gold).file("--pred", pred)
          .file("--train-words", trainWords).output("-o", output.path()),
          java.util.Arrays.asList(gold, pred, trainWords));
      // The output is opened first: a -o that cannot be written fails before the work.
      try (Output out = output.open()) {
        SegmentationScore s;
        try {
          s = SegmentationScore.score(gold, pred, trainWords, new Log(System.err, true)::warn);
        } catch (SegmentationScore.MismatchException e) {
          throw new CikuException(CikuException.DATA, e.getMessage());
        }
        List<String> cols = new ArrayList<>(List.of("gold_words", "pred_words", "correct",
            "precision", "recall", "f1"));
        if (s.hasTrainingWords()) {
          cols.addAll(List.of("oov_rate", "oov_recall", "iv_recall"));
        }
        RowWriter rows = output.rows(out, f, cols);
        rows.begin();
        rows.integer(s.goldWords());
        rows.integer(s.predWords());
        rows.integer(s.correct());
        rows.decimal(s.precision(), 4);
        rows.decimal(s.recall(), 4);
        rows.decimal(s.f1(), 4);
        if (s.hasTrainingWords()) {
          rows.decimal(s.oovRate(), 4);
          rows.decimal(s.oovRecall(), 4);
          rows.decimal(s.ivRecall(), 4);
        }
        rows.end();
        out.commit();
      }
      return 0;
    }
  }

  /** {@code ciku eval words}. */
  @Command(name = "words", sortOptions = false, mixinStandardHelpOptions = true,
      versionProvider = Main.Version.class,
      description = {"Precision at K of a ranked word list (first field of each line, best first)"
          + " against the union of gold lexicons (benchmarks/quick-checks.sh checks it against an"
          + " independent scorer, on lists without a header). The header line of a ciku list"
          + " (word<TAB>count..., term<TAB>domain_count..., ngram<TAB>count) is skipped."
          + " Precision over no word is nan (JSON: null)."})
  static final class Words implements Callable<Integer>, RowOptions.Formats {
    @Override
    public EnumSet<OutputFormat> formats() {
      return FORMATS;
    }

    @Parameters(index = "0", paramLabel = "RANKED",
        description = "Ranked list, best first ('-': standard input).")
    Path ranked;

    @Option(names = "--gold", required = true, paramLabel = "LEXICON",
        description = "Gold lexicon (word = first field of a line); repeatable, the union is"
            + " scored against.")
    List<Path> gold;

    @Option(names = "--k", paramLabel = "K,K,...", split = ",", defaultValue = "100,500,1000",
        description = "Cut-offs, scored in ascending order, each once (default"
            + " ${DEFAULT-VALUE}).")
    int[] ks;

    @Option(names = "--min-len", paramLabel = "N", defaultValue = "2",
        description = "Skip ranked words shorter than N characters (default ${DEFAULT-VALUE}).")
    int minLen;

    @Option(names = "--fold",
        description = "Compare words as 'discover --known' does: traditional characters as"
            + " simplified ones, full-width ASCII as half-width, Latin letters without case"
            + " (default: as written, as the independent scorer does).")
    boolean fold;

    @Mixin OutputOptions output;
    @Mixin VerbosityOptions verbosity;

    @Override
    public Integer call() throws Exception {
      OutputFormat f = output.format(this);
      for (int k : ks) {
        if (k < 1) {
          throw new CikuException(CikuException.USAGE, "--k values must be 1 or more");
        }
      }
      if (minLen < 0) {
        throw new CikuException(CikuException.USAGE, "--min-len must be 0 or more (characters),"
            + " not " + minLen);
      }
      List<Path> files = new ArrayList<>(gold);
      files.add(0, ranked);
      requireInputs(new InputChecks().file("RANKED", ranked).files("--gold", gold)
          .output("-o", output.path()), files);
      // The output is opened first: a -o that cannot be written fails before the work.
      try (Output out = output.open()) {
        List<PrecisionAtK.Row> result =
            PrecisionAtK.score(ranked, gold, ks, minLen, fold, new Log(System.err, true)::warn);
        RowWriter rows = output.rows(out, f, List.of("k", "considered", "hits", "precision"));
        for (PrecisionAtK.Row r : result) {
          rows.begin();
          rows.integer(r.k());
          rows.integer(r.considered());
          rows.integer(r.hits());
          rows.decimal(r.precision(), 4);
          rows.end();
        }
        rows.finish();
        out.commit();
      }
      return 0;
    }
  }
}
