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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the README's examples that use only the bundled samples — {@code $ bin/ciku ARGS} and
 * {@code $ echo "TEXT" | bin/ciku ARGS} at the start of a fenced block — and compares their
 * standard output with the lines the README shows under them, so the README cannot go stale.
 */
class ReadmeExamplesTest {
  private static final Pattern COMMAND =
      Pattern.compile("^\\$ (?:echo \"([^\"]*)\" \\| )?bin/ciku ([^|<>]+)$");

  @RegisterExtension final CapturedStreams io = new CapturedStreams();

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
}
