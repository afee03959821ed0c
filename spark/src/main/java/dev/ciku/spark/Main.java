package dev.ciku.spark;

import dev.ciku.cli.CikuException;
import dev.ciku.cli.OutputFileOption;
import dev.ciku.output.Output;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code spark-submit --class dev.ciku.spark.Main ciku-spark-0.1.0-job.jar count|discover ...}.
 * The master comes from spark-submit (or {@code -Dspark.master=local[2]} when run with
 * {@code java}). Inputs are any paths Hadoop reads (hdfs://, s3a://, file:, globs, .gz); outputs
 * are written by the driver to its local file system.
 */
@Command(name = "ciku-spark", mixinStandardHelpOptions = true, version = "ciku-spark 0.1.0",
    description = "ciku's stats, count, discover and domain as Spark jobs.",
    subcommands = {StatsJob.class, CountJob.class, DiscoverJob.class, DomainJob.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Nanosecond clock of the times the jobs report. */
  private final LongSupplier clock;

  /** The jobs' command, the jobs timed by {@link System#nanoTime}. */
  Main() {
    this(System::nanoTime);
  }

  /** The jobs' command, the jobs timed by {@code clock} (nanoseconds). */
  private Main(LongSupplier clock) {
    this.clock = clock;
  }

  public static void main(String[] args) {
    // Standard output closed (>&-): said at once, as ciku says it, not after the whole job.
    dev.ciku.cli.Main.noteClosedStandardStreams();
    System.exit(commandLine().execute(args));
  }

  /**
   * The jobs' command line, with the error handling of {@code ciku} ({@link
   * dev.ciku.cli.Main#handleErrors}): one line on standard error and the exit code of the error's
   * kind; an input path Hadoop cannot find is a missing input (66).
   */
  static CommandLine commandLine() {
    return commandLine(System::nanoTime);
  }

  /**
   * As {@link #commandLine()}, with jobs that time their runs (their progress lines) by {@code
   * clock}, nanoseconds, instead of {@link System#nanoTime}: tests pass a stepping clock.
   */
  static CommandLine commandLine(LongSupplier clock) {
    CommandLine cl = dev.ciku.cli.Main.handleErrors(new CommandLine(new Main(clock)));
    // The jobs' own texts of the CLI's options they mix in, given as the CLI gives its commands'.
    dev.ciku.cli.OptionTexts.apply(cl);
    // An empty path ('': an unset shell variable) is a usage error, as in the CLI.
    cl.setExecutionStrategy(dev.ciku.cli.PathArguments::execute);
    CommandLine.IExecutionExceptionHandler core = cl.getExecutionExceptionHandler();
    cl.setExecutionExceptionHandler(
        (ex, line, parsed) -> core.handleExecutionException(userError(ex), line, parsed));
    return cl;
  }

  /** What Spark says when it starts without a master URL (spark.master). */
  private static final String NO_MASTER = "A master URL must be set in your configuration";

  /** What a task's failure says when Hadoop could not decompress an input: the exception line. */
  private static final java.util.regex.Pattern BAD_COMPRESSED_DATA = java.util.regex.Pattern.compile(
      "(java\\.io\\.EOFException|java\\.util\\.zip\\.ZipException"
          + "|java\\.io\\.IOException: (?:incorrect header check|not a gzip file))[^\\n]*");

  /** How a task's line about a damaged compressed input (DamagedInput) reads in a message. */
  private static final java.util.regex.Pattern DAMAGED = java.util.regex.Pattern.compile(
      java.util.regex.Pattern.quote(
          dev.ciku.corpus.InputFiles.CorruptInputException.class.getName()) + ": ([^\\n]*)");

  /**
   * {@code e}, or the user error it stands for: a missing input (66) carrying its message if
   * Hadoop's "input path does not exist" is among its causes (matched by name: the Hadoop classes
   * come with Spark); a usage error (2) if Spark started without a master; bad data (65) if a
   * task failed decompressing an input (a truncated or corrupt .gz, data after its last member),
   * with the task's line naming the file ({@link DamagedInput}), as the CLI reports it, rather
   * than an internal error with the executor's stack trace. A
   * {@link CikuException} is returned as it is.
   */
  static Exception userError(Exception e) {
    if (e instanceof CikuException) {
      // The jobs' own line, already a user error: kept as it is, even if it quotes an exception.
      return e;
    }
    Throwable t = e;
    // A bounded walk: a cause chain may loop.
    for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
      if (t.getClass().getSimpleName().equals("InvalidInputException")) {
        String message = t.getMessage() == null ? "input path does not exist"
            : t.getMessage().replace('\n', ' ').trim();
        return new CikuException(CikuException.NO_INPUT, message);
      }
      if (String.valueOf(t.getMessage()).startsWith(NO_MASTER)) {
        // Run with java but no -Dspark.master: the user's setting, not a fault of the job.
        return new CikuException(CikuException.USAGE, "no Spark master: run the job with"
            + " spark-submit --master MASTER, or with java -Dspark.master=local[N]");
      }
      if (String.valueOf(t.getMessage()).contains(Lines.CHANGED)) {
        return new CikuException(CikuException.DATA, "an input changed while the job read it"
            + " (it is read twice: counting, then the cut pass): run it on files that stay as"
            + " they are");
      }
      // A task's line about a damaged compressed input, naming it (DamagedInput): as a cause,
      // or as text in the job's failure where the driver could not rebuild the exception.
      if (t instanceof dev.ciku.corpus.InputFiles.CorruptInputException) {
        return new CikuException(CikuException.DATA, t.getMessage());
      }
      java.util.regex.Matcher named = DAMAGED.matcher(String.valueOf(t.getMessage()));
      if (named.find()) {
        return new CikuException(CikuException.DATA, named.group(1));
      }
      // The executor's exception arrives as text in the job's failure (on a cluster, not as
      // a cause).
      java.util.regex.Matcher m = BAD_COMPRESSED_DATA.matcher(String.valueOf(t.getMessage()));
      if (t instanceof java.io.EOFException || t instanceof java.util.zip.ZipException
          || m.find()) {
        String what = t instanceof java.io.IOException ? t.toString() : m.group();
        return new CikuException(CikuException.DATA, "truncated or corrupt compressed input ("
            + what + "); check the inputs with 'gzip -t'");
      }
    }
    return e;
  }

  /** The clock the jobs time their runs by, nanoseconds: {@link System#nanoTime} but in tests. */
  LongSupplier clock() {
    return clock;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (stats,"
        + " count, discover or domain)");
  }

  /** Work that needs the Spark context. */
  @FunctionalInterface
  interface SparkWork<T> {
    T run(JavaSparkContext sc) throws Exception;
  }

  /**
   * Runs {@code work} in the active Spark session, or in a new one (master and settings from
   * spark-submit or {@code -Dspark.*} properties) that is stopped afterwards.
   */
  static <T> T withSpark(String name, SparkWork<T> work) throws Exception {
    boolean existed = SparkSession.getActiveSession().isDefined()
        || SparkSession.getDefaultSession().isDefined();
    SparkSession spark = SparkSession.builder().appName(name).getOrCreate();
    try {
      return work.run(JavaSparkContext.fromSparkContext(spark.sparkContext()));
    } finally {
      if (!existed) {
        spark.stop();
      }
    }
  }

  /**
   * Refuses a store ({@code option}) that names standard output or error: a store is a
   * memory-mapped file (as {@code ciku count -o -}).
   */
  static void checkStoreFile(String option, Path store) {
    String stream = Output.standardStreamName(store);
    if (stream != null) {
      throw new CikuException(CikuException.USAGE, option + " " + store + " : a store is a file,"
          + " it cannot go to " + stream);
    }
  }

  /**
   * The help of {@code -o} in the jobs that write rows (the CLI's {@link OutputFileOption}): the
   * file is the driver's, whereas INPUT may be on any Hadoop file system.
   */
  static final String OUTPUT_HELP = "Write to FILE on the driver (atomically: complete or not at"
      + " all) instead of standard output.";

  /** Whether the job runs with {@code -q}: its progress lines are not written. */
  private static volatile boolean quiet;

  /** Sets {@code -q} for the job about to run (every job sets it as it checks its inputs). */
  static void quiet(boolean q) {
    quiet = q;
  }

  /** A progress line of the job, unless {@code -q}. */
  static void info(String m) {
    if (!quiet) {
      say(m);
    }
  }

  /** Something the user should know about the data, as the CLI's warnings say it; also with -q. */
  static void warn(String m) {
    say("warning: " + m);
  }

  private static void say(String m) {
    System.err.println("ciku-spark: " + m);
  }

}
