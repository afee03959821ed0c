package dev.ciku.cli;

import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.InputFiles;
import dev.ciku.corpus.MalformedDataException;
import dev.ciku.corpus.NumberText;
import dev.ciku.io.OutputException;
import dev.ciku.io.TempFiles;
import dev.ciku.output.BrokenPipeException;
import dev.ciku.output.Output;
import dev.ciku.store.NgramStore;
import java.io.BufferedWriter;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * The {@code ciku} command line. Each subcommand class only parses options, calls one core entry
 * point and writes its result. Exit codes: 0 success (also when standard output is closed early,
 * as by {@code | head}), 2 usage, 65 bad data, 66 missing input, 70 internal error, 74 I/O error.
 */
@Command(name = "ciku", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Unsupervised Chinese text mining: corpus statistics, exact n-gram counts, new"
        + " words, domain terms and a minimum-entropy segmenter, learned from raw text alone.")
public final class Main implements Runnable {
  @Spec CommandSpec spec;

  /**
   * The subcommands, in the order of the usage message. Building a subcommand's model costs
   * picocli reflection, so a run that names one builds only that one (see
   * {@link #newCommandLine(String...)}).
   */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();
  /** Subcommands that describe the whole command line, so need every subcommand built. */
  private static final java.util.Set<String> NEED_ALL =
      java.util.Set.of("help", "generate-completion", "gen-manpage");

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> m = new LinkedHashMap<>();
    m.put("stats", StatsCommand::new);
    m.put("count", CountCommand::new);
    m.put("discover", DiscoverCommand::new);
    m.put("domain", DomainCommand::new);
    m.put("vocab", VocabCommand::new);
    m.put("segment", SegmentCommand::new);
    m.put("eval", EvalCommand::new);
    m.put("help", CommandLine.HelpCommand::new);
    m.put("generate-completion", AutoComplete.GenerateCompletion::new);
    // A lambda, not ManPageGenerator::new: linking a constructor reference loads the class, and
    // picocli-codegen is not in ciku-spark's job jar, which loads this class for handleErrors.
    m.put("gen-manpage", () -> new ManPageGenerator());
    return Collections.unmodifiableMap(m);
  }

  public static void main(String[] args) {
    noteClosedStandardStreams();
    System.exit(execute(args));
  }

  /**
   * Notes standard input or output closed when the JVM started ({@code <&-}, {@code >&-}), so
   * that opening standard output for data fails at once, before the work, and reading standard
   * input is an I/O error; a main of ciku's (the CLI's, ciku-spark's) calls it first.
   */
  public static void noteClosedStandardStreams() {
    if (!Boolean.getBoolean(Output.STDOUT_CLOSED) && isTheJvmsOwnFile(1)) {
      // Standard output was closed (>&-) and the JVM's own lib/modules took descriptor 1: data
      // written there would fail at the end of the work; opening it for data now fails at once.
      System.setProperty(Output.STDOUT_CLOSED, "true");
    }
    if (Boolean.getBoolean("ciku.stdin.closed") || isTheJvmsOwnFile(0)) {
      // Standard input was closed (<&-): bin/ciku gave the JVM /dev/null in its place, or the
      // JVM's own lib/modules took the free descriptor. Reading it is an I/O error (74).
      System.setIn(new java.io.InputStream() {
        @Override
        public int read() throws IOException {
          throw new IOException("Bad file descriptor (standard input is closed)");
        }
      });
    }
  }

  /**
   * Whether descriptor {@code fd} (0: standard input, 1: output) is a file of the JVM itself:
   * what it becomes when the JVM starts with it closed ({@code java -jar ... <&-}; {@code bin/ciku}
   * checks before) and opens its own {@code lib/modules} first. Linux only ({@code /proc}); false
   * when it cannot tell.
   */
  private static boolean isTheJvmsOwnFile(int fd) {
    try {
      java.nio.file.Path in = java.nio.file.Files.readSymbolicLink(
          java.nio.file.Path.of("/proc/self/fd/" + fd));
      return in.isAbsolute() && in.startsWith(java.nio.file.Path.of(System.getProperty("java.home"))
          .toRealPath());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Runs the command line and returns the exit code (tests call this). */
  public static int execute(String... args) {
    return execute(newCommandLine(args), args);
  }

  /** Runs {@code args} on {@code cl} (configured by {@link #handleErrors}); the exit code. */
  static int execute(CommandLine cl, String... args) {
    HelpOut help = new HelpOut();
    cl.setOut(help.writer);
    try {
      return help.check(cl, cl.execute(args));
    } catch (Error e) {
      // Errors pass picocli's execution handler by; they still get one line, exit code 70.
      boolean memory = ranOutOfMemory(e);
      if (!memory && TempFiles.isShuttingDown()) {
        // As in failure(): a signal's hooks closed what the work used; the shell reports it.
        return CikuException.SOFTWARE;
      }
      PrintWriter err = cl.getErr();
      if (System.getenv("CIKU_DEBUG") != null) {
        e.printStackTrace(err);
      }
      err.println(commandName(cl) + ": " + (memory
          ? outOfMemory(cl, Runtime.getRuntime().maxMemory())
          : Log.printable("internal error: " + e)));
      err.flush();
      return CikuException.SOFTWARE;
    }
  }

  /**
   * Whether {@code e} comes of running out of memory: an OutOfMemoryError in its causes, or a
   * class whose initialiser ran out of memory in some thread (the JVM then throws a
   * NoClassDefFoundError at each later use of the class, caused by an ExceptionInInitializerError
   * that names the OutOfMemoryError only in its message: a worker spilling its first run, say,
   * when {@code Files.createTempFile} first initialises its random names).
   */
  static boolean ranOutOfMemory(Throwable e) {
    java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(
        new java.util.IdentityHashMap<>());
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof OutOfMemoryError || (t instanceof ExceptionInInitializerError
          && t.getMessage() != null
          && t.getMessage().contains(OutOfMemoryError.class.getName()))) {
        return true;
      }
    }
    return false;
  }

  /** The qualified name of the (sub)command {@code cl} parsed, or {@code ciku}. */
  private static String commandName(CommandLine cl) {
    CommandLine.ParseResult pr = cl.getParseResult();
    while (pr != null && pr.subcommand() != null) {
      pr = pr.subcommand();
    }
    return pr == null ? "ciku" : pr.commandSpec().qualifiedName();
  }

  /**
   * What to do when the JVM ran out of memory running {@code cl} in a heap of {@code maxHeap}
   * bytes: a heap twice as large (rounded up to a power of two), a lower {@code --memory} only
   * when the command that ran has that option and was not given its minimum (16m), and fewer
   * threads when more than one was asked for (each holds its own tables).
   */
  static String outOfMemory(CommandLine cl, long maxHeap) {
    CommandLine.ParseResult pr = cl.getParseResult();
    while (pr != null && pr.subcommand() != null) {
      pr = pr.subcommand();
    }
    boolean budget = pr != null && pr.commandSpec().findOption("--memory") != null
        && canLower(pr.matchedOptionValue("--memory", (String) null));
    boolean threads = pr != null && pr.hasMatchedOption("--threads")
        && pr.matchedOptionValue("--threads", 1) > 1;
    long mb = Math.max(64, Long.highestOneBit(Math.max(1, 2 * (maxHeap >> 20) - 1)) << 1);
    String heap = mb >= 1024 && mb % 1024 == 0 ? mb / 1024 + "g" : mb + "m";
    return String.format(java.util.Locale.ROOT, "out of memory in a %,d MB heap: give the JVM"
        + " more (CIKU_OPTS=-Xmx%s)%s%s", maxHeap >> 20, heap,
        budget ? (threads ? ", lower --memory" : " or lower --memory") : "",
        threads ? " or use fewer --threads" : "");
  }

  /** Whether a budget of {@code memory} (null: the default, 32m or more) is above the minimum. */
  private static boolean canLower(String memory) {
    if (memory == null) {
      return true;
    }
    try {
      return NumberText.parseSize(memory) > MemoryOptions.MIN_BUDGET;
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  /** A configured command line with every subcommand: exit codes, one-line errors. */
  public static CommandLine newCommandLine() {
    return newCommandLine(new String[0]);
  }

  /**
   * A configured command line for {@code args}: when the first argument names a subcommand that
   * works alone, only that subcommand is built (about a tenth of a second less start-up);
   * otherwise all are, for the usage message, {@code help}, the completion script, the man pages
   * and the error for an unknown name.
   */
  public static CommandLine newCommandLine(String... args) {
    CommandLine cl = new CommandLine(new Main());
    String first = args.length > 0 ? args[0] : "";
    boolean one = SUBCOMMANDS.containsKey(first) && !NEED_ALL.contains(first);
    for (Map.Entry<String, Supplier<Object>> e : SUBCOMMANDS.entrySet()) {
      if (!one || e.getKey().equals(first)) {
        cl.addSubcommand(e.getKey(), e.getValue().get());
      }
    }
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    for (String hidden : new String[] {"generate-completion", "gen-manpage"}) {
      CommandLine sub = cl.getSubcommands().get(hidden);
      if (sub != null) {
        sub.getCommandSpec().usageMessage().hidden(true);
      }
    }
    CommandLine vocab = cl.getSubcommands().get("vocab");
    if (vocab != null) {
      // vocab refuses --lowercase and --keep-case, shared reading options (its vocabularies
      // write every Latin run as A or 0): still parsed, for that error to say why, but out of
      // its help.
      CommandLine.Model.CommandSpec spec = vocab.getCommandSpec();
      for (String name : new String[] {"--lowercase", "--keep-case"}) {
        CommandLine.Model.OptionSpec option = spec.findOption(name);
        spec.remove(option);
        spec.addOption(CommandLine.Model.OptionSpec.builder(option).hidden(true).build());
      }
    }
    OptionTexts.apply(cl);
    cl.setExecutionStrategy(PathArguments::execute);
    return handleErrors(cl);
  }

  /**
   * Gives {@code cl} the error handling of {@code ciku} and its reading of numbers (decimal
   * only: {@link #decimal}): a usage error is one line on standard error and exit code 2; a
   * failure is one line and the exit code of its kind (66 missing input,
   * 65 bad data, 74 I/O, 70 otherwise, with the stack trace only when {@code CIKU_DEBUG} is set);
   * a closed standard output ends quietly with 0. The Spark jobs' command line uses it too.
   * Returns {@code cl}.
   */
  public static CommandLine handleErrors(CommandLine cl) {
    // Numbers in decimal only: Java would also take 2f, 2d and 0x1p3.
    cl.registerConverter(Double.class, Main::decimal);
    cl.registerConverter(Double.TYPE, Main::decimal);
    cl.setParameterExceptionHandler(Main::usageError);
    cl.setExecutionExceptionHandler((ex, line, parsed) -> failure(ex, line));
    return cl;
  }

  /**
   * A number written in decimal: digits with an optional fraction and exponent ({@code 3},
   * {@code -0.5}, {@code 1e-3}), or {@code NaN} / {@code Infinity}, which pass for the range
   * checks to name. Java's own forms ({@code 2f}, {@code 2d}, {@code 0x1p3}) are not numbers here.
   */
  static Double decimal(String value) {
    String v = value.strip();
    String unsigned = v.startsWith("+") || v.startsWith("-") ? v.substring(1) : v;
    if (!NumberText.isUnsignedDecimal(unsigned) && !unsigned.equals("NaN")
        && !unsigned.equals("Infinity")) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a double");
    }
    return Double.valueOf(v);
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand (stats, count,"
        + " discover, domain, vocab, segment or eval)");
  }

  private static int usageError(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    String name = cl.getCommandSpec().qualifiedName();
    String message = ex instanceof CommandLine.UnmatchedArgumentException u ? unmatched(u, cl)
        : String.valueOf(ex.getMessage());
    err.println(name + ": " + Log.printable(message) + " (see '" + name + " --help')");
    err.flush();
    return CikuException.USAGE;
  }

  /**
   * What an argument no command takes was: an unknown subcommand (a first argument that is no
   * option, where subcommands are expected) or an unknown option or stray argument, as picocli
   * words it; followed by the name the command has that is one or two edits away (the typo it
   * likely is), or else, for an option, the commands that have it.
   */
  static String unmatched(CommandLine.UnmatchedArgumentException u, CommandLine cl) {
    List<String> args = u.getUnmatched();
    String first = args.isEmpty() ? "" : args.get(0);
    CommandSpec spec = cl.getCommandSpec();
    if (!cl.getSubcommands().isEmpty() && spec.positionalParameters().isEmpty()
        && !first.startsWith("-")) {
      List<String> names = new java.util.ArrayList<>();
      cl.getSubcommands().forEach((n, sub) -> {
        if (!sub.getCommandSpec().usageMessage().hidden()) {
          names.add(n);
        }
      });
      return "unknown command '" + first + "'" + didYouMean(first, names);
    }
    String message = String.valueOf(u.getMessage());
    if (!first.startsWith("-")) {
      return message;
    }
    String option = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
    List<String> names = new java.util.ArrayList<>();
    for (CommandLine.Model.OptionSpec o : spec.options()) {
      if (!o.hidden()) {
        names.addAll(List.of(o.names()));
      }
    }
    String typo = didYouMean(option, names);
    // Which other commands have it: for ciku's own subcommands (not eval's, not the Spark jobs').
    if (!typo.isEmpty() || spec.parent() == null || !(spec.parent().userObject() instanceof Main)) {
      return message + typo;
    }
    CommandLine root = newCommandLine();
    if (root.getCommandSpec().findOption(option) != null) {
      // -V/--version (-h is every command's own): ciku's, whatever else has it.
      return message + " (an option of ciku itself: 'ciku " + option + "')";
    }
    List<String> others = new java.util.ArrayList<>();
    root.getSubcommands().forEach((n, sub) -> {
      CommandLine.Model.OptionSpec o = sub.getCommandSpec().findOption(option);
      if (o != null && !o.hidden() && !sub.getCommandSpec().usageMessage().hidden()) {
        others.add(n);
      }
    });
    if (others.isEmpty()) {
      return message;
    }
    String last = others.remove(others.size() - 1);
    return message + " (an option of " + (others.isEmpty() ? "" : String.join(", ", others)
        + " and ") + last + ")";
  }

  /** "; did you mean N?" for the first of {@code names} closest to {@code given}, if close. */
  private static String didYouMean(String given, List<String> names) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String n : names) {
      int d = editDistance(given, n);
      if (d < bestDistance) {
        best = n;
        bestDistance = d;
      }
    }
    int allowed = Math.min(2, (given.replaceFirst("^-+", "").length() - 1) / 2);
    return best != null && bestDistance > 0 && bestDistance <= allowed
        ? "; did you mean " + best + "?" : "";
  }

  /**
   * Edits (insert, delete, replace, or swap two neighbours) from {@code a} to {@code b}: the
   * optimal string alignment distance. Cost O(|a|·|b|).
   */
  static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /**
   * Reports {@code ex}, a failure of the command {@code line}, as one line on its standard error
   * and returns the exit code of its kind (see {@link #handleErrors}).
   */
  static int failure(Exception ex, CommandLine line) {
    if (TempFiles.isShuttingDown()) {
      // A signal stopped the run, and its hooks closed what the work used (a store, temporary
      // files): the failure that follows is theirs. The shell reports the signal (exit 130, 143).
      return CikuException.SOFTWARE;
    }
    Throwable t = ex;
    if (t instanceof UncheckedIOException u) {
      t = u.getCause();
    }
    PrintWriter err = line.getErr();
    int code;
    String message;
    if (t instanceof BrokenPipeException) {
      return 0;
    } else if (t instanceof CikuException c) {
      code = c.exitCode();
      message = c.getMessage();
    } else if (t instanceof OutputException) {
      code = CikuException.IO;
      message = t.getMessage();
    } else if (t instanceof NoSuchFileException n) {
      code = CikuException.NO_INPUT;
      message = "cannot open " + n.getFile() + ": "
          + (n.getReason() == null ? "no such file or directory" : n.getReason());
    } else if (t instanceof NgramStore.StoreFormatException
        || t instanceof InputFiles.CorruptInputException
        || t instanceof MalformedDataException) {
      code = CikuException.DATA;
      message = t.getMessage();
    } else if (t instanceof AccessDeniedException a) {
      // Outputs and temporary files report theirs as OutputException: this one was read.
      code = CikuException.NO_INPUT;
      message = "cannot read " + (a.getFile() != null ? a.getFile() : a.getMessage())
          + ": permission denied";
    } else if (t instanceof FileNotFoundException
        || t instanceof CorpusInput.UnsupportedInputException) {
      code = CikuException.NO_INPUT;
      message = t.getMessage();
    } else if (t instanceof InvalidPathException p) {
      code = CikuException.USAGE;
      message = unusableFileName(p, System.getProperty("sun.jnu.encoding"));
    } else if (t instanceof IllegalArgumentException) {
      code = CikuException.USAGE;
      message = t.getMessage();
    } else if (t instanceof IOException) {
      code = CikuException.IO;
      message = "I/O error: " + t.getMessage();
    } else if (ranOutOfMemory(t)) {
      // A worker's OutOfMemoryError handed on inside an exception.
      code = CikuException.SOFTWARE;
      message = outOfMemory(line, Runtime.getRuntime().maxMemory());
      if (System.getenv("CIKU_DEBUG") != null) {
        t.printStackTrace(err);
      }
    } else {
      code = CikuException.SOFTWARE;
      message = "internal error: " + t;
      if (System.getenv("CIKU_DEBUG") != null) {
        t.printStackTrace(err);
      }
    }
    err.println(line.getCommandSpec().qualifiedName() + ": " + Log.printable(message));
    err.flush();
    return code;
  }

  /**
   * Why a file name given to the JVM cannot be a path. The JVM decodes the command line and file
   * names in the locale's charset ({@code fileNames}): in the C/POSIX locale, ASCII, so a name
   * such as 法律.txt arrives as unmappable characters (bin/ciku hands the JVM a UTF-8 locale
   * there; {@code java -jar} does not).
   */
  static String unusableFileName(InvalidPathException p, String fileNames) {
    String name = "cannot use the file name " + p.getInput() + ": ";
    if (p.getInput().indexOf('\uFFFD') >= 0 || p.getReason().contains("unmappable")) {
      return name + "the JVM reads file names as " + fileNames + " in this locale, which cannot"
          + " hold its characters; run ciku in a UTF-8 locale (LC_ALL=C.UTF-8)";
    }
    return name + p.getReason();
  }

  /**
   * Standard output for what picocli writes itself (help, version, the completion script),
   * through {@link Output#stdout()}: picocli's {@link PrintWriter} hides write errors, so the
   * first one is kept here and {@link #check reported} after the run, as the commands report
   * theirs: a closed pipe ends quietly, any other error (a full disk, a closed descriptor) is one
   * line on standard error and exit code 74. Not thread-safe.
   */
  private static final class HelpOut extends OutputStream {
    private final OutputStream out = Output.stdout().stream();
    final PrintWriter writer = new PrintWriter(
        new BufferedWriter(new OutputStreamWriter(this, stdoutCharset())), true);
    private IOException error;
    private boolean brokenPipe;

    /** The charset picocli would write standard output in. */
    private static Charset stdoutCharset() {
      String name = System.getProperty("sun.stdout.encoding");
      try {
        return name == null ? Charset.defaultCharset() : Charset.forName(name);
      } catch (IllegalArgumentException e) {
        return Charset.defaultCharset();
      }
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      attempt(() -> out.write(b, off, len));
    }

    @Override
    public void flush() throws IOException {
      attempt(out::flush);
    }

    /** A write to standard output. */
    private interface Write {
      void run() throws IOException;
    }

    /** Runs {@code w}, noting a closed pipe or the first other error. */
    private void attempt(Write w) throws IOException {
      failed();
      try {
        w.run();
      } catch (BrokenPipeException e) {
        brokenPipe = true;
        throw new IOException(e);
      } catch (IOException e) {
        error = e;
        throw e;
      }
    }

    /** Once writing failed, nothing more is tried (the first error is the one reported). */
    private void failed() throws IOException {
      if (error != null || brokenPipe) {
        throw new IOException("standard output failed before");
      }
    }

    /**
     * {@code code}, or 74 after one line on standard error when writing failed (and the command
     * had not failed already).
     */
    int check(CommandLine cl, int code) {
      if (!writer.checkError() || brokenPipe || code != 0) {
        return code;
      }
      CommandLine.ParseResult pr = cl.getParseResult();
      String name = cl.getCommandSpec().qualifiedName();
      while (pr != null) {
        name = pr.commandSpec().qualifiedName();
        pr = pr.subcommand();
      }
      OutputException e = error == null
          ? new OutputException("to standard output", "write error", null)
          : OutputException.of("to standard output", error);
      PrintWriter err = cl.getErr();
      err.println(name + ": " + Log.printable(e.getMessage()));
      err.flush();
      return CikuException.IO;
    }
  }

  /** Reads the version from the jar manifest. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"ciku " + (v == null ? "(development build)" : v),
          "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
  }
}
