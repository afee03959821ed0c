package dev.ciku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Where data goes: standard output errors, -o targets, outputs opened before the work. */
class OutputCliTest {
  private static final String LAWS = Path.of("corpora-samples", "laws-zh.txt").toString();

  @TempDir Path dir;
  @RegisterExtension final CapturedStreams io = new CapturedStreams();

  private List<String> listing() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Every command that writes, with {@code target} as its output. */
  private static List<String[]> writers(String target) {
    return List.of(
        new String[] {"stats", LAWS, "-o", target},
        new String[] {"count", LAWS, "-o", target},
        new String[] {"discover", LAWS, "-o", target},
        new String[] {"domain", LAWS, "-o", target},
        new String[] {"domain", "--build-profile", LAWS, "-o", target},
        new String[] {"vocab", LAWS, "-o", target},
        new String[] {"segment", LAWS, "-o", target},
        new String[] {"eval", "seg", "--gold", LAWS, "--pred", LAWS, "-o", target},
        new String[] {"eval", "words", LAWS, "--gold", LAWS, "-o", target});
  }

  private static String name(String[] args) {
    return args[0].equals("eval") ? "ciku eval " + args[1] : "ciku " + args[0];
  }

  /**
   * -o naming a file the command reads (the corpus, a gold file), under any name, is refused
   * before any work: writing it would replace the input. The input is left as it was.
   */
  @Test
  void dashO_anInputFile_everyCommandExits2AndLeavesItIntact() throws IOException {
    Path copy = Files.copy(Path.of(LAWS), dir.resolve("laws.txt"));
    Path link = Files.createSymbolicLink(dir.resolve("link.txt"), copy);
    byte[] before = Files.readAllBytes(copy);
    for (String target : List.of(copy.toString(), link.toString())) {
      for (String[] w : writers(target)) {
        String[] args = w.clone();
        for (int i = 0; i < args.length; i++) {
          if (args[i].equals(LAWS)) {
            args[i] = copy.toString();
          }
        }
        io.reset();
        assertEquals(CikuException.USAGE, Main.execute(args),
            String.join(" ", args) + ": " + io.err());
        assertEquals(1, io.errLines().size(), io.err());
        assertTrue(io.errLines().get(0).startsWith(name(args) + ": -o " + target
            + " is also read ("), io.err());
        assertTrue(io.errLines().get(0).endsWith("): writing it would replace that input"),
            io.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(copy)), "input intact");
      }
    }
    assertEquals(List.of("laws.txt", "link.txt"), listing(), "no temporary file left");
  }

  /**
   * -o naming a file inside a directory the command reads as its corpus is refused as well: the
   * corpus reader would read that file, and writing the output would replace it.
   */
  @Test
  void dashO_aFileOfADirectoryInput_everyCorpusCommandExits2AndLeavesItIntact()
      throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("corpus").resolve("part"));
    Path file = Files.copy(Path.of(LAWS), corpus.resolve("laws.txt"));
    byte[] before = Files.readAllBytes(file);
    for (String[] w : writers(file.toString())) {
      if (w[0].equals("eval")) {
        continue; // its inputs are files
      }
      String[] args = w.clone();
      for (int i = 0; i < args.length; i++) {
        if (args[i].equals(LAWS)) {
          args[i] = dir.resolve("corpus").toString();
        }
      }
      io.reset();
      assertEquals(CikuException.USAGE, Main.execute(args),
          String.join(" ", args) + ": " + io.err());
      assertEquals(List.of(name(args) + ": -o " + file + " is also read (" + file
          + ", a file of INPUT " + dir.resolve("corpus") + "): writing it would replace that"
          + " input"), io.errLines());
      assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "input intact");
    }
    // A file beside the directory, or a hidden one inside it (not read), may be written.
    assertEquals(0, Main.execute("stats", dir.resolve("corpus").toString(), "-q", "-o",
        dir.resolve("stats.tsv").toString()), io.err());
    for (int run = 0; run < 2; run++) {
      // The second time the hidden file exists already: it is still not read.
      assertEquals(0, Main.execute("stats", dir.resolve("corpus").toString(), "-q", "-o",
          corpus.resolve(".stats.tsv").toString()), io.err());
    }
  }

  /** Standard input redirected from the -o file is that file read: refused, left intact. */
  @Test
  void dashO_theFileStandardInputIsRedirectedFrom_exits2AndLeavesItIntact() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "Linux /proc");
    Path x = Files.copy(Path.of(LAWS), dir.resolve("x.txt"));
    byte[] before = Files.readAllBytes(x);
    String[] r = bash("ciku segment -o " + x + " < " + x);
    assertEquals("2", r[0], r[2]);
    assertEquals("ciku segment: -o " + x + " is also read (INPUT (none given: standard input),"
        + " redirected from it): writing it would replace that input\n", r[2]);
    r = bash("ciku stats - -o " + x + " < " + x);
    assertEquals("2", r[0], r[2]);
    assertEquals("ciku stats: -o " + x + " is also read (INPUT -, redirected from it): writing"
        + " it would replace that input\n", r[2]);
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(x)), "input intact");
    // Another file redirected in is fine.
    r = bash("ciku stats -q -o " + dir.resolve("s.tsv") + " < " + x);
    assertEquals("0", r[0], r[2]);
  }

  @Test
  void count_dashOStandardOutput_isAUsageErrorNotAFileNamedDash() throws IOException {
    assertEquals(CikuException.USAGE, Main.execute("count", LAWS, "-o", "-"));
    assertEquals(List.of("ciku count: -o - : a store is a file, it cannot go to standard output"
        + " (without -o, count prints TSV to standard output)"), io.errLines());
    assertTrue(!Files.exists(Path.of("-")), "no file named -");
    for (String stream : new String[] {"/dev/stdout", "/dev/fd/1", "/dev/stderr"}) {
      io.reset();
      assertEquals(CikuException.USAGE, Main.execute("count", LAWS, "-o", stream), stream);
      assertEquals(List.of("ciku count: -o " + stream + " : a store is a file, it cannot go to "
          + (stream.equals("/dev/stderr") ? "standard error" : "standard output")
          + " (without -o, count prints TSV to standard output)"), io.errLines());
    }
  }

  @Test
  void dashO_directory_everyCommandExits74BeforeWork() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("sub"));
    for (String[] args : writers(sub.toString())) {
      io.reset();
      assertEquals(CikuException.IO, Main.execute(args), String.join(" ", args) + ": " + io.err());
      // One line and nothing else: no progress or log line of work done.
      assertEquals(List.of(name(args) + ": cannot write " + sub + ": is a directory"),
          io.errLines(), String.join(" ", args));
      assertEquals(List.of("sub"), listing());
      assertEquals(List.of(), List.of(sub.toFile().list()));
    }
  }

  @Test
  void dashO_missingDirectory_everyCommandExits74() throws IOException {
    Path target = dir.resolve("nope").resolve("x");
    for (String[] args : writers(target.toString())) {
      io.reset();
      assertEquals(CikuException.IO, Main.execute(args), String.join(" ", args) + ": " + io.err());
      assertEquals(List.of(name(args) + ": cannot write " + target + ": directory "
          + dir.resolve("nope") + " does not exist"), io.errLines(), String.join(" ", args));
    }
    assertEquals(List.of(), listing());
  }

  @Test
  void dashO_empty_everyCommandExits2() {
    for (String[] args : writers("")) {
      io.reset();
      assertEquals(CikuException.USAGE, Main.execute(args), String.join(" ", args));
      // The rule of every empty path (cli/PathArguments), before any command code runs.
      assertEquals(List.of(name(args) + ": an empty path for --output ('': an unset shell"
          + " variable?) (see '" + name(args) + " --help')"), io.errLines());
    }
  }

  @Test
  void vocab_statsUnwritable_mainOutputNotWritten() throws IOException {
    Path vocab = dir.resolve("v.tsv");
    Path stats = dir.resolve("nope").resolve("s.tsv");
    assertEquals(CikuException.IO, Main.execute("vocab", LAWS, "-o", vocab.toString(),
        "--stats", stats.toString()));
    assertEquals(1, io.errLines().size(), io.err());
    assertTrue(io.err().contains("cannot write " + stats), io.err());
    assertEquals(List.of(), listing());
  }

  @Test
  void stats_dashOSymlink_replacesLinkedFileKeepsLink() throws IOException {
    Path real = Files.writeString(dir.resolve("real.tsv"), "old\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.tsv"), Path.of("real.tsv"));
    assertEquals(0, Main.execute("stats", LAWS, "-o", link.toString()), io.err());
    assertTrue(Files.isSymbolicLink(link));
    assertTrue(Files.readString(real).startsWith("lines\tchars\t"), Files.readString(real));
    assertEquals(List.of("link.tsv", "real.tsv"), listing());
  }

  @Test
  void count_dashOFifo_exits74NotAStore() throws Exception {
    Path fifo = dir.resolve("fifo");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
    assertEquals(CikuException.IO, Main.execute("count", LAWS, "-o", fifo.toString()));
    assertEquals(List.of("ciku count: cannot write " + fifo
        + ": not a regular file (a store is a memory-mapped file)"), io.errLines());
    assertEquals(List.of("fifo"), listing());
  }

  /** Runs the command line in a child JVM through bash; returns exit code, stdout, stderr. */
  private String[] bash(String script) throws Exception {
    assumeTrue(new File("/bin/bash").canExecute(), "bash");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String ciku = "'" + java + "' -cp '" + System.getProperty("java.class.path")
        + "' dev.ciku.cli.Main";
    Path out = dir.resolve("child.out");
    Path err = dir.resolve("child.err");
    Process p = new ProcessBuilder("/bin/bash", "-c", "set -o pipefail; ciku() { " + ciku
        + " \"$@\"; }; " + script).redirectOutput(out.toFile()).redirectError(err.toFile())
        .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), script);
    List<String> r = new ArrayList<>();
    r.add(Integer.toString(p.exitValue()));
    r.add(Files.readString(out, StandardCharsets.UTF_8));
    r.add(Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return r.toArray(new String[0]);
  }

  /**
   * Standard output appended to the input ({@code >> FILE}): refused before the input is read,
   * as {@code -o FILE} is, and the file left as it was. Which file standard output is comes from
   * the process here ({@link InputChecksTest} is given the file instead).
   */
  @Test
  void stats_standardOutputAppendedToItsInput_usageErrorFileUnchanged() throws Exception {
    Path f = Files.writeString(dir.resolve("in.txt"), "中华人民共和国成立了\n");
    String[] r = bash("ciku stats -q " + f + " >> " + f);
    assertEquals("2", r[0], r[2]);
    assertEquals("ciku stats: standard output (redirected to " + f.toRealPath() + ") is also"
        + " read (INPUT " + f + "): writing it would change that input\n", r[2]);
    assertEquals("中华人民共和国成立了\n", Files.readString(f));
  }

  @Test
  void statsAndSegment_standardInputFromADirectory_unreadableInputExit66() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(corpus.resolve("a.txt"), "中华人民共和国成立了\n");
    for (String command : new String[] {"stats", "segment"}) {
      String[] r = bash("ciku " + command + " -q < " + corpus);
      assertEquals("66", r[0], r[2]);
      assertEquals("", r[1]);
      assertEquals("ciku " + command + ": cannot read <stdin>: it is redirected from a directory;"
          + " name the directory as INPUT to read its files: 'ciku ... DIR'\n", r[2]);
    }
  }

  @Test
  void stats_stdoutFull_exits74OneLine() throws Exception {
    assumeTrue(Files.exists(Path.of("/dev/full")), "/dev/full");
    String[] r = bash("ciku stats " + LAWS + " > /dev/full");
    assertEquals("74", r[0], r[2]);
    assertEquals("ciku stats: cannot write to standard output: no space left on device\n", r[2]);
  }

  @Test
  void segment_stdoutClosed_exits74OneLine() throws Exception {
    String[] r = bash("ciku segment " + LAWS + " -q >&-");
    assertEquals("74", r[0], r[2]);
    assertEquals("ciku segment: cannot write to standard output: it is closed (give -o FILE, or"
        + " redirect it: > FILE)\n", r[2]);
  }

  @Test
  void pipedToHead_largeOutputs_exit0Quietly() throws Exception {
    String[] r = bash("ciku count " + LAWS + " --sort ngram | head -1 && ciku segment " + LAWS
        + " -q | head -1 && ciku count " + LAWS + " -q -n 2 | head -2");
    assertEquals("0", r[0], r[2]);
    assertEquals("ngram\tcount\n", r[1].substring(0, r[1].indexOf('\n') + 1));
    assertEquals(4, r[1].lines().count(), r[1]);
    assertEquals("", r[2].lines().filter(l -> !l.startsWith("ciku: ")).reduce("", String::concat));
  }

  // No test writes to /dev/stdout or /dev/null: run as root, a regression would replace them.
  // /proc/self/fd/1 and /proc/self/fd/2 name the same descriptors and cannot be replaced.

  @Test
  void dashO_standardOutputByName_writtenThroughTheDescriptorNotReopened() throws Exception {
    // Reopened (in append mode), the target would be written at its own offset, and the shell's
    // END would overwrite the header; renamed over, END would go to the replaced file.
    Path f = dir.resolve("f");
    Path g = dir.resolve("g");
    Path v = dir.resolve("v.tsv");
    String[] r = bash("{ ciku stats " + LAWS + " -q -o /proc/self/fd/1; echo END; } > " + f
        + " && { ciku stats " + LAWS + " -q -o " + g + "; echo END; } > " + g
        + " && { ciku vocab " + LAWS + " -q -o " + v + " --stats /proc/self/fd/1; echo END; } > "
        + f + ".vocab");
    assertEquals("0", r[0], r[2]);
    assertEquals("", r[2]);
    assertEquals(0, Main.execute("stats", LAWS, "-q"));
    String stats = io.out();
    assertEquals(stats + "END\n", Files.readString(f));
    assertEquals(stats + "END\n", Files.readString(g));
    String vocabStats = Files.readString(Path.of(f + ".vocab"));
    assertTrue(vocabStats.startsWith("stage\twords\tbits_per_char\tkept\ncharacters\t"),
        vocabStats);
    assertTrue(vocabStats.endsWith("\nEND\n"), vocabStats);
    assertTrue(Files.readString(v).startsWith("word\tcount\n"));
  }

  @Test
  void dashO_standardDescriptorNames_useTheProcessStreams() throws IOException {
    assertEquals(0, Main.execute("stats", LAWS, "-q", "-o", "/proc/self/fd/1"));
    assertTrue(io.out().startsWith("lines\tchars\t"), io.out());
    assertEquals("", io.err());
    io.reset();
    assertEquals(0, Main.execute("stats", LAWS, "-q", "--format", "json", "-o",
        "/proc/self/fd/2"));
    assertTrue(io.err().startsWith("{\"lines\":"), io.err());
    assertEquals("", io.out());
    assertEquals(List.of(), listing());
  }

  @Test
  void vocab_statsAndOutputSameTarget_exit2_nothingWritten() throws IOException {
    Path v = dir.resolve("v.tsv");
    Files.createSymbolicLink(dir.resolve("link.tsv"), Path.of("v.tsv"));
    String[][] cases = {
        {"-o", v.toString(), "--stats", v.toString()},
        {"-o", v.toString(), "--stats", dir.resolve(".").resolve("v.tsv").toString()},
        {"-o", dir.resolve("link.tsv").toString(), "--stats", v.toString()}};
    for (String[] c : cases) {
      io.reset();
      assertEquals(CikuException.USAGE, Main.execute("vocab", LAWS, "-q", c[0], c[1], c[2],
          c[3]), String.join(" ", c));
      assertEquals(List.of("ciku vocab: the vocabulary (-o) and --stats both go to " + c[3]
          + ": give them different files"), io.errLines());
      assertEquals(List.of("link.tsv"), listing());
    }
    for (String[] c : new String[][] {{"--stats", "-"}, {"-o", "-", "--stats", "-"},
        {"--stats", "/proc/self/fd/1"}}) {
      io.reset();
      List<String> args = new ArrayList<>(List.of("vocab", LAWS, "-q"));
      args.addAll(List.of(c));
      assertEquals(CikuException.USAGE, Main.execute(args.toArray(new String[0])),
          String.join(" ", c));
      assertEquals(List.of("ciku vocab: the vocabulary (-o) and --stats both go to standard"
          + " output: give --stats a file"), io.errLines());
      assertEquals("", io.out());
    }
    io.reset();
    assertEquals(0, Main.execute("vocab", LAWS, "-q", "--stats", dir.resolve("s.tsv").toString(),
        "-o", v.toString()));
    assertEquals(List.of("link.tsv", "s.tsv", "v.tsv"), listing());
  }

  @Test
  void helpAndVersion_writeErrors_exit74OneLine_closedPipeQuiet() throws Exception {
    assumeTrue(Files.exists(Path.of("/dev/full")), "/dev/full");
    String[] r = bash("ciku --help > /dev/full; a=$?; ciku -V > /dev/full; b=$?;"
        + " ciku count --help >&-; c=$?; ciku eval seg --help > /dev/full; d=$?;"
        + " ciku count --help | true; e=$?; echo $a $b $c $d $e");
    assertEquals("74 74 74 74 0\n", r[1], r[2]);
    assertEquals(List.of("ciku: cannot write to standard output: no space left on device",
        "ciku: cannot write to standard output: no space left on device",
        "ciku count: cannot write to standard output: bad file descriptor",
        "ciku eval seg: cannot write to standard output: no space left on device"),
        r[2].lines().toList());
  }

  @Test
  void failure_whileTheJvmShutsDown_notReported() throws Exception {
    // As when SIGTERM stops 'count -o' and the hooks close its store: nothing to report.
    String missing = dir.resolve("missing.txt").toString();
    String[] r = java(InShutdownHook.class.getName(), "stats", missing);
    assertEquals("0", r[0], r[2]);
    assertEquals("before: false\nduring: true\nexit: " + CikuException.SOFTWARE + "\n", r[1]);
    assertEquals("", r[2]);
  }

  /** Runs {@code mainClass} with {@code args} in a child JVM; returns exit code, stdout, stderr. */
  private String[] java(String mainClass, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), mainClass));
    cmd.addAll(List.of(args));
    Path out = dir.resolve("child.out");
    Path err = dir.resolve("child.err");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
        .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), mainClass);
    String[] r = {Integer.toString(p.exitValue()), Files.readString(out), Files.readString(err)};
    Files.delete(out);
    Files.delete(err);
    return r;
  }
  @Test
  void stats_dashOProcessSubstitution_writtenThrough() throws Exception {
    Path sub = dir.resolve("sub.json");
    // bash does not wait for a process substitution: wait for it ($!) before the file is read.
    String[] r = bash("ciku stats " + LAWS + " --format json -o >(cat > " + sub + "); s=$?;"
        + " wait $!; exit $s");
    assertEquals("0", r[0], r[2]);
    assertTrue(Files.readString(sub).startsWith("{\"lines\":"), Files.readString(sub));
    assertEquals(List.of("sub.json"), listing());
  }
}
