package dev.ciku.spark;

import dev.ciku.cli.CikuException;
import dev.ciku.cli.InputChecks;
import dev.ciku.cli.Log;
import dev.ciku.cli.OutputOptions;
import dev.ciku.cli.RowOptions;
import dev.ciku.cli.TopOption;
import dev.ciku.corpus.UnitTable;
import dev.ciku.count.CountSummary;
import dev.ciku.output.GramRows;
import dev.ciku.count.GramSink;
import dev.ciku.output.Output;
import dev.ciku.output.OutputFormat;
import dev.ciku.output.RowWriter;
import dev.ciku.store.StoreWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ciku-spark count}: parses, checks the outputs before the job, runs {@link
 * SparkCountWriter} and writes the store and/or the TSV on the driver.
 */
@Command(name = "count", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Exact n-gram counts: an n-gram store (-o) and/or TSV ngram<TAB>count (--tsv),"
        + " the same files 'ciku count' writes.")
final class CountJob implements Callable<Integer>, RowOptions.Formats {
  @Mixin JobInputs input;
  @Mixin ReducePartitions reduce;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  // The job's own: 'ciku count' declares its -n, --min-count, -o and --sort itself (no mixin to
  // share); here -o is a store on the driver beside the job's --tsv, and --sort ranks in the
  // driver's buffers.
  @Option(names = {"-n", "--order"}, paramLabel = "N", defaultValue = "6",
      description = "Longest n-gram, 1..6 (default: ${DEFAULT-VALUE}).")
  int order;

  @Option(names = "--min-count", paramLabel = "C", defaultValue = "2",
      description = "Drop grams seen fewer than C times (default: ${DEFAULT-VALUE}).")
  long minCount;

  @Option(names = {"-o", "--output"}, paramLabel = "STORE",
      description = "Write an n-gram store to STORE, a local path on the driver.")
  Path store;

  @Option(names = "--tsv", paramLabel = "FILE",
      description = "Write TSV to FILE on the driver ('-': standard output).")
  Path tsv;

  @Option(names = "--sort", paramLabel = "KEY", defaultValue = "count",
      description = "TSV order: count (descending; ranked on the driver in buffers of a"
          + " sixteenth of --driver-memory-budget, 64 MB by default, that spill to --temp-dir)"
          + " or ngram.")
  String sort;

  // The CLI's --top and row options, their texts saying that they shape the --tsv rows.
  @Mixin TopOption top = new TopOption(0, "Print only the first K TSV rows (0: all).");

  @Mixin RowOptions rows = new RowOptions("Format of the --tsv rows: tsv (default) or jsonl (one"
      + " JSON object a line), as 'ciku count --format'.");

  @Option(names = "--table-slots", paramLabel = "S", defaultValue = "4194304",
      description = "Hash table slots per task, 24 bytes each (default: ${DEFAULT-VALUE}).")
  int tableSlots;

  @Mixin DriverOptions driver;

  /** The jobs' command, whose clock times the run (its progress lines). */
  @ParentCommand Main main;

  @Override
  public EnumSet<OutputFormat> formats() {
    return EnumSet.of(OutputFormat.TSV, OutputFormat.JSONL);
  }

  @Override
  public Integer call() throws Exception {
    LongSupplier clock = main.clock();
    if (store == null && tsv == null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "give -o STORE and/or --tsv FILE");
    }
    input.check();
    int reducePartitions = reduce.value();
    int k = top.value();
    Main.checkStoreFile("-o", store);
    if (tsv == null) {
      for (String option : List.of("--top", "--sort", "--no-header", "--format")) {
        if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
          throw new CikuException(CikuException.USAGE, option + " applies to TSV rows (--tsv),"
              + " not to a store (-o)");
        }
      }
    }
    if (store != null && tsv != null && Output.sameDestination(store, tsv)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "-o and --tsv both go to " + tsv + ": give them different files");
    }
    boolean byCount = OutputOptions.sortsByCount(sort);
    OutputFormat rowFormat = rows.format(this);
    JobBudgets budgets = driver.budgets();
    SparkNgramCounter.Settings counting = CikuException.usage(() -> new SparkNgramCounter.Settings(
        order, minCount, input.latinCase(), input.simplify(), reducePartitions, tableSlots,
        budgets.taskRuns()));
    // Only ranked rows spill on the driver: the directory is checked (and written to) then.
    SparkCountWriter.Ranking ranking = tsv != null && byCount
        ? new SparkCountWriter.Ranking(k, budgets.ranking(), driver.tempDir()) : null;
    long t0 = clock.getAsLong();
    UnitTable units = UnitTable.of(counting.latinCase());
    // The outputs are opened before the job: one that cannot be written fails at once.
    StoreWriter writer = store == null ? null : new StoreWriter(store);
    TsvSink tsvOut;
    try {
      tsvOut = tsv == null ? null : new TsvSink(tsv, rowFormat, units, k, !rows.header());
    } catch (IOException | RuntimeException e) {
      if (writer != null) {
        writer.close();
      }
      throw e;
    }
    try {
      Main.withSpark("ciku count", sc -> {
        InputText lines = input.lines(sc, new InputChecks().output("-o", store)
            .output("--tsv", Output.standardStreamName(tsv) != null ? null : tsv));
        Main.info(lines.lines().getNumPartitions() + " input partition(s)");
        SparkNgramCounter counter = new SparkNgramCounter(sc, counting).withInfo(Main::info)
            .withClock(clock);
        CountSummary s = new SparkCountWriter(counter, ranking).write(lines, writer, tsvOut,
            units);
        if (s.positions(1) == 0) {
          // An empty result is not taken for one of the work, as the CLI says.
          Main.warn(Log.noUnits("no grams"));
        }
        if (writer != null) {
          Main.info(String.format(Locale.ROOT,
              "wrote %,d grams of 1..%d units (min count %d) to %s",
              writer.entries(), s.order(), s.minCount(), store));
        }
        if (tsvOut != null) {
          tsvOut.commit();
        }
        return null;
      });
    } finally {
      if (writer != null) {
        writer.close();
      }
      if (tsvOut != null) {
        tsvOut.close();
      }
    }
    Main.info(String.format(Locale.ROOT, "done in %.1f s", (clock.getAsLong() - t0) / 1e9));
    return 0;
  }

  /** Rows {@code ngram, count} (TSV or JSON lines), as {@code ciku count} prints them. */
  static final class TsvSink implements GramSink, AutoCloseable {
    private final Output out;
    private final RowWriter rows;
    private final GramRows grams;

    TsvSink(Path file, OutputFormat format, UnitTable units, int top, boolean noHeader)
        throws IOException {
      this.out = Output.open(file);
      this.rows = new RowWriter(out.writer(), format, GramRows.COLUMNS, !noHeader);
      this.grams = new GramRows(rows, units, top);
    }

    @Override
    public void accept(long hi, long lo, long count) {
      grams.accept(hi, lo, count);
    }

    void commit() throws IOException {
      rows.finish();
      out.commit();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
