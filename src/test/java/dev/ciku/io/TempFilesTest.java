package dev.ciku.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Child-JVM tests read the child's output: a child that never answers fails them by timeout. */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TempFilesTest {
  @TempDir Path dir;

  /**
   * Run in a child JVM: registers {@code args[0]}, registers and releases {@code args[1]}, says
   * "ready" and waits to be stopped.
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("create")) {
      try {
        System.out.println("created " + TempFiles.create(Path.of(args[1]), "ciku-run-", ".bin"));
      } catch (OutputException e) {
        System.out.println(e.getMessage());
      }
      return;
    }
    if (args.length == 1) {
      createUntilStopped(Path.of(args[0]));
      return;
    }
    Path live = Files.writeString(Path.of(args[0]), "live");
    TempFiles.register(live);
    Path kept = Files.writeString(Path.of(args[1]), "kept");
    TempFiles.register(kept);
    TempFiles.release(kept);
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(60_000);
  }

  @Test
  void shutdownHook_sigterm_deletesRegisteredKeepsReleased() throws Exception {
    Path live = dir.resolve(".x.1.tmp");
    Path kept = dir.resolve("x");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), TempFilesTest.class.getName(),
        live.toString(), kept.toString()).redirectErrorStream(true).start();
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("ready", r.readLine());
      assertTrue(Files.exists(live));
      child.destroy(); // SIGTERM
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    } finally {
      child.destroyForcibly();
    }
    assertFalse(Files.exists(live), "registered file deleted by the shutdown hook");
    assertEquals("kept", Files.readString(kept));
  }

  /**
   * Run in a child JVM: two threads create temporary files in {@code dir} as fast as they can
   * (as spilling workers do), never deleting them; says "ready" once some exist. A creation that
   * fails before then, or no files within 60 s, ends the child with a line that says so.
   */
  private static void createUntilStopped(Path dir) throws Exception {
    AtomicBoolean ready = new AtomicBoolean();
    Runnable loop = () -> {
      try {
        while (true) {
          TempFiles.create(dir, "ciku-run-", ".bin");
        }
      } catch (IOException | RuntimeException e) {
        if (!ready.get()) {
          System.out.println("create failed: " + e);
          System.out.flush();
          Runtime.getRuntime().halt(3);
        }
        // else shutting down: no new file
      }
    };
    for (int i = 0; i < 2; i++) {
      Thread t = new Thread(loop);
      t.setDaemon(true);
      t.start();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (listing(dir).size() < 100) {
      if (System.nanoTime() > deadline) {
        System.out.println("only " + listing(dir).size() + " files after 60 s");
        System.out.flush();
        Runtime.getRuntime().halt(4);
      }
      Thread.sleep(5);
    }
    ready.set(true);
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(60_000);
  }

  /**
   * Files being created while SIGTERM arrives: the hook deletes every one, including those made
   * between its sweep and the JVM's halt (none is made once it has started).
   */
  @Test
  void create_whileStopped_leavesNoFile() throws Exception {
    for (int round = 0; round < 5; round++) {
      Path spill = Files.createDirectory(dir.resolve("spill" + round));
      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
          .toString(), "-cp", System.getProperty("java.class.path"),
          TempFilesTest.class.getName(), spill.toString()).redirectErrorStream(true).start();
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        assertEquals("ready", r.readLine());
        child.destroy(); // SIGTERM
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      } finally {
        child.destroyForcibly();
      }
      assertEquals(java.util.List.of(), listing(spill), "round " + round);
    }
  }

  @Test
  void deleteAll_filesAndOneThatCannotGo_deletesTheRestAndReleasesAll() throws IOException {
    Path a = TempFiles.create(dir, "ciku-test-", ".bin");
    Path gone = TempFiles.create(dir, "ciku-test-", ".bin");
    Files.delete(gone);
    // A non-empty directory cannot be deleted: left behind, the others still go.
    Path stuck = Files.createDirectory(dir.resolve("stuck"));
    Files.writeString(stuck.resolve("f"), "x");
    TempFiles.register(stuck);
    Path b = TempFiles.create(dir, "ciku-test-", ".bin");
    TempFiles.deleteAll(java.util.List.of(a, gone, stuck, b));
    assertFalse(Files.exists(a));
    assertFalse(Files.exists(b));
    assertTrue(Files.exists(stuck));
    for (Path p : new Path[] {a, gone, stuck, b}) {
      assertFalse(TempFiles.isRegistered(p), p.toString());
    }
  }

  @Test
  void create_writableDirectory_registersANewFileInIt() throws IOException {
    Path f = TempFiles.create(dir, "ciku-test-", ".bin");
    assertEquals(dir, f.getParent());
    assertTrue(Files.exists(f));
    assertTrue(TempFiles.isRegistered(f));
    TempFiles.delete(f);
    assertFalse(TempFiles.isRegistered(f));
  }

  /**
   * A discovery stopped while it reads standard input: its clause recording (a spill file in
   * --temp-dir) is deleted by the hook.
   */
  @Test
  void discoverStopped_sigterm_leavesNoSpillFile() throws Exception {
    Path spill = Files.createDirectory(dir.resolve("spill"));
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), "dev.ciku.cli.Main",
        "discover", "-q", "--temp-dir", spill.toString(), "-")
        .redirectErrorStream(true).start();
    try {
      // Standard input stays open, so the counting pass waits for more after these lines.
      child.getOutputStream().write("中华人民共和国成立了。\n".repeat(1000)
          .getBytes(StandardCharsets.UTF_8));
      child.getOutputStream().flush();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (listing(spill).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertFalse(listing(spill).isEmpty(), "the run spills its clauses to --temp-dir");
      child.destroy(); // SIGTERM
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    } finally {
      child.destroyForcibly();
    }
    assertEquals(java.util.List.of(), listing(spill));
  }

  private static java.util.List<String> listing(Path d) throws IOException {
    try (java.util.stream.Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void delete_registeredFileThenAgain_removesReleasesAndIgnoresTheSecond() throws IOException {
    Path f = Files.writeString(dir.resolve("f"), "x");
    TempFiles.register(f);
    assertTrue(TempFiles.isRegistered(f));
    TempFiles.delete(f);
    assertFalse(Files.exists(f));
    assertFalse(TempFiles.isRegistered(f));
    TempFiles.delete(f); // gone already: no error
  }

  @Test
  void create_directoryNotWritable_outputErrorNamingTheFile() throws Exception {
    Path notADir = Files.writeString(dir.resolve("plain"), "x");
    OutputException e = org.junit.jupiter.api.Assertions.assertThrows(OutputException.class,
        () -> TempFiles.create(notADir, "ciku-clauses-", ".bin"));
    assertTrue(e.getMessage().matches("cannot write temporary file \\Q" + notADir
        + "/ciku-clauses-\\E\\d+\\.bin: not a directory"), e.getMessage());
  }

  /**
   * Run in a child JVM whose user the directory's permissions bind: root (every machine of the
   * project) with its override of file permissions dropped, anyone else as they are. In-process,
   * root writes into the read-only directory, so the test used to be skipped wherever it ran.
   */
  @Test
  void create_readOnlyDirectory_permissionDenied() throws Exception {
    Path ro = Files.createDirectory(dir.resolve("ro"));
    Files.setPosixFilePermissions(ro, java.nio.file.attribute.PosixFilePermissions
        .fromString("r-xr-xr-x"));
    try {
      Process child = new ProcessBuilder(PermissionBoundJvm.command(TempFilesTest.class, "create",
          ro.toString())).redirectErrorStream(true).start();
      String said = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(child.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, child.exitValue(), said);
      assertTrue(said.matches("cannot write temporary file \\Q" + ro
          + "/ciku-run-\\E\\d+\\.bin: permission denied\n"), said);
      assertEquals(java.util.List.of(), listing(ro));
    } finally {
      Files.setPosixFilePermissions(ro, java.nio.file.attribute.PosixFilePermissions
          .fromString("rwxr-xr-x"));
    }
  }

}
