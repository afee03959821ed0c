package dev.ciku.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.count.CountOptions;
import dev.ciku.count.GramIndex;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import net.openhft.chronicle.map.ChronicleMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Child-JVM tests read the child's output: a child that never answers fails them by timeout. */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ChronicleFileReaderTest {
  private static final Path LAWS = Path.of("corpora-samples/laws-zh.txt");

  @TempDir Path dir;

  /**
   * Run in a child JVM, reading {@code args[1]} with Chronicle Map itself, as ciku did before it
   * read stores on its own. {@code iterate}: starts iterating (which takes a segment lock kept in
   * the file), says "iterating" and waits to be killed. {@code read}: iterates the whole map and
   * says how many entries it saw, or "deadlock" if a segment lock could not be taken.
   */
  public static void main(String[] args) throws Exception {
    try (ChronicleMap<GramKey, Long> map =
        ChronicleGrams.builder().entries(1).createPersistedTo(Path.of(args[1]).toFile())) {
      long[] seen = {0};
      map.forEachEntry(e -> {
        if (args[0].equals("iterate")) {
          System.out.println("iterating");
          System.out.flush();
          try {
            Thread.sleep(120_000);
          } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
          }
        }
        seen[0]++;
      });
      System.out.println("read " + seen[0]);
    } catch (net.openhft.chronicle.hash.locks.InterProcessDeadLockException e) {
      System.out.println("deadlock");
    }
  }

  private Process child(String mode, Path store, String... jvmOptions) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The --add-opens/--add-exports flags Chronicle Map needs, as this JVM got them.
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-") || a.startsWith("-Dchronicle.")) {
        cmd.add(a);
      }
    }
    cmd.addAll(Arrays.asList(jvmOptions));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
        ChronicleFileReaderTest.class.getName(), mode, store.toString()));
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static String firstLine(Process p) throws IOException {
    BufferedReader r = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    return r.readLine();
  }

  private static byte[] digest(Path f) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
  }

  /** Counts laws-zh into a store; returns its grams. */
  private GramIndex writeLaws(Path target) throws IOException {
    GramIndex grams = new GramIndex(1 << 16);
    TestStores.write(target, new CountOptions(4, 2, 2, 128L << 20, dir), LAWS, grams);
    return grams;
  }

  /**
   * The failure this reader fixes: a Chronicle reader killed (SIGKILL) in the middle of an
   * iteration leaves its segment lock set in the file, and every later Chronicle reader gives up
   * on it; the store still reads completely here, read-only, without changing a byte or the
   * modification time.
   */
  @Test
  void open_afterAReaderWasKilledMidIteration_readsEveryGramWithoutWriting() throws Exception {
    Path store = dir.resolve("laws.ngrams");
    GramIndex counted = writeLaws(store);
    Process killed = child("iterate", store);
    try {
      assertEquals("iterating", firstLine(killed));
    } finally {
      killed.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook runs
    }
    assertTrue(killed.waitFor(60, TimeUnit.SECONDS));
    Process after = child("read", store, "-Dnet.openhft.chronicle.map.lockTimeoutSeconds=1");
    assertEquals("deadlock", firstLine(after), "the killed reader left its lock in the file");
    assertTrue(after.waitFor(60, TimeUnit.SECONDS));

    Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("r--r--r--"));
    FileTime mtime = Files.getLastModifiedTime(store);
    byte[] before = digest(store);
    for (int run = 0; run < 2; run++) {
      try (NgramStore s = NgramStore.open(store)) {
        GramIndex read = new GramIndex(counted.size());
        s.forEach(read);
        assertEquals(counted.size(), read.size());
        assertEquals(counted.size(), s.size());
        counted.forEach((hi, lo, c) -> {
          assertEquals(c, read.get(hi, lo));
          assertEquals(c, s.get(hi, lo));
        });
      }
    }
    assertArrayEquals(before, digest(store), "reading wrote nothing");
    assertEquals(mtime, Files.getLastModifiedTime(store));
  }

  /**
   * A map filled far beyond the entries it was sized for chains extra tiers to its segments:
   * every entry is found, and iteration follows Chronicle's own order exactly (so output built
   * from a store does not change with the reader).
   */
  @Test
  void forEach_overExtraTiers_matchesChronicleOrderAndFindsEveryKey() throws IOException {
    Path f = dir.resolve("tiers.map");
    int n = 30_000;
    List<long[]> chronicleOrder = new ArrayList<>();
    Random random = new Random(7);
    long[][] keys = new long[n][];
    try (ChronicleMap<GramKey, Long> map = ChronicleGrams.create(f.toFile(), n * 2 / 3)) {
      double resizes = map.remainingAutoResizes();
      GramKey k = new GramKey();
      for (int i = 0; i < n; i++) {
        keys[i] = new long[] {(random.nextLong() >>> 1) | 1, random.nextLong() >>> 1};
        map.put(k.set(keys[i][0], keys[i][1]), (long) i);
      }
      assertTrue(map.remainingAutoResizes() < resizes, "extra tiers were allocated");
      map.forEachEntry(e -> {
        GramKey g = e.key().get();
        chronicleOrder.add(new long[] {g.hi, g.lo, e.value().get()});
      });
    }
    ChronicleFileReader r = ChronicleFileReader.open(f);
    List<long[]> order = new ArrayList<>();
    r.forEach((hi, lo, c) -> order.add(new long[] {hi, lo, c}));
    assertEquals(n, order.size());
    assertEquals(n, r.entries());
    for (int i = 0; i < n; i++) {
      assertArrayEquals(chronicleOrder.get(i), order.get(i), "entry " + i);
      assertEquals(i, r.get(keys[i][0], keys[i][1]));
    }
    assertEquals(Long.MIN_VALUE, r.get(12345, 678), "absent key");
  }

  /** Random bytes over everything after the header: one StoreFormatException naming the file. */
  @Test
  void open_overwrittenAfterHeader_throwsStoreFormatException() throws Exception {
    Path store = dir.resolve("laws.ngrams");
    writeLaws(store);
    Random random = new Random(11);
    try (RandomAccessFile raf = new RandomAccessFile(store.toFile(), "rw")) {
      byte[] junk = new byte[(int) raf.length() - 2048];
      random.nextBytes(junk);
      raf.seek(2048);
      raf.write(junk);
    }
    NgramStore.StoreFormatException e =
        assertThrows(NgramStore.StoreFormatException.class, () -> NgramStore.open(store));
    assertTrue(e.getMessage().startsWith(store + " is corrupt ("), e.getMessage());
    assertTrue(e.getMessage().contains("ciku count"), e.getMessage());
  }

  /**
   * Random bytes over the entries only (the layout intact): the header's entries or the grams
   * are found damaged, at opening or while reading, never as an unchecked failure.
   */
  @Test
  void forEach_entriesOverwritten_throwsStoreFormatException() throws Exception {
    Path store = dir.resolve("laws.ngrams");
    writeLaws(store);
    long size = Files.size(store);
    try (RandomAccessFile raf = new RandomAccessFile(store.toFile(), "rw")) {
      byte[] junk = new byte[(int) (size / 2)];
      new Random(5).nextBytes(junk);
      raf.seek(size / 3);
      raf.write(junk);
    }
    IOException e = assertThrows(IOException.class, () -> {
      try (NgramStore s = NgramStore.open(store)) {
        s.forEach((hi, lo, c) -> { });
      } catch (UncheckedIOException u) {
        throw u.getCause();
      }
    });
    assertTrue(e instanceof NgramStore.StoreFormatException, e.toString());
    assertTrue(e.getMessage().startsWith(store + " is corrupt ("), e.getMessage());
  }

  /** The key hash is Chronicle's (xxHash r39, seed 0) of the 16 little-endian key bytes. */
  @Test
  void xxHash64_seededRandomKeys_equalsChroniclesHashOfTheKeyBytes() {
    Random random = new Random(3);
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 1000; i++) {
      long hi = random.nextLong();
      long lo = i < 10 ? i : random.nextLong();
      b.clear();
      b.putLong(hi).putLong(lo);
      assertEquals(net.openhft.chronicle.algo.hashing.LongHashFunction.xx_r39().hashBytes(
          b.array()), ChronicleFileReader.xxHash64(hi, lo));
    }
  }
}
