package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepeatedReadsTest {
  @TempDir Path dir;

  @Test
  void warn_localFileUnderThreeNamesAndALink_oneWarningNamingTheFirstThree() throws IOException {
    Path a = Files.writeString(dir.resolve("a.txt"), "中华人民共和国\n", StandardCharsets.UTF_8);
    Path b = Files.writeString(dir.resolve("b.txt"), "中华人民共和国\n", StandardCharsets.UTF_8);
    Path link = Files.createLink(dir.resolve("hard.txt"), a);
    Files.createDirectory(dir.resolve("sub"));
    RepeatedReads r = new RepeatedReads();
    r.addLocal(a, "a.txt");
    r.addLocal(b, "b.txt"); // the same text in another file: no repeat
    r.addLocal(dir.resolve("./a.txt"), "./a.txt");
    r.addLocal(link, "hard.txt");
    r.addLocal(dir.resolve("sub/../a.txt"), "sub/../a.txt");
    r.addLocal(dir.resolve("gone.txt"), "gone.txt"); // left to the reading's own message
    List<String> warnings = new ArrayList<>();
    r.warn(warnings::add);
    assertEquals(List.of("a.txt is read 4 times (as a.txt, ./a.txt, hard.txt, ...): its text is"
        + " counted 4 times"), warnings);
  }

  @Test
  void warn_keysOfRemoteFiles_equalKeysAreOneFile() {
    RepeatedReads r = new RepeatedReads();
    r.add("hdfs://nn/corpus/a.txt", "/corpus/a.txt");
    r.add("hdfs://nn/corpus/b.txt", "/corpus/b.txt");
    r.add("hdfs://nn/corpus/a.txt", "/corpus/a.txt");
    List<String> warnings = new ArrayList<>();
    r.warn(warnings::add);
    assertEquals(List.of("/corpus/a.txt is read 2 times (as /corpus/a.txt, /corpus/a.txt): its"
        + " text is counted 2 times"), warnings);
  }
}
