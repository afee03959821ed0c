package dev.ciku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempDirOptionsTest {
  @TempDir Path dir;

  private static TempDirOptions given(Path tempDir) {
    TempDirOptions o = new TempDirOptions();
    o.tempDir = tempDir;
    return o;
  }

  @Test
  void tempDir_orderOfChoice_flagThenTmpdirThenJavaIoTmpdir() throws IOException {
    Path flag = Files.createDirectory(dir.resolve("flag"));
    Path env = Files.createDirectory(dir.resolve("env"));
    Map<String, String> withTmpdir = Map.of("TMPDIR", env.toString());
    assertEquals(flag, given(flag).tempDir(withTmpdir::get));
    assertEquals(env, given(null).tempDir(withTmpdir::get));
    Path jvm = Path.of(System.getProperty("java.io.tmpdir"));
    assertEquals(jvm, given(null).tempDir(Map.<String, String>of()::get));
    assertEquals(jvm, given(null).tempDir(Map.of("TMPDIR", "")::get), "empty: unset");
  }

  @Test
  void tempDir_tmpdirNotADirectory_exit74NamesIt() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");
    Path missing = dir.resolve("missing");
    CikuException e = assertThrows(CikuException.class,
        () -> given(null).tempDir(Map.of("TMPDIR", file.toString())::get));
    assertEquals(CikuException.IO, e.exitCode());
    assertEquals("cannot write temporary files in TMPDIR " + file + ": not a directory",
        e.getMessage());
    e = assertThrows(CikuException.class,
        () -> given(null).tempDir(Map.of("TMPDIR", missing.toString())::get));
    assertEquals("cannot write temporary files in TMPDIR " + missing + ": no such directory",
        e.getMessage());
  }
}
