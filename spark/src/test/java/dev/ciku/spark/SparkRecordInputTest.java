package dev.ciku.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jobs on JSON lines, TSV and CSV ({@code --input-format}, {@code --field}, {@code --column},
 * {@code --skip-header}) against the CLI on the same files: the same bytes at any partitioning,
 * the same warnings and the same failures. The files are built from corpora-samples/laws-zh.txt.
 */
class SparkRecordInputTest {
  private static final Path LAWS = Path.of("../corpora-samples/laws-zh.txt");

  static SparkSession spark;

  @TempDir static Path dir;
  static List<String> laws;
  static Path jsonl;
  static Path jsonl2;
  static Path tsv;
  static Path tsv2;
  static Path csv;
  static Path csv2;

  @TempDir Path tmp;

  @BeforeAll
  static void start() throws IOException {
    spark = LocalSpark.builder("ciku-spark-record-input-test")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
    laws = Files.readAllLines(LAWS).subList(0, 3000);
    jsonl = Files.writeString(dir.resolve("laws-a.jsonl"), jsonLines(0, 2000));
    jsonl2 = Files.writeString(dir.resolve("laws-b.jsonl"), jsonLines(2000, 3000));
    tsv = Files.writeString(dir.resolve("laws-a.tsv"), tsvRows(0, 2000));
    tsv2 = Files.writeString(dir.resolve("laws-b.tsv"), tsvRows(2000, 3000));
    csv = Files.writeString(dir.resolve("laws-a.csv"), csvRows(0, 2000));
    csv2 = Files.writeString(dir.resolve("laws-b.csv"), csvRows(2000, 3000));
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  /** A JSON string of {@code s}: quotes, backslashes escaped, Han 条 as \u6761 every 3rd time. */
  private static String json(String s, boolean unicodeEscapes) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (unicodeEscapes && c == '条') {
            b.append("\\u6761");
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /**
   * Law lines {@code [from, to)} as JSON objects with the text in "content": every 7th holds the
   * next line too, after a line break (an escape); every 5th writes 条 as an escape and quotes a
   * phrase; the keys come in varying order; every 11th lacks "content", every 13th has a number
   * there, and every 101st line is no JSON object.
   */
  private static String jsonLines(int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i < to; i++) {
      String text = laws.get(i);
      if (i % 7 == 0 && i + 1 < to) {
        text = text + "\n" + laws.get(i + 1);
      }
      if (i % 5 == 0) {
        text = "\"" + text + "\" 见\t附件";
      }
      String content = json(text, i % 5 == 0);
      if (i % 101 == 0) {
        b.append("{\"id\": ").append(i).append(", \"content\": ").append(content).append('\n');
      } else if (i % 11 == 0) {
        b.append("{\"id\":").append(i).append(",\"title\":").append(content).append("}\n");
      } else if (i % 13 == 0) {
        b.append("{\"id\":").append(i).append(",\"content\":").append(i).append("}\n");
      } else if (i % 2 == 0) {
        b.append("{\"content\": ").append(content).append(", \"meta\": {\"tags\": [\"法\", \"}\"]},")
            .append(" \"id\": ").append(i).append("}\n");
      } else {
        b.append("{\"id\":").append(i).append(",\"source\":\"laws\",\"content\":").append(content)
            .append("}\n");
      }
    }
    return b.toString();
  }

  /**
   * Law lines as TSV rows (CRLF ends) with a header: id, title, text (column 3), source; every
   * 17th row has two columns only.
   */
  private static String tsvRows(int from, int to) {
    StringBuilder b = new StringBuilder("id\ttitle\ttext\tsource\r\n");
    for (int i = from; i < to; i++) {
      if (i % 17 == 0) {
        b.append(i).append('\t').append(laws.get(i)).append("\r\n");
      } else {
        b.append(i).append("\t条例\t").append(laws.get(i)).append("\tlaws\r\n");
      }
    }
    return b.toString();
  }

  /**
   * Law lines as CSV records with a header: id, text (column 2), note. Every 6th record's text is
   * quoted and spans three lines (one with a CRLF inside), with commas and doubled quotes; every
   * 4th is quoted on one line; every 19th has one column only; the others are unquoted (a quote
   * inside an unquoted field is text).
   */
  private static String csvRows(int from, int to) {
    StringBuilder b = new StringBuilder("id,text,note\n");
    for (int i = from; i < to; i++) {
      String text = laws.get(i).replace(",", "，");
      if (i % 19 == 0) {
        b.append(i).append('\n');
      } else if (i % 6 == 0 && i + 2 < to) {
        String spanning = text + ",\n" + laws.get(i + 1) + "\r\n\"" + laws.get(i + 2) + "\"";
        b.append(i).append(",\"").append(spanning.replace("\"", "\"\"")).append("\",多行\r\n");
      } else if (i % 4 == 0) {
        b.append(i).append(",\"").append(text).append("，“引号”\"\"x\"\"\",\n");
      } else {
        b.append(i).append(',').append(text).append(" 5\"寸,note\n");
      }
    }
    return b.toString();
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** What {@code command} (which must exit {@code code}) writes to System.err, as lines. */
  private static List<String> stderr(int code, IntSupplier command) {
    PrintStream old = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      assertEquals(code, command.getAsInt(), () -> bytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(old);
    }
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  /** The job's warnings for {@code args} (exit 0), without the "ciku-spark: warning: " prefix. */
  private static List<String> jobWarnings(String... args) {
    return stderr(0, () -> new picocli.CommandLine(new Main()).execute(args)).stream()
        .filter(l -> l.startsWith("ciku-spark: warning: "))
        .map(l -> l.substring("ciku-spark: warning: ".length())).toList();
  }

  /** The CLI's warnings for {@code args} (exit 0), without the "ciku: warning: " prefix. */
  private static List<String> cliWarnings(String... args) {
    return stderr(0, () -> dev.ciku.cli.Main.execute(args)).stream()
        .filter(l -> l.startsWith("ciku: warning: "))
        .map(l -> l.substring("ciku: warning: ".length())).toList();
  }

  /**
   * Runs job {@code args[0]} with the rest of {@code args} at each of {@code partitions} and the
   * CLI's command once, each writing {@code -o FILE}: all must write the same bytes. Returns the
   * CLI's output.
   */
  private byte[] sameAsCli(int[] partitions, String... args) throws IOException {
    Path cli = tmp.resolve("cli.out");
    Files.deleteIfExists(cli);
    assertEquals(0, dev.ciku.cli.Main.execute(concat(args, "--no-progress", "-q", "-o",
        cli.toString())), String.join(" ", args));
    byte[] expected = Files.readAllBytes(cli);
    for (int p : partitions) {
      Path job = tmp.resolve("job-" + p + ".out");
      Files.deleteIfExists(job);
      assertEquals(0, new picocli.CommandLine(new Main()).execute(concat(args, "-q",
          "--partitions", String.valueOf(p), "-o", job.toString())), String.join(" ", args));
      assertEquals(-1, Files.mismatch(cli, job), String.join(" ", args) + " at " + p
          + " partition(s): outputs differ");
    }
    return expected;
  }

  /** Every job on {@code format}'s files, at several partition counts, writes the CLI's bytes. */
  private void jobs_equalTheCli(String... input) throws IOException {
    int[] several = {1, 4, 11};
    String stats = new String(sameAsCli(several, concat(new String[] {"stats"}, input)),
        StandardCharsets.UTF_8);
    // lines: records (a header skipped is none); units: the text of the law lines.
    assertTrue(stats.lines().toList().get(1).matches("[1-9][0-9]{3}\t[1-9][0-9]{5}\t.*"), stats);
    byte[] store = sameAsCli(several, concat(new String[] {"count", "-n", "4"}, input));
    assertTrue(store.length > 100_000, "a store of the law lines: " + store.length);
    String words = new String(sameAsCli(new int[] {4}, concat(new String[] {"discover"}, input)),
        StandardCharsets.UTF_8);
    assertTrue(words.lines().count() > 50, words);
    String terms = new String(sameAsCli(new int[] {4}, concat(new String[] {"domain", "--top",
        "200"}, input)), StandardCharsets.UTF_8);
    assertEquals(201, terms.lines().count(), terms);
  }

  @Test
  void mainJobs_jsonlWithEscapesAndSkippedLines_equalTheCliAtAnyPartitioning() throws Exception {
    jobs_equalTheCli("--input-format", "jsonl", "--field", "content", jsonl.toString(),
        jsonl2.toString());
  }

  @Test
  void mainJobs_tsvColumn3WithHeaderAndCrlf_equalTheCliAtAnyPartitioning() throws Exception {
    jobs_equalTheCli("--input-format", "tsv", "--column", "3", "--skip-header", tsv.toString(),
        tsv2.toString());
  }

  @Test
  void mainJobs_csvQuotedFieldsSpanningLines_equalTheCliAtAnyPartitioning() throws Exception {
    jobs_equalTheCli("--input-format", "csv", "--column", "2", "--skip-header", csv.toString(),
        csv2.toString());
  }

  @Test
  void mainStats_skipHeaderTsv_headerIsNoRecordInEveryFile() throws Exception {
    String with = new String(sameAsCli(new int[] {1, 11}, "stats", "--input-format", "tsv",
        "--column", "3", tsv.toString(), tsv2.toString()), StandardCharsets.UTF_8);
    String without = new String(sameAsCli(new int[] {1, 11}, "stats", "--input-format", "tsv",
        "--column", "3", "--skip-header", tsv.toString(), tsv2.toString()),
        StandardCharsets.UTF_8);
    long linesWith = Long.parseLong(with.lines().toList().get(1).split("\t")[0]);
    long linesWithout = Long.parseLong(without.lines().toList().get(1).split("\t")[0]);
    assertEquals(3002, linesWith, "every row, both headers");
    assertEquals(3000, linesWithout, "the headers are no records");
  }

  @Test
  void mainCount_recordsWithoutTheText_oneWarningPerInputAsTheCli() throws Exception {
    String[] jsonArgs = {"--input-format", "jsonl", "--field", "content", jsonl.toString(),
        jsonl2.toString()};
    List<String> cli = cliWarnings(concat(new String[] {"count", "-o",
        tmp.resolve("cli.ngrams").toString(), "--no-progress"}, jsonArgs));
    assertEquals(List.of(jsonl + ": 20 lines are not a JSON object, 319 lines lack a string field"
        + " 'content'; skipped", jsonl2 + ": 10 lines are not a JSON object, 159 lines lack a"
        + " string field 'content'; skipped"), cli);
    assertEquals(cli, jobWarnings(concat(new String[] {"count", "--partitions", "7", "-o",
        tmp.resolve("job.ngrams").toString()}, jsonArgs)));
    String[] tsvArgs = {"--input-format", "tsv", "--column", "3", "--skip-header",
        tsv.toString()};
    List<String> cliTsv = cliWarnings(concat(new String[] {"stats", "-o",
        tmp.resolve("cli.tsv").toString(), "--no-progress"}, tsvArgs));
    assertEquals(List.of(tsv + ": 118 lines lack column 3; skipped"), cliTsv);
    assertEquals(cliTsv, jobWarnings(concat(new String[] {"stats", "--partitions", "5", "-o",
        tmp.resolve("job.tsv").toString()}, tsvArgs)));
  }

  /**
   * CSV's warnings about quotes: a quoted field open for more than 65,536 characters ends at the
   * next line break, one still open at the end of the file runs to it; said as the CLI says it,
   * and the counts are the CLI's.
   */
  @Test
  void mainStats_csvUnbalancedQuotes_cutAndOpenWarningsAsTheCli() throws Exception {
    StringBuilder b = new StringBuilder("id,text\n1,\"");
    // About 84,000 characters: the quote is cut, and the later law lines are records without
    // column 2.
    for (int i = 0; i < 1500; i++) {
      b.append(laws.get(i)).append('\n');
    }
    b.append("2,第二条\n3,\"");
    for (int i = 1500; i < 1520; i++) {
      b.append(laws.get(i)).append("\r\n");
    }
    Path unbalanced = Files.writeString(tmp.resolve("unbalanced.csv"), b);
    String[] args = {"--input-format", "csv", "--column", "2", "--skip-header",
        unbalanced.toString()};
    Path cliOut = tmp.resolve("cli.tsv");
    List<String> cli = cliWarnings(concat(new String[] {"stats", "--no-progress", "-o",
        cliOut.toString()}, args));
    assertEquals(3, cli.size(), cli.toString());
    assertTrue(cli.get(0).matches(java.util.regex.Pattern.quote(unbalanced.toString())
        + ": [1-9][0-9]* lines lack column 2; skipped"), cli.get(0));
    assertTrue(cli.get(1).startsWith(unbalanced + ": 1 quoted field(s) without a closing quote"
        + " after 65536 characters, the first opened on line 2,"), cli.get(1));
    assertEquals(unbalanced + ": the quoted field opened on line 1503 is still open at the end of"
        + " the input (20 line(s) read as its text; is a quote unbalanced?)", cli.get(2));
    Path jobOut = tmp.resolve("job.tsv");
    assertEquals(cli, jobWarnings(concat(new String[] {"stats", "-o", jobOut.toString()}, args)));
    assertEquals(-1, Files.mismatch(cliOut, jobOut), "stats differ");
  }

  /**
   * No record holds the field or column given: the CLI's warning for each input, then exit 65
   * with the CLI's line (naming it, showing the start of the first line), before the job's work.
   */
  @Test
  void mainJobs_noRecordHoldsTheText_exit65WithTheCliLine() throws Exception {
    String[][] runs = {{"--input-format", "jsonl", "--field", "body", jsonl.toString()},
        {"--input-format", "tsv", "--column", "9", tsv.toString(), tsv2.toString()},
        {"--input-format", "csv", "--column", "4", csv.toString()}};
    for (String[] run : runs) {
      Path out = tmp.resolve("out.tsv");
      List<String> cli = stderr(65, () -> dev.ciku.cli.Main.execute(concat(new String[] {"stats",
          "--no-progress", "-o", out.toString()}, run)));
      StringWriter err = new StringWriter();
      List<String> job = stderr(65, () -> {
        picocli.CommandLine cl = Main.commandLine();
        cl.setErr(new java.io.PrintWriter(err, true));
        return cl.execute(concat(new String[] {"stats", "-o", out.toString()}, run));
      }).stream().filter(l -> l.startsWith("ciku-spark")).toList();
      List<String> errLines = err.toString().lines().toList();
      // The CLI's: a warning per input without the text, then the error.
      String error = cli.get(cli.size() - 1);
      assertTrue(error.startsWith("ciku stats: ") && error.contains(": no line holds "), error);
      assertEquals(cli.subList(0, cli.size() - 1).stream()
          .map(l -> l.replaceFirst("^ciku: ", "ciku-spark: ")).toList(), job);
      assertEquals(run.length - 4, job.size(), "a warning per input: " + job);
      assertEquals(List.of(error.replaceFirst("^ciku stats: ", "ciku-spark stats: ")), errLines);
      assertTrue(Files.notExists(out), "nothing written");
    }
  }

  /**
   * The lines the tasks of {@code args} read from the input files, as Spark's input metrics count
   * them: every pass over the inputs reads each line once.
   */
  private static long linesRead(String... args) throws Exception {
    java.util.concurrent.atomic.AtomicLong read = new java.util.concurrent.atomic.AtomicLong();
    org.apache.spark.scheduler.SparkListener listener =
        new org.apache.spark.scheduler.SparkListener() {
          @Override
          public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd end) {
            if (end.taskMetrics() != null) {
              read.addAndGet(end.taskMetrics().inputMetrics().recordsRead());
            }
          }
        };
    spark.sparkContext().addSparkListener(listener);
    try {
      assertEquals(0, new picocli.CommandLine(new Main()).execute(concat(args, "-q")),
          String.join(" ", args));
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
    return read.get();
  }

  /**
   * Records are read as often as plain text is: each job counts the records without their text
   * in the first pass it makes anyway (stats' scan, the count's scan, the cut pass on a store's
   * counts), not in a pass of its own. The same 3,000 law lines, as plain text and as JSON lines.
   */
  @Test
  void mainJobs_jsonlRecords_readAsOftenAsPlainText() throws Exception {
    Path plain = Files.write(tmp.resolve("laws.txt"), laws);
    String[] records = {"--input-format", "jsonl", "--field", "content", jsonl.toString(),
        jsonl2.toString()};
    Path plainStore = tmp.resolve("plain.ngrams");
    Path recordStore = tmp.resolve("records.ngrams");
    assertEquals(0, dev.ciku.cli.Main.execute("count", "-q", "-o", plainStore.toString(),
        plain.toString()));
    assertEquals(0, dev.ciku.cli.Main.execute(concat(new String[] {"count", "-q", "-o",
        recordStore.toString()}, records)));
    String[][] jobs = {{"stats", "-o", tmp.resolve("stats.tsv").toString()},
        {"count", "-n", "3", "-o", tmp.resolve("job.ngrams").toString()},
        {"discover", "--counts", "STORE", "-o", tmp.resolve("words.tsv").toString()},
        {"domain", "--top", "50", "-o", tmp.resolve("terms.tsv").toString()}};
    for (String[] job : jobs) {
      String[] withPlain = job.clone();
      String[] withRecords = job.clone();
      for (int i = 0; i < job.length; i++) {
        if (job[i].equals("STORE")) {
          withPlain[i] = plainStore.toString();
          withRecords[i] = recordStore.toString();
        }
      }
      long fromPlain = linesRead(concat(withPlain, "--partitions", "3", plain.toString()));
      assertTrue(fromPlain >= 3000, job[0] + ": " + fromPlain);
      assertEquals(fromPlain, linesRead(concat(concat(withRecords, "--partitions", "3"),
          records)), job[0] + ": lines read from JSON lines and from plain text");
    }
  }

  /**
   * No record holds the field: count and discover (on a store's counts, whose first pass is the
   * cut pass) fail with the CLI's line and exit 65 once their first pass has read the records,
   * after its warnings, and write nothing (neither -o nor --tsv).
   */
  @Test
  void mainCountAndDiscover_noRecordHoldsTheText_exit65WritingNothing() throws Exception {
    String[] run = {"--input-format", "jsonl", "--field", "body", jsonl.toString(),
        jsonl2.toString()};
    Path store = tmp.resolve("laws.ngrams");
    assertEquals(0, dev.ciku.cli.Main.execute("count", "-q", "-o", store.toString(),
        jsonl.toString(), jsonl2.toString()));
    List<String> cli = stderr(65, () -> dev.ciku.cli.Main.execute(concat(new String[] {"count",
        "--no-progress", "-o", tmp.resolve("cli.ngrams").toString()}, run)));
    Path out = tmp.resolve("out.ngrams");
    Path tsvOut = tmp.resolve("out.tsv");
    String[][] jobs = {{"count", "-o", out.toString(), "--tsv", tsvOut.toString()},
        {"discover", "--counts", store.toString(), "-o", tsvOut.toString()}};
    for (String[] job : jobs) {
      StringWriter err = new StringWriter();
      List<String> warned = stderr(65, () -> {
        picocli.CommandLine cl = Main.commandLine();
        cl.setErr(new java.io.PrintWriter(err, true));
        return cl.execute(concat(concat(job, "-q"), run));
      }).stream().filter(l -> l.startsWith("ciku-spark")).toList();
      assertEquals(cli.subList(0, cli.size() - 1).stream()
          .map(l -> l.replaceFirst("^ciku: ", "ciku-spark: ")).toList(), warned, job[0]);
      assertEquals(List.of(cli.get(cli.size() - 1).replaceFirst("^ciku count: ",
          "ciku-spark " + job[0] + ": ")), err.toString().lines().toList(), job[0]);
      assertTrue(Files.notExists(out) && Files.notExists(tsvOut), "nothing written");
    }
  }

  /**
   * The records without their text, of the files as the job lists them, read as JSON lines with
   * the text in "content".
   */
  private static InputText contentRecords(JavaSparkContext sc, List<String> warnings)
      throws IOException {
    return contentRecords(sc, 5, warnings);
  }

  /** As {@link #contentRecords(JavaSparkContext, List)}, in at least {@code partitions}. */
  private static InputText contentRecords(JavaSparkContext sc, int partitions,
      List<String> warnings) throws IOException {
    org.apache.hadoop.conf.Configuration conf = sc.hadoopConfiguration();
    List<org.apache.hadoop.fs.FileStatus> files = new ArrayList<>();
    for (Path f : List.of(jsonl, jsonl2)) {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(f.toUri());
      files.add(p.getFileSystem(conf).getFileStatus(p));
    }
    dev.ciku.corpus.ReaderOptions options = new dev.ciku.corpus.ReaderOptions(
        StandardCharsets.UTF_8, dev.ciku.corpus.InputFormat.JSONL, "content", 1, false, false,
        false, false);
    return Inputs.records(sc, files, partitions, StandardCharsets.UTF_8, null, options,
        warnings::add);
  }

  /**
   * The count of records without their text is exact however often, and however far, their
   * splits are read: every split read twice (as by a task run again, a lost block computed again,
   * a later pass) counts each record once, and splits read in part are read to their end before
   * the report, which is the CLI's.
   */
  @Test
  void firstPassDone_splitsReadTwiceOrInPart_warnsOfEachRecordOnce() throws Exception {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<String> expected = List.of(jsonl + ": 20 lines are not a JSON object, 319 lines lack a"
        + " string field 'content'; skipped", jsonl2 + ": 10 lines are not a JSON object, 159"
        + " lines lack a string field 'content'; skipped");
    List<String> twice = new ArrayList<>();
    InputText text = contentRecords(sc, twice);
    assertEquals(3000, text.lines().count());
    assertEquals(3000, text.lines().count());
    assertEquals(List.of(), twice, "nothing said before the report");
    text.firstPassDone();
    text.firstPassDone();
    assertEquals(expected, twice, "read twice, reported once");
    List<String> inPart = new ArrayList<>();
    text = contentRecords(sc, inPart);
    assertEquals(1, text.lines().take(1).size());
    text.firstPassDone();
    assertEquals(expected, inPart, "read in part");
    // Some splits read to their end, the others in part: the counts of the former are not all.
    List<String> some = new ArrayList<>();
    text = contentRecords(sc, some);
    assertTrue(text.lines().getNumPartitions() > 2, "splits: " + text.lines().getNumPartitions());
    assertEquals(text.lines().getNumPartitions(), text.lines().mapPartitionsWithIndex((i, it) -> {
      if (i % 2 == 0) {
        while (it.hasNext()) {
          it.next();
        }
      } else {
        it.next();
      }
      return List.of(i).iterator();
    }, true).count());
    text.firstPassDone();
    assertEquals(expected, some, "every other split read in part");
  }

  /**
   * The accumulator of the splits' counts keeps one count per split: the same split added or
   * merged again (a task's result merged twice) replaces its count.
   */
  @Test
  void recordTallyCounts_sameSplitAddedAndMergedAgain_keepsOneCount() {
    dev.ciku.corpus.ReaderOptions options = new dev.ciku.corpus.ReaderOptions(
        StandardCharsets.UTF_8, dev.ciku.corpus.InputFormat.TSV, "text", 2, false, false, false,
        false);
    dev.ciku.corpus.SkippedRecords skipped = new dev.ciku.corpus.SkippedRecords(options);
    skipped.count(dev.ciku.corpus.RecordField.LACKING, "a".toCharArray(), 0, 1);
    RecordTally.Split first = new RecordTally.Split(0, "f", 0, skipped, List.of());
    RecordTally.Split second = new RecordTally.Split(1, "f", 100, skipped, List.of("w"));
    RecordTally.Counts counts = new RecordTally.Counts();
    counts.add(first);
    counts.add(first);
    RecordTally.Counts task = new RecordTally.Counts();
    task.add(second);
    counts.merge(task);
    counts.merge(task.copy());
    assertEquals(List.of(first, second), counts.value());
    assertEquals(null, new RecordTally.Counts().complete(1), "no count of partition 0");
    assertEquals(List.of(first, second), counts.complete(2));
  }

  /**
   * What the end of each task tells Spark's listeners (the driver's status store keeps it for
   * every task, an event log writes it), in characters of accumulator values: on average per task
   * of two passes over the records of {@code files} in {@code partitions} partitions.
   */
  private static double accumulablesPerTask(JavaSparkContext sc, int partitions)
      throws Exception {
    java.util.concurrent.atomic.AtomicLong chars = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong tasks = new java.util.concurrent.atomic.AtomicLong();
    org.apache.spark.scheduler.SparkListener listener =
        new org.apache.spark.scheduler.SparkListener() {
          @Override
          public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd end) {
            tasks.incrementAndGet();
            scala.jdk.javaapi.CollectionConverters.asJava(end.taskInfo().accumulables())
                .forEach(a -> chars.addAndGet(String.valueOf(a.update()).length()
                    + String.valueOf(a.value()).length()));
          }
        };
    InputText text = contentRecords(sc, partitions, new ArrayList<>());
    int splits = text.lines().getNumPartitions();
    assertTrue(splits >= partitions, splits + " partitions");
    spark.sparkContext().addSparkListener(listener);
    try {
      assertEquals(3000, text.lines().count());
      assertEquals(3000, text.lines().count());
      text.firstPassDone();
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
    assertEquals(2L * splits, tasks.get(), "a task per partition and pass");
    return (double) chars.get() / tasks.get();
  }

  /**
   * The splits' counts stay on the driver, once: a task's end carries its own count at most, not
   * the tally's every count so far, so what Spark keeps of the tasks grows with their number, not
   * with its square.
   */
  @Test
  void recordTally_manyPartitions_taskEndsCarryNoCopyOfTheWholeTally() throws Exception {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    double few = accumulablesPerTask(sc, 4);
    double many = accumulablesPerTask(sc, 120);
    assertTrue(many < 2 * few, "characters per task's end: " + few + " with 4 partitions, "
        + many + " with 120");
  }

  /** Options that do not go with the format: exit 2 with the CLI's line, before any job. */
  @Test
  void main_formatOptionsTheCliRefuses_exit2WithItsLine() {
    String[][] runs = {{"--field", "content", tsv.toString()},
        {"--input-format", "jsonl", "--column", "2", jsonl.toString()},
        {"--input-format", "jsonl", "--skip-header", jsonl.toString()},
        {"--input-format", "xml", jsonl.toString()},
        {"--input-format", "csv", "--column", "0", csv.toString()}};
    for (String[] run : runs) {
      StringWriter cliErr = new StringWriter();
      picocli.CommandLine cli = dev.ciku.cli.Main.newCommandLine();
      cli.setErr(new java.io.PrintWriter(cliErr, true));
      assertEquals(2, cli.execute(concat(new String[] {"count", "-o",
          tmp.resolve("c.ngrams").toString()}, run)), cliErr.toString());
      StringWriter jobErr = new StringWriter();
      picocli.CommandLine job = Main.commandLine();
      job.setErr(new java.io.PrintWriter(jobErr, true));
      assertEquals(2, job.execute(concat(new String[] {"count", "-o",
          tmp.resolve("j.ngrams").toString()}, run)), jobErr.toString());
      List<String> lines = jobErr.toString().lines().toList();
      assertEquals(1, lines.size(), jobErr.toString());
      assertEquals(cliErr.toString().lines().findFirst().orElseThrow()
          .replaceFirst("^ciku count: ", "ciku-spark count: "), lines.get(0));
    }
  }

  /**
   * A byte-order mark before the first record of a CSV file (read whole by the job's own line
   * reader) is skipped, as the CLI skips it: the quote after it opens a quoted field.
   */
  @Test
  void mainCount_csvWithByteOrderMark_storeOfTheCli() throws Exception {
    StringBuilder rows = new StringBuilder("\uFEFF");
    for (int i = 0; i < 500; i++) {
      String line = laws.get(i);
      rows.append('"').append(line, 0, line.length() / 2).append(',')
          .append(line, line.length() / 2, line.length()).append("\",x\n");
    }
    Path marked = Files.writeString(tmp.resolve("marked.csv"), rows);
    sameAsCli(new int[] {1, 3}, "count", "-n", "3", "--input-format", "csv", marked.toString());
    assertEquals(List.of(), jobWarnings("count", "-n", "3", "--input-format", "csv", "-o",
        tmp.resolve("m.ngrams").toString(), marked.toString()), "every record holds its text");
  }

  /**
   * A gzipped CSV file (decompressed by the job's whole-file reader), a GB18030 TSV read with
   * --encoding gb18030 and a JSON-lines file named twice (two inputs, two warnings): the CLI's
   * output and warnings.
   */
  @Test
  void mainJobs_gzippedCsvGb18030TsvAndAFileNamedTwice_equalTheCli() throws Exception {
    Path gz = tmp.resolve("laws-a.csv.gz");
    try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(csv));
    }
    sameAsCli(new int[] {2}, "count", "-n", "4", "--input-format", "csv", "--column", "2",
        "--skip-header", gz.toString(), csv2.toString());
    Path gb = Files.write(tmp.resolve("laws-gb.tsv"), Files.readString(tsv2)
        .getBytes(java.nio.charset.Charset.forName("GB18030")));
    sameAsCli(new int[] {1, 5}, "stats", "--encoding", "gb18030", "--input-format", "tsv",
        "--column", "3", "--skip-header", gb.toString());
    String[] twice = {"--input-format", "jsonl", "--field", "content", jsonl2.toString(),
        jsonl2.toString()};
    List<String> cli = cliWarnings(concat(new String[] {"stats", "--no-progress", "-o",
        tmp.resolve("cli.tsv").toString()}, twice));
    assertEquals(2, cli.stream().filter(w -> w.endsWith("; skipped")).count(), cli.toString());
    assertEquals(cli, jobWarnings(concat(new String[] {"stats", "--partitions", "6", "-o",
        tmp.resolve("job.tsv").toString()}, twice)));
    assertEquals(-1, Files.mismatch(tmp.resolve("cli.tsv"), tmp.resolve("job.tsv")));
  }

  /**
   * discover --counts-out into a missing directory: one line, exit 74, before any pass over the
   * inputs, as with plain text (the pass that counts the records without their text, which
   * warns of them, is a job too).
   */
  @Test
  void mainDiscover_countsOutInMissingDirectory_exit74_beforeTheRecordsAreRead() {
    Path missing = tmp.resolve("missing").resolve("laws.ngrams");
    List<String> err = stderr(74, () -> Main.commandLine().execute("discover", "-q",
        "--counts-out", missing.toString(), "--input-format", "jsonl", "--field", "content",
        jsonl.toString()));
    assertEquals(List.of("ciku-spark discover: cannot write " + missing + ": directory "
        + missing.getParent() + " does not exist"), err.stream()
        .filter(l -> l.startsWith("ciku-spark")).toList());
  }
}
