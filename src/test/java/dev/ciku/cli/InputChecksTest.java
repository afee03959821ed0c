package dev.ciku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ciku.corpus.BinaryData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputChecksTest {
  @TempDir Path dir;

  private Path file(String name) throws IOException {
    return Files.writeString(dir.resolve(name), "中文\n");
  }

  @Test
  void check_standardOutputRedirectedToAnInput_usageErrorNamingBoth() throws IOException {
    Path f = file("f.txt");
    Path real = f.toRealPath();
    CikuException e = assertThrows(CikuException.class,
        () -> new InputChecks(f).corpus(List.of(f.toString()), true).output("-o", null).check());
    assertEquals(CikuException.USAGE, e.exitCode());
    assertEquals("standard output (redirected to " + real + ") is also read (INPUT " + f
        + "): writing it would change that input", e.getMessage());
    // A link to it, and the file inside a directory argument, are the same file.
    Path link = Files.createSymbolicLink(dir.resolve("link"), f);
    assertThrows(CikuException.class, () -> new InputChecks(link)
        .corpus(List.of(f.toString()), true).output("-o", null).check());
    e = assertThrows(CikuException.class, () -> new InputChecks(f)
        .corpus(List.of(dir.toString()), true).output("-o", null).check());
    assertEquals("standard output (redirected to " + real + ") is also read (" + f
        + ", a file of INPUT " + dir + "): writing it would change that input", e.getMessage());
  }

  @Test
  void check_outputOverBundledDataRead_usageErrorNamingIt() throws IOException {
    // bin/ciku reads dict/ beside the jar: `ciku domain laws.txt -o
    // dict/general-reference.profile.gz` (--build-profile forgotten) replaced the profile with a
    // term list, and every later run failed on it (exit 65).
    Path profile = file("general-reference.profile.gz");
    Path link = Files.createSymbolicLink(dir.resolve("link.gz"), profile);
    CikuException e = assertThrows(CikuException.class, () -> new InputChecks()
        .bundledFile(profile).output("-o", link).check());
    assertEquals(CikuException.USAGE, e.exitCode());
    assertEquals("-o " + link + " is also read (ciku's bundled data " + profile
        + "): writing it would replace that input", e.getMessage());
    // Read from the jar (no dict/ beside it): no file to protect.
    new InputChecks().bundledFile(null).output("-o", profile)
        .check();
  }

  @Test
  void check_binaryOutputInsideDirectoryInput_passesOnlyWhenTheReaderSkipsIt() throws IOException {
    file("f.txt");
    Path store = Files.write(dir.resolve("counts.ngrams"), new byte[] {'C', 'I', 0, 0, 1, 2});
    // Read as the corpus is read, the store is binary data the walk skips: no input.
    new InputChecks().corpus(List.of(dir.toString()), true, BinaryData.DEFAULT)
        .output("-o", store).check();
    // Without that knowledge, or read as UTF-16 (where zero bytes are text), it is an input.
    assertThrows(CikuException.class, () -> new InputChecks()
        .corpus(List.of(dir.toString()), true).output("-o", store).check());
    assertThrows(CikuException.class, () -> new InputChecks().corpus(List.of(dir.toString()),
        true, new BinaryData(java.nio.charset.StandardCharsets.UTF_16LE, false, false))
        .output("-o", store).check());
    // A text output inside the directory stays an input whatever the reading.
    Path text = file("out.tsv");
    CikuException e = assertThrows(CikuException.class, () -> new InputChecks()
        .corpus(List.of(dir.toString()), true, BinaryData.DEFAULT).output("-o", text).check());
    assertEquals(CikuException.USAGE, e.exitCode());
  }

  @Test
  void check_standardOutputElsewhereOrUnused_passes() throws IOException {
    Path f = file("f.txt");
    Path other = file("other.txt");
    new InputChecks(other).corpus(List.of(f.toString()), true).output("-o", null).check();
    // With -o, standard output carries no data.
    new InputChecks(f).corpus(List.of(f.toString()), true)
        .output("-o", dir.resolve("out.tsv")).check();
    // Not a regular file (a terminal, a pipe, nothing): nothing to compare.
    new InputChecks(dir.resolve("missing")).corpus(List.of(f.toString()), true)
        .output("-o", null).check();
    new InputChecks(dir).corpus(List.of(f.toString()), true).output("-o", null).check();
    // Other outputs given no file are not standard output.
    new InputChecks(f).corpus(List.of(f.toString()), true).output("--stats", null).check();
  }
}
