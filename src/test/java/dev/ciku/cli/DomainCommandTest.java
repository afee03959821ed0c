package dev.ciku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DomainCommandTest {
  private static final String LAWS = Path.of("corpora-samples", "laws-zh.txt").toString();
  private static final String WIKI = Path.of("corpora-samples", "wiki-zh-cmrc2018.txt").toString();

  @TempDir Path dir;
  @org.junit.jupiter.api.extension.RegisterExtension
  final CapturedStreams io = new CapturedStreams();

  private List<String> lines(Path p) throws java.io.IOException {
    return Files.readAllLines(p, StandardCharsets.UTF_8);
  }

  @Test
  void domain_corpusReference_tsvWithHeaderAndTop() throws Exception {
    Path o = dir.resolve("terms.tsv");
    assertEquals(0, Main.execute("domain", "-q", "--reference", WIKI, "--top", "20", LAWS, "-o",
        o.toString()));
    List<String> lines = lines(o);
    assertEquals(21, lines.size());
    assertEquals("term\tdomain_count\treference_count\tshare\tg2\tweirdness\tc_value"
        + "\tchar_spec\tridf\tscore",
        lines.get(0));
    double prev = Double.POSITIVE_INFINITY;
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split("\t");
      assertEquals(10, f.length, l);
      double score = Double.parseDouble(f[9]);
      assertTrue(score <= prev, l);
      prev = score;
    }
  }

  @Test
  void domain_builtProfile_jsonl() throws Exception {
    Path profile = dir.resolve("wiki.profile.gz");
    assertEquals(0, Main.execute("domain", "-q", "--build-profile", "--profile-min-count", "2",
        WIKI, "-o", profile.toString()));
    assertTrue(Files.size(profile) > 1000);
    Path o = dir.resolve("terms.jsonl");
    assertEquals(0, Main.execute("domain", "-q", "--reference", profile.toString(), "--format",
        "jsonl", "--top", "5", "--rank", "g2", LAWS, "-o", o.toString()));
    List<String> lines = lines(o);
    assertEquals(5, lines.size());
    for (String l : lines) {
      assertTrue(l.startsWith("{\"term\":\"") && l.contains("\"reference_count\":")
          && l.endsWith("}"), l);
    }
  }

  @Test
  void domain_badArguments_exitCodes() {
    assertEquals(CikuException.USAGE, Main.execute("domain", "-q", "--rank", "bogus", LAWS));
    assertEquals(CikuException.USAGE, Main.execute("domain", "-q", "--build-profile", WIKI));
    assertEquals(CikuException.USAGE, Main.execute("domain", "-q", "--format", "dict", LAWS));
    assertEquals(CikuException.NO_INPUT, Main.execute("domain", "-q", "--reference",
        dir.resolve("missing.txt").toString(), LAWS));
  }
}
