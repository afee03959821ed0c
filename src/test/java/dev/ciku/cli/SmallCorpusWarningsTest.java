package dev.ciku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.discover.WordFilter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The warnings for corpora too small for what was asked, on real text of both sides. */
class SmallCorpusWarningsTest {
  private static final Path LAWS = Path.of("corpora-samples", "laws-zh.txt");

  @TempDir Path dir;
  @RegisterExtension final CapturedStreams io = new CapturedStreams();

  /** The first 300 lines of the legal sample: about 15,000 characters. */
  private String small() throws Exception {
    List<String> lines = Files.readAllLines(LAWS, StandardCharsets.UTF_8).subList(0, 300);
    return Files.write(dir.resolve("small.txt"), lines, StandardCharsets.UTF_8).toString();
  }

  @Test
  void smallCorpusWarning_unitCountsAroundTheThreshold_warnsBelowItUnlessEmptyOrMinCountRaised() {
    assertNull(WordFilter.smallCorpusWarning(0, 2));
    assertEquals("the corpus has only 299,999 units (fewer than 300,000): with the minimum count"
        + " at 2, its --new-only list holds many fragments and phrases seen only a few times;"
        + " read it from the top, or raise --min-count to 3",
        WordFilter.smallCorpusWarning(WordFilter.SMALL_CORPUS - 1, 2));
    assertNull(WordFilter.smallCorpusWarning(WordFilter.SMALL_CORPUS, 2));
    assertNull(WordFilter.smallCorpusWarning(1000, 3)); // --min-count raised: advice taken
    assertTrue(WordFilter.smallCorpusWarning(1000, 1).contains("minimum count at 1"));
  }

  @Test
  void discover_newOnlySmallCorpus_warnsOnlyWithNewOnly() throws Exception {
    String small = small();
    assertEquals(0, Main.execute("discover", "-q", "--top", "5", small));
    assertFalse(io.err().contains("the corpus has only"), io::err);
    assertEquals(0, Main.execute("discover", "-q", "--new-only", "--top", "5", small));
    assertTrue(io.err().contains("its --new-only list holds many fragments"), io::err);
    io.reset();
    assertEquals(0, Main.execute("discover", "-q", "--new-only", "--min-count", "3", "--top", "5",
        small));
    assertFalse(io.err().contains("the corpus has only"), io::err);
  }

  @Test
  void domain_smallCorpus_warnsAndLargerDoesNot() throws Exception {
    assertEquals(0, Main.execute("domain", "-q", "--top", "5", small()));
    assertTrue(io.err().contains("the domain corpus has only"), io::err);
    io.reset();
    assertEquals(0, Main.execute("domain", "-q", "--top", "5", LAWS.toString()));
    assertFalse(io.err().contains("the domain corpus has only"), io::err);
  }

  @Test
  void vocab_smallCorpus_warnsAndLargerDoesNot() throws Exception {
    assertEquals(0, Main.execute("vocab", "-q", small(), "-o", dir.resolve("v1").toString()));
    assertTrue(io.err().contains("knows too few words to segment general text"), io::err);
    io.reset();
    assertEquals(0, Main.execute("vocab", "-q", LAWS.toString(), "-o",
        dir.resolve("v2").toString()));
    assertFalse(io.err().contains("knows too few words"), io::err);
  }
}
