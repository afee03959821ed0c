package dev.ciku.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.LatinCase;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.UnitTable;
import dev.ciku.count.CountOptions;
import dev.ciku.count.NgramCounter;
import dev.ciku.discover.DiscoverOptions;
import dev.ciku.discover.WordDiscoverer;
import dev.ciku.store.NgramStore;
import dev.ciku.store.StoreWriter;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The jobs' shared options (--temp-dir, --driver-memory-budget, the rows' options), where tasks
 * spill, and the jobs' clock, in Spark local[2].
 */
class SparkJobOptionsTest {
  static final Path LAWS = SparkJobsTest.LAWS;

  static SparkSession spark;
  static JavaSparkContext sc;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    spark = LocalSpark.builder("ciku-spark-options-test")
        .getOrCreate();
    sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  /** What a run of the jobs' command line gave: its exit code and what it wrote to stderr. */
  private record Run(int code, String stderr) {}

  /**
   * Runs the jobs' command line with {@code clock}; standard error (picocli's and System.err,
   * where the jobs' progress and warnings go) is returned.
   */
  private static Run run(LongSupplier clock, String... args) {
    PrintStream old = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    int code;
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      CommandLine cl = Main.commandLine(clock);
      cl.setErr(new PrintWriter(err));
      code = cl.execute(args);
    } finally {
      System.setErr(old);
    }
    return new Run(code, bytes.toString(StandardCharsets.UTF_8) + err);
  }

  private static Run run(String... args) {
    return run(System::nanoTime, args);
  }

  /** The names of the files created in {@code dir} while {@code work} ran. */
  private static List<String> createdIn(Path dir, Runnable work) throws IOException {
    return created(new Path[] {dir}, work::run, name -> true);
  }

  private static List<String> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void mainCount_tempDirWithSmallDriverBudget_rankingSpillsThereIsDeletedSameRows()
      throws Exception {
    String laws = LAWS.toAbsolutePath().toString();
    Path spills = Files.createDirectory(tmp.resolve("spills"));
    Path small = tmp.resolve("small-budget.tsv");
    Path byDefault = tmp.resolve("default.tsv");
    Run[] runs = new Run[1];
    // 16m: the ranking buffers are a sixteenth, 1 MB, far fewer grams than the sample has.
    List<String> created = createdIn(spills, () -> runs[0] = run("count", "-n", "4",
        "--partitions", "2", "--driver-memory-budget", "16m", "--temp-dir", spills.toString(),
        "--tsv", small.toString(), laws));
    assertEquals(0, runs[0].code(), runs[0].stderr());
    assertTrue(created.stream().anyMatch(n -> n.startsWith("ciku-rank-")), created.toString());
    assertEquals(List.of(), list(spills), "spills left behind");
    Run plain = run("count", "-n", "4", "--partitions", "2", "--tsv", byDefault.toString(), laws);
    assertEquals(0, plain.code(), plain.stderr());
    assertTrue(Files.size(byDefault) > 1_000_000, "every gram of the sample");
    assertEquals(-1, Files.mismatch(byDefault, small), "the budget changed the rows");
  }

  @Test
  void mainDiscover_tempDir_countsStoreThereAndDeleted() throws Exception {
    Path spills = Files.createDirectory(tmp.resolve("spills"));
    Path lines = Files.write(tmp.resolve("laws-2000.txt"),
        Files.readAllLines(LAWS).subList(0, 2000));
    Path words = tmp.resolve("words.tsv");
    Run[] runs = new Run[1];
    List<String> created = createdIn(spills, () -> runs[0] = run("discover", "--temp-dir",
        spills.toString(), "-o", words.toString(), lines.toString()));
    assertEquals(0, runs[0].code(), runs[0].stderr());
    assertTrue(created.stream().anyMatch(n -> n.startsWith("ciku-spark-") && n.endsWith(".ngrams")),
        created.toString());
    assertEquals(List.of(), list(spills), "temporary files left behind");
    assertTrue(Files.readAllLines(words).size() > 10, "the lines yield words");
  }

  @Test
  void main_tempDirMissingNotADirectoryOrUnwritable_exit74_oneLineBeforeTheJob()
      throws IOException {
    String laws = LAWS.toAbsolutePath().toString();
    Path out = tmp.resolve("out.tsv");
    Path missing = tmp.resolve("no-such-dir");
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    for (String job : List.of("count", "discover", "domain")) {
      String[] output = job.equals("count") ? new String[] {"--tsv", out.toString()}
          : new String[] {"-o", out.toString()};
      for (Path dir : List.of(missing, file)) {
        List<String> args = new ArrayList<>(List.of(job, "--temp-dir", dir.toString()));
        args.addAll(List.of(output));
        args.add(laws);
        Run r = run(args.toArray(new String[0]));
        assertEquals(74, r.code(), r.stderr());
        assertEquals(List.of("ciku-spark " + job + ": cannot write temporary files in --temp-dir "
            + dir + ": " + (dir == file ? "not a directory" : "no such directory")),
            r.stderr().lines().toList());
      }
      // A directory that takes no file, even for root: sysfs makes none.
      Path sys = Path.of("/sys");
      if (Files.isDirectory(sys)) {
        List<String> args = new ArrayList<>(List.of(job, "--temp-dir", sys.toString()));
        args.addAll(List.of(output));
        args.add(laws);
        Run r = run(args.toArray(new String[0]));
        assertEquals(74, r.code(), r.stderr());
        List<String> lines = r.stderr().lines().toList();
        assertEquals(1, lines.size(), r.stderr());
        assertTrue(lines.get(0).startsWith("ciku-spark " + job + ": cannot write temporary file"
            + " /sys/ciku-spark-"), lines.get(0));
      }
      assertFalse(Files.exists(out), job + ": nothing written");
    }
  }

  @Test
  void countAndCutPass_javaTmpdirMissing_tasksSpillInSparkLocalDirsAndDeleteThere()
      throws IOException {
    // The local engine's counts and 'ciku discover --counts' on them, the reference.
    List<long[]> grams = new ArrayList<>();
    UnitTable units = new UnitTable(true);
    dev.ciku.count.CountSummary counted = new NgramCounter(new CountOptions(6, 2, 2, 64L << 20,
        tmp), ReaderOptions.DEFAULT).count(List.of(CorpusInput.file(LAWS)), units,
        new ByteCounter(), m -> { }, (hi, lo, c) -> grams.add(new long[] {hi, lo, c}));
    Path store = tmp.resolve("laws.ngrams");
    try (StoreWriter w = new StoreWriter(store)) {
      grams.forEach(e -> w.accept(e[0], e[1], e[2]));
      w.finish(counted);
    }
    WordDiscoverer.Result cli;
    try (NgramStore s = NgramStore.open(store)) {
      cli = new WordDiscoverer(DiscoverOptions.DEFAULT, ReaderOptions.DEFAULT, 2, 64L << 20, tmp)
          .discover(List.of(CorpusInput.file(LAWS)), s, new ByteCounter(), m -> { }, m -> { });
    }
    JavaRDD<String> lines = sc.textFile(LAWS.toAbsolutePath().toString(), 3);
    // Tasks run in this JVM (local[2]): with java.io.tmpdir gone, only the Spark local
    // directories can take their spills, and with runs of one byte every task spills.
    String tmpdir = System.getProperty("java.io.tmpdir");
    List<long[]> spark = new ArrayList<>();
    WordDiscoverer.Result[] cut = new WordDiscoverer.Result[1];
    File[] local = SparkEnv.get().blockManager().diskBlockManager().localDirs();
    System.setProperty("java.io.tmpdir", tmp.resolve("no-such-tmpdir").toString());
    try {
      // Each pass's tasks spill there: the checks below that none is left are not idle.
      assertFalse(spillsIn(local, () -> new SparkNgramCounter(sc, new SparkNgramCounter.Settings(
          6, 2, LatinCase.FOLD, false, 3, 1 << 14, 1)).count(lines,
              (hi, lo, c) -> spark.add(new long[] {hi, lo, c}))).isEmpty(), "counting spills");
      try (NgramStore s = NgramStore.open(store)) {
        assertFalse(spillsIn(local, () -> cut[0] = new WordDiscoverer(DiscoverOptions.DEFAULT,
            ReaderOptions.DEFAULT, 1, 64L << 20, tmp).withCutPass(new SparkCutPass(sc,
                InputText.of(lines), LatinCase.FOLD, false, 3, true, 1)).discover(List.of(), s,
                new ByteCounter(), m -> { }, m -> { })).isEmpty(), "cut pass spills");
      }
    } finally {
      System.setProperty("java.io.tmpdir", tmpdir);
    }
    assertEquals(grams.size(), spark.size(), "distinct grams");
    for (int i = 0; i < grams.size(); i++) {
      assertTrue(java.util.Arrays.equals(grams.get(i), spark.get(i)), "gram " + i);
    }
    assertTrue(cli.words().size() > 100, "the sample yields words");
    assertEquals(cli.words(), cut[0].words());
    assertTrue(local.length > 0);
    for (File d : local) {
      assertEquals(List.of(), list(d.toPath()).stream().filter(n -> n.startsWith("ciku-"))
          .toList(), "task spills left in " + d);
    }
  }

  /** Work that may fail with an I/O error. */
  private interface IoWork {
    void run() throws IOException;
  }

  /** The names of ciku's files created directly in {@code dirs} while {@code work} ran. */
  private static List<String> spillsIn(File[] dirs, IoWork work) throws IOException {
    return created(java.util.Arrays.stream(dirs).map(File::toPath).toArray(Path[]::new), work,
        name -> name.startsWith("ciku-"));
  }

  /**
   * The names, that {@code keep} accepts, of the entries created directly in {@code dirs} while
   * {@code work} ran, however late the watcher reports them (it may report the last after the
   * run has returned).
   */
  private static List<String> created(Path[] dirs, IoWork work,
      java.util.function.Predicate<String> keep) throws IOException {
    List<String> made = new ArrayList<>();
    try (WatchService watch = FileSystems.getDefault().newWatchService()) {
      for (Path d : dirs) {
        d.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
      }
      work.run();
      for (WatchKey k = watch.poll(10, java.util.concurrent.TimeUnit.SECONDS); k != null;
          k = watch.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        for (WatchEvent<?> e : k.pollEvents()) {
          assertTrue(e.kind() != StandardWatchEventKinds.OVERFLOW, "too many events to tell");
          if (keep.test(e.context().toString())) {
            made.add(e.context().toString());
          }
        }
        k.reset();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return made;
  }

  @Test
  void taskTempDir_inATask_oneOfTheExecutorsSparkLocalDirs() {
    List<String> local = java.util.Arrays.stream(
        SparkEnv.get().blockManager().diskBlockManager().localDirs()).map(File::toString).toList();
    List<String> used = sc.parallelize(List.of(1, 2, 3, 4), 4)
        .map(i -> TaskTempDir.current().toString()).collect();
    assertEquals(4, used.size());
    for (String d : used) {
      assertTrue(local.contains(d), d + " not in " + local);
    }
  }

  @Test
  void mainJobs_injectedClock_reportTheirTimesByIt() throws IOException {
    Path lines = Files.write(tmp.resolve("laws-300.txt"), Files.readAllLines(LAWS).subList(0, 300));
    String out = tmp.resolve("out.tsv").toString();
    // 0 at the start, then 12,345.6 seconds later for good: no run takes that long.
    AtomicBoolean started = new AtomicBoolean();
    LongSupplier clock = () -> started.getAndSet(true) ? 12_345_600_000_000L : 0L;
    String[][] jobs = {{"stats", "-o", out}, {"count", "--tsv", out}, {"discover", "-o", out},
        {"domain", "-o", out}};
    String[] last = {"units in 12345.6 s", "done in 12345.6 s", "found) in 12345.6 s",
        "scored) in 12345.6 s"};
    for (int i = 0; i < jobs.length; i++) {
      started.set(false);
      List<String> args = new ArrayList<>(List.of(jobs[i]));
      args.add(lines.toString());
      Run r = run(clock, args.toArray(new String[0]));
      assertEquals(0, r.code(), r.stderr());
      List<String> err = r.stderr().lines().filter(l -> l.startsWith("ciku-spark: ")).toList();
      assertTrue(err.get(err.size() - 1).endsWith(last[i]), jobs[i][0] + ": " + err);
    }
  }

  @Test
  void jobBudgets_defaultDriverBudget_todaysTaskAndRankingFigures() {
    assertEquals(256L << 20, JobBudgets.DEFAULT.taskRuns(), "a task's runs, 256 MB");
    assertEquals(64L << 20, JobBudgets.DEFAULT.ranking(), "count's ranking, 64 MB");
    assertEquals(SparkNgramCounter.Settings.of(6, 2).runMemory(), JobBudgets.DEFAULT.taskRuns());
  }

  @Test
  void jobBudgets_smallOrLargeDriverBudget_tasksFollowBelowTheCapOnly() {
    JobBudgets small = new JobBudgets(16L << 20);
    assertEquals(4L << 20, small.taskRuns());
    assertEquals(1L << 20, small.ranking());
    JobBudgets large = new JobBudgets(8L << 30);
    assertEquals(JobBudgets.MAX_TASK_RUNS, large.taskRuns(), "executors are not the driver");
    assertEquals(512L << 20, large.ranking());
    assertThrows(IllegalArgumentException.class, () -> new JobBudgets((16L << 20) - 1));
  }

  @Test
  void driverOptions_budgetGiven_parsedByTheCall() {
    CountJob job = new CountJob();
    new CommandLine(job).parseArgs("--driver-memory-budget", "2g", "--tsv", "-", "in.txt");
    assertEquals(2L << 30, job.driver.budgets().driver());
    CountJob defaults = new CountJob();
    new CommandLine(defaults).parseArgs("--tsv", "-", "in.txt");
    assertEquals(JobBudgets.DEFAULT, defaults.driver.budgets());
  }

  /**
   * Options of a job that its CLI command has too but that the job declares apart from the
   * command, each with why: every other such option is declared by one class, the CLI's mixin.
   */
  private static final Map<String, String> JOB_OWN = Map.ofEntries(
      Map.entry("--encoding", "the jobs take only charsets that split at line feeds, and detect"
          + " per file"),
      Map.entry("--order", "ciku count declares its own (no mixin to share)"),
      Map.entry("--min-count", "ciku count declares its own (no mixin to share)"),
      Map.entry("--output", "count's is a store on the driver, ciku count's own option"),
      Map.entry("--sort", "count's ranks in the driver's buffers; ciku count declares its own"),
      Map.entry("--counts", "the job's needs INPUT: its cut pass runs on the cluster"),
      Map.entry("--reference", "the job's is a profile only, not a corpus"),
      Map.entry("--rank", "ciku domain declares its own (no mixin to share)"),
      Map.entry("--redundancy", "domain's default is 0, not discover's; ciku domain declares its"
          + " own"));

  /** The class that declares {@code o}'s field (a command's or a mixin's). */
  private static String declaredIn(OptionSpec o) {
    return o.userObject() instanceof Field f ? f.getDeclaringClass().getName()
        : String.valueOf(o.userObject());
  }

  @Test
  void options_ofEveryJobSharedWithItsCliCommand_declaredInTheCliClass() {
    CommandLine cli = dev.ciku.cli.Main.newCommandLine();
    List<String> apart = new ArrayList<>();
    Set<String> own = new TreeSet<>();
    Set<String> shared = new TreeSet<>();
    for (Map.Entry<String, CommandLine> job : Main.commandLine().getSubcommands().entrySet()) {
      CommandLine command = cli.getSubcommands().get(job.getKey());
      if (command == null) {
        continue;
      }
      for (OptionSpec o : job.getValue().getCommandSpec().options()) {
        OptionSpec theirs = command.getCommandSpec().findOption(o.longestName());
        if (theirs == null || o.usageHelp() || o.versionHelp()) {
          continue;
        }
        if (declaredIn(o).equals(declaredIn(theirs))) {
          shared.add(job.getKey() + " " + o.longestName());
        } else if (JOB_OWN.containsKey(o.longestName())) {
          own.add(o.longestName());
        } else {
          apart.add(job.getKey() + " " + o.longestName() + ": " + declaredIn(o) + ", not "
              + declaredIn(theirs));
        }
      }
    }
    assertEquals(List.of(), apart);
    // The exceptions are real: each is still declared apart (else it belongs in the mixin).
    assertEquals(new TreeSet<>(JOB_OWN.keySet()), own);
    assertTrue(shared.containsAll(List.of("stats --output", "stats --format", "count --top",
        "count --no-header", "count --temp-dir", "discover --redundancy", "discover --known",
        "discover --new-only", "discover --explain", "domain --no-filter", "domain --stopwords",
        "domain --generic-heads", "domain --measure-glue")), shared::toString);
  }

  /** The help of {@code job}, its lines joined and blanks collapsed (picocli wraps them). */
  private static String help(CommandLine cl, String job) {
    return cl.getSubcommands().get(job).getUsageMessage().replaceAll("\\s+", " ");
  }

  @Test
  void main_help_eachJobDescribesItsSharedOptionsAsItsOwn() {
    CommandLine cl = Main.commandLine();
    String stats = help(cl, "stats");
    String count = help(cl, "count");
    String discover = help(cl, "discover");
    String domain = help(cl, "domain");
    assertTrue(stats.contains("or json (one JSON object)"), stats);
    assertTrue(count.contains("Format of the --tsv rows"), count);
    assertTrue(count.contains("first K TSV rows"), count);
    assertTrue(discover.contains("dict ('word count' lines"), discover);
    assertTrue(discover.contains("best K words") && discover.contains("'ciku discover --explain'"),
        discover);
    assertTrue(domain.contains("best K terms") && domain.contains("'ciku domain --explain'"),
        domain);
    for (String help : List.of(count, discover, domain)) {
      assertTrue(help.contains("Where the driver's spilled data go"), help);
    }
    for (String help : List.of(stats, discover, domain)) {
      assertTrue(help.contains("-o, --output=FILE Write to FILE on the driver"), help);
    }
    assertTrue(discover.contains("--known=LEXICON Drop the words listed in LEXICON (a local"
        + " file)"), discover);
    assertTrue(domain.contains("--stopwords=FILE More patterns to drop (a local file)")
        && domain.contains("--generic-heads=FILE More generic heads (a local file)"), domain);
    assertFalse(stats.contains("--temp-dir"), "stats spills nothing on the driver");
  }
}
