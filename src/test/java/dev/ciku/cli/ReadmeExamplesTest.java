package dev.ciku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's examples that use only the bundled samples — {@code $ bin/ciku ARGS} and
 * {@code $ echo "TEXT" | bin/ciku ARGS} at the start of a fenced block — and compares their
 * standard output with the lines the README shows under them, so the README cannot go stale; and
 * measures some figures its text quotes on the samples and the traditional fixture (each test
 * says which) and looks for the sentence with the measured figure in the README.
 */
class ReadmeExamplesTest {
  private static final Pattern COMMAND =
      Pattern.compile("^\\$ (?:echo \"([^\"]*)\" \\| )?bin/ciku ([^|<>]+)$");

  @RegisterExtension final CapturedStreams io = new CapturedStreams();
  @TempDir Path dir;

  /** An example: its arguments, standard input (or null) and the output shown. */
  private record Example(List<String> args, String stdin, String shown) {}

  private static List<Example> examples() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("README.md"));
    List<Example> out = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      Matcher m = COMMAND.matcher(lines.get(i));
      if (!lines.get(i - 1).equals("```") || !m.matches()) {
        continue;
      }
      List<String> args = Arrays.asList(m.group(2).trim().split(" +"));
      boolean local = m.group(1) != null
          || args.stream().anyMatch(a -> a.startsWith("corpora-samples/"));
      if (!local) {
        continue;
      }
      StringBuilder shown = new StringBuilder();
      int j = i + 1;
      while (!lines.get(j).equals("```")) {
        shown.append(lines.get(j++)).append('\n');
      }
      out.add(new Example(args, m.group(1) == null ? null : m.group(1) + "\n", shown.toString()));
    }
    return out;
  }

  @Test
  void readme_examplesOnTheSamples_printWhatTheReadmeShows() throws IOException {
    List<Example> examples = examples();
    // stats, count, discover, domain and segment have one each.
    assertTrue(examples.size() >= 5, "examples found: " + examples);
    InputStream savedIn = System.in;
    try {
      for (Example e : examples) {
        io.reset();
        if (e.stdin() != null) {
          System.setIn(new ByteArrayInputStream(e.stdin().getBytes(StandardCharsets.UTF_8)));
        }
        List<String> args = new ArrayList<>(e.args());
        args.add("-q");
        assertEquals(0, Main.execute(args.toArray(new String[0])), () -> e + "\n" + io.err());
        assertEquals(e.shown(), io.out(), "bin/ciku " + String.join(" ", e.args()));
      }
    } finally {
      System.setIn(savedIn);
    }
  }

  /** The README with every run of whitespace made one space, so a phrase may wrap anywhere. */
  private static String readmeText() throws IOException {
    return Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");
  }

  /** Asserts that the README holds {@code phrase} (whitespace-normalised): a measured figure. */
  private static void assertReadmeSays(String phrase) throws IOException {
    assertTrue(readmeText().contains(phrase), "README.md should say: " + phrase);
  }

  private static String thousands(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** Runs the command line in-process and returns its standard output's lines. */
  private List<String> run(String... args) {
    io.reset();
    assertEquals(0, Main.execute(args), () -> String.join(" ", args) + "\n" + io.err());
    return io.outLines();
  }

  /** The directory's log line and the wiki sample's distinct units with --keep-case. */
  @Test
  void readme_readingAndStatsFiguresOnTheSamples_areMeasured() throws IOException {
    io.reset();
    assertEquals(0, Main.execute("stats", "corpora-samples"), io::err);
    String line = io.err().lines().filter(l -> l.startsWith("ciku: corpora-samples: reading"))
        .findFirst().orElse("(no line)");
    assertReadmeSays("`" + line.substring("ciku: ".length()) + "`");
    String[] row = run("stats", "-q", "--keep-case", "corpora-samples/wiki-zh-cmrc2018.txt")
        .get(1).split("\t");
    assertReadmeSays("(" + thousands(Long.parseLong(row[8])) + " on the wiki sample with"
        + " `--keep-case`)");
  }

  /** 中华人民共和国 in the legal sample: its fragments and the cohesion of its weak window. */
  @Test
  void readme_isolatedRuleFigures_areMeasured() throws IOException {
    String laws = "corpora-samples/laws-zh.txt";
    String[] kept = run("discover", "-q", laws, "--explain", "中华人民共和国").get(1)
        .split("\t");
    assertEquals("kept", kept[1]);
    String cut = run("discover", "-q", laws, "--isolated", "0", "--explain", "中华人民共和国")
        .get(1);
    Matcher m = Pattern.compile("its window (\\S+) is not cohesive enough: ([0-9.]+) nats")
        .matcher(cut);
    assertTrue(m.find(), cut);
    assertReadmeSays("中华人民共和国, " + kept[5] + " times in the legal sample, whose window "
        + m.group(1) + " has " + m.group(2) + " nats");
  }

  /** The words --glue-gain drops from the wiki sample's list. */
  @Test
  void readme_glueGainOnTheWikiSample_dropsTheWordsItSays() throws IOException {
    String wiki = "corpora-samples/wiki-zh-cmrc2018.txt";
    Set<String> with = firstFields(run("discover", "-q", "--no-header", "--top", "0", wiki));
    Set<String> without = firstFields(run("discover", "-q", "--no-header", "--top", "0",
        "--glue-gain", "0", wiki));
    without.removeAll(with);
    assertReadmeSays("on the 0.6 M-character wiki sample, where it drops " + without.size()
        + " words");
  }

  /**
   * The traditional fixture (the legal sample's first 2,000 lines through OpenCC s2t): eval words
   * --fold's figures and --new-only's overlap with the simplified lines' list.
   */
  @Test
  void readme_traditionalFixtureFigures_areMeasured() throws IOException {
    Path hans = dir.resolve("laws-2000.txt");
    Files.write(hans, Files.readAllLines(Path.of("corpora-samples", "laws-zh.txt")).subList(0,
        2000));
    String hant = Path.of("src", "test", "resources", "fixtures", "laws-zh-hant.txt").toString();
    String gold = Path.of("dict", "known-words.txt.gz").toString();
    String hantList = dir.resolve("hant.tsv").toString();
    String hansList = dir.resolve("hans.tsv").toString();
    run("discover", "-q", hant, "--top", "300", "-o", hantList);
    run("discover", "-q", hans.toString(), "--top", "300", "-o", hansList);
    String written = run("eval", "words", hantList, "--gold", gold, "--k", "300").get(1)
        .split("\t")[2];
    String folded = run("eval", "words", hantList, "--gold", gold, "--k", "300", "--fold").get(1)
        .split("\t")[2];
    String simplified = run("eval", "words", hansList, "--gold", gold, "--k", "300").get(1)
        .split("\t")[2];
    assertReadmeSays("hold " + written + " words of the bundled simplified lexicon as written and "
        + folded + " folded; the same lines in simplified characters, " + simplified + ")");

    Set<String> hansNew = firstFields(run("discover", "-q", "--no-header", "--new-only", "--top",
        "100", hans.toString()));
    dev.ciku.corpus.Simplified s = dev.ciku.corpus.Simplified.bundled();
    long same = run("discover", "-q", "--no-header", "--new-only", "--top", "100", hant).stream()
        .map(r -> s.fold(r.split("\t")[0])).filter(hansNew::contains).count();
    assertReadmeSays("(on 2,000 lines of the legal sample in traditional characters, " + same
        + " of the top 100 new words are those of the simplified text");
  }

  private static Set<String> firstFields(List<String> rows) {
    Set<String> out = new HashSet<>();
    for (String r : rows) {
      out.add(r.split("\t")[0]);
    }
    return out;
  }
}
