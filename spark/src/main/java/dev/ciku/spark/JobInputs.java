package dev.ciku.spark;

import dev.ciku.cli.CikuException;
import dev.ciku.cli.FormatOptions;
import dev.ciku.cli.InputChecks;
import dev.ciku.cli.InputOptions;
import dev.ciku.cli.VerbosityOptions;
import dev.ciku.corpus.BinaryData;
import dev.ciku.corpus.InputFormat;
import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.store.Normalization;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The jobs' inputs and how they are read: a picocli mixin of {@code count}, {@code discover} and
 * {@code domain}. Filled by picocli; {@link #check} refuses bad settings before any job runs.
 * Not thread-safe (driver only).
 */
final class JobInputs {
  @dev.ciku.cli.PathArguments.Paths
  @Parameters(arity = "1..*", paramLabel = "INPUT",
      description = "Text files (plain, or as --input-format says), directories (walked in"
          + " sorted order, skipping names that start with '.', as ciku does) or globs on any"
          + " Hadoop file system.")
  List<String> inputs;

  /** {@code -q} (only warnings and errors) and {@code --no-progress} (no bar), as the CLI's. */
  @Mixin VerbosityOptions verbosity = new VerbosityOptions();

  @Option(names = "--encoding", paramLabel = "CHARSET",
      description = "Input encoding: UTF-8 (default; a file whose first 64 KB are clearly not"
          + " UTF-8 is read in the encoding auto detects in them, with a warning, as ciku"
          + " decides), GB18030, GBK, Big5, ... (any in which a line break is the byte 0x0A and"
          + " ASCII is ASCII; not UTF-16; used as given, UTF-8 included), or auto (detected per"
          + " file on the driver from its first 64 KB, as ciku's --encoding auto)."
          + " Malformed bytes are replaced by U+FFFD and reported.")
  String encoding;

  @Option(names = "--partitions", paramLabel = "P", defaultValue = "0",
      description = "Minimum input partitions (0: Spark's default; a .gz file is one partition"
          + " whatever P is).")
  int partitions;

  /**
   * The CLI's options of where the text is and how it is normalised ({@code --input-format},
   * {@code --field}, {@code --column}, {@code --skip-header}, {@code --lowercase}, {@code
   * --keep-case}, {@code --simplify}), with the CLI's texts and checks.
   */
  @Mixin FormatOptions format = new FormatOptions();

  /**
   * How Latin letters are treated: {@code --lowercase}, {@code --keep-case} or the default,
   * folding case; both options are a usage error, with the CLI's line.
   */
  LatinCase latinCase() {
    return format.latinCase();
  }

  /** Whether traditional Han characters are folded to simplified ones ({@code --simplify}). */
  boolean simplify() {
    return format.simplify();
  }

  /**
   * Where the text is in the inputs' lines ({@code --input-format}, {@code --field}, {@code
   * --column}, {@code --skip-header}), checked as the CLI checks them: a usage error with the
   * CLI's line. The encoding is the one the options give (UTF-8 for auto or none); the lines are
   * decoded per file.
   */
  ReaderOptions readerOptions() {
    return format.readerOptions(charset(), detectEncoding(), false);
  }

  /** The normalisation of the text, as a store records it. */
  Normalization normalization() {
    return new Normalization(latinCase(), simplify());
  }

  /**
   * Refuses negative partition counts and --keep-case with --lowercase (usage), as the CLI does,
   * and '-' (standard input to the CLI), a missing input here (66): Hadoop reads files by their
   * length.
   * Every job calls it first, so it also sets {@code -q} for the job's progress lines
   * ({@link Main#quiet}).
   */
  void check() {
    Main.quiet(verbosity.quiet());
    if (inputs.contains("-")) {
      throw new CikuException(CikuException.NO_INPUT, "-: standard input cannot be read by the"
          + " jobs (Hadoop reads files by their length): write the data to a file first");
    }
    CikuException.usage(() -> dev.ciku.corpus.Params.atLeast("--partitions", partitions, 0));
    latinCase();
    readerOptions();
    if (!detectEncoding() && !Inputs.splitsAtLineFeeds(charset())) {
      throw new CikuException(CikuException.USAGE, "--encoding " + encoding + ": Hadoop cannot"
          + " split " + charset().name() + " text into lines; convert the input to UTF-8"
          + " (iconv -f " + charset().name() + " -t UTF-8)");
    }
  }

  private boolean detectEncoding() {
    return InputOptions.isAuto(encoding);
  }

  /** The charset of {@code --encoding} (UTF-8 for auto); an unknown name is a usage error. */
  private Charset charset() {
    return InputOptions.charset(encoding);
  }

  /**
   * The inputs' lines (with {@code --input-format jsonl|tsv|csv}, the texts of their records,
   * "" for a record without it: {@link Inputs#records}, whose count of such records the job's
   * first pass makes, and {@link InputText#firstPassDone} then reports), files taken in the
   * CLI's order (see {@link Inputs}), each decoded from {@code --encoding} (with auto, from the
   * encoding detected in it; without the option, as UTF-8 unless its head is clearly not: {@link
   * Inputs#BY_DEFAULT}). Before any is read, {@code checks} (the job's other inputs and its outputs) runs with the local files among
   * them, as the CLI's: an output that is one of them is a usage error, for writing it would
   * replace that input.
   */
  InputText lines(JavaSparkContext sc, InputChecks checks) throws IOException {
    Inputs.HeadRule rule = detectEncoding() ? Inputs.DETECT
        : encoding == null ? Inputs.BY_DEFAULT : Inputs.given(charset());
    // Each file's head is read once, for binary data and for its encoding; what the latter says
    // is said once the outputs have been checked against the files.
    Listing listing = Inputs.expand(sc.hadoopConfiguration(), inputs,
        new BinaryData(charset(), detectEncoding(), encoding == null), rule, Main::warn);
    List<FileStatus> files = listing.files();
    checks.corpus("INPUT", files.stream().filter(Inputs::isLocal)
        .map(f -> Inputs.localPath(f).toString()).toList()).check();
    // With auto, as detected; without --encoding, UTF-8 unless the head is clearly not, as the
    // CLI decides; with an encoding given, null: that one.
    Map<String, String> byFile = listing.encodings(Main::warn);
    int minPartitions = partitions > 0 ? partitions : sc.defaultMinPartitions();
    ReaderOptions options = readerOptions();
    if (options.format() == InputFormat.PLAIN) {
      return InputText.of(Inputs.lines(sc, files, minPartitions, charset(), byFile));
    }
    return Inputs.records(sc, files, minPartitions, charset(), byFile, options, Main::warn);
  }
}
