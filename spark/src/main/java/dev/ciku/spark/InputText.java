package dev.ciku.spark;

import dev.ciku.corpus.ReaderOptions;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;

/**
 * The text a job reads: its lines ({@link Inputs#lines}), or the texts of its records ({@link
 * Inputs#records}), whose pass over them counts the records without their text on the way
 * ({@link RecordTally}). Every engine calls {@link #firstPassDone} once its first pass has read
 * every partition, which says what that count found (the CLI's warnings, or its failure) before
 * anything comes of the pass: so the records are read by the passes the job makes anyway, not
 * by one more.
 *
 * <p>Cost: nothing of its own. Not thread-safe: one job's, on the driver.
 */
final class InputText {
  private final JavaRDD<String> lines;
  /** Null for plain text (or for lines an engine was given): nothing to report. */
  private final Report report;
  private boolean reported;

  /** What {@link #firstPassDone} reports of the records. */
  private record Report(RecordTally tally, ReaderOptions options, Map<String, String> names,
      int inputs, Consumer<String> warnings) {}

  private InputText(JavaRDD<String> lines, Report report) {
    this.lines = Objects.requireNonNull(lines, "lines");
    this.report = report;
  }

  /** Lines with nothing to report after the first pass (plain text). */
  static InputText of(JavaRDD<String> lines) {
    return new InputText(lines, null);
  }

  /**
   * The texts of records, each split of which puts its count into {@code tally} once read to its
   * end; {@link #firstPassDone} tells {@code warnings} what they hold.
   *
   * @param names the name of each file in messages, by the path its splits give
   * @param inputs how many inputs there are (a file named twice is two)
   */
  static InputText records(JavaRDD<String> texts, RecordTally tally, ReaderOptions options,
      Map<String, String> names, int inputs, Consumer<String> warnings) {
    return new InputText(texts, new Report(tally, options, Map.copyOf(names), inputs, warnings));
  }

  /** The lines, or the records' texts ("" for a record without it), in the order of the inputs. */
  JavaRDD<String> lines() {
    return lines;
  }

  /**
   * Called by an engine once an action has read every partition of {@link #lines} (its first
   * pass), before it uses what that pass found: for records, the warnings of {@link
   * RecordTally#report}, or its failure. Later calls do nothing.
   *
   * @throws java.io.UncheckedIOException of a {@link dev.ciku.corpus.MalformedDataException} if
   *     no record of any input holds the text (exit 65, the CLI's line)
   */
  void firstPassDone() {
    if (reported || report == null) {
      return;
    }
    reported = true;
    report.tally().report(lines, report.options(), report.names(), report.inputs(),
        report.warnings());
  }
}
