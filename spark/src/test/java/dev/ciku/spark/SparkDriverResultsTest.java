package dev.ciku.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.corpus.LatinCase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark in local[2] whose driver refuses a job's results beyond {@link #MAX_RESULT} bytes in all
 * ({@code spark.driver.maxResultSize}), on text whose partitions' first-pass results are each
 * below it and together several times over it: the driver has to take them one partition at a
 * time, as it merges them.
 */
class SparkDriverResultsTest {
  static final long MAX_RESULT = 256 << 10;
  static final int PARTITIONS = 8;

  static SparkSession spark;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    spark = LocalSpark.builder("ciku-spark-driver-results-test")
        .config("spark.driver.maxResultSize", Long.toString(MAX_RESULT))
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  /** 60,000 short lines, each with a Latin unit of its own ({@code k<i>}) and shared text. */
  private static List<String> lines() {
    return IntStream.range(0, 60_000)
        .mapToObj(i -> "第" + (i % 50) + "条规定k" + i + "的适用范围，依照本法执行。")
        .toList();
  }

  private Path corpus() throws IOException {
    return Files.write(tmp.resolve("codes.txt"), lines());
  }

  private static long serializedBytes(Serializable o) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.size();
  }

  /** The first-pass results of the lines cut into {@link #PARTITIONS} equal parts, in bytes. */
  private static long[] resultBytes(boolean stats) throws IOException {
    List<String> lines = lines();
    long[] sizes = new long[PARTITIONS];
    int step = lines.size() / PARTITIONS;
    for (int p = 0; p < PARTITIONS; p++) {
      List<String> part = lines.subList(p * step, (p + 1) * step);
      sizes[p] = serializedBytes(stats ? SparkStats.Part.of(part.iterator(), LatinCase.FOLD, false)
          : PartitionScan.of(part.iterator(), 3, LatinCase.FOLD, false));
    }
    return sizes;
  }

  private static void assertEachBelowAllOver(long[] sizes) {
    String all = IntStream.range(0, sizes.length).mapToObj(p -> Long.toString(sizes[p]))
        .collect(Collectors.joining(", "));
    long sum = 0;
    for (long s : sizes) {
      assertTrue(s < MAX_RESULT * 3 / 4, "each result well below the limit: " + all);
      sum += s;
    }
    assertTrue(sum > 2 * MAX_RESULT, "together over twice the limit: " + all);
  }

  /**
   * Runs the job and the CLI with {@code args} and the output option (the job also with {@code
   * jobOnly}); their files must match.
   */
  private void assertSameAsCli(String output, List<String> jobOnly, String... args)
      throws Exception {
    Path job = tmp.resolve("job.out");
    Path cli = tmp.resolve("cli.out");
    List<String> a = new java.util.ArrayList<>(List.of(args));
    a.addAll(jobOnly);
    a.addAll(List.of("--partitions", Integer.toString(PARTITIONS), output, job.toString()));
    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine cl = Main.commandLine();
    cl.setErr(new java.io.PrintWriter(err));
    assertEquals(0, cl.execute(a.toArray(String[]::new)), err.toString());
    List<String> b = new java.util.ArrayList<>(List.of(args));
    b.addAll(List.of("--no-progress", "-q", output, cli.toString()));
    assertEquals(0, dev.ciku.cli.Main.execute(b.toArray(String[]::new)));
    assertEquals(-1, Files.mismatch(cli, job), String.join(" ", args) + ": outputs differ");
  }

  @Test
  void mainStats_partsTogetherOverMaxResultSize_equalsCliStats() throws Exception {
    assertEachBelowAllOver(resultBytes(true));
    assertSameAsCli("-o", List.of(), "stats", corpus().toString());
  }

  @Test
  void mainCount_scansTogetherOverMaxResultSize_writesTheCliStore() throws Exception {
    assertEachBelowAllOver(resultBytes(false));
    // Small tables: the tasks' 96 MB default would cost more than the text.
    assertSameAsCli("-o", List.of("--table-slots", "65536"), "count", "-n", "3",
        corpus().toString());
  }
}
