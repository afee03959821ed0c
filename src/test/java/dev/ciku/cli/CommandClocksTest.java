package dev.ciku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The commands that time their run in their summary line ({@code segment}, {@code vocab}) read
 * the clock they are given, as discovery and the progress bar do.
 */
class CommandClocksTest {
  @TempDir Path dir;
  @RegisterExtension final CapturedStreams io = new CapturedStreams();

  /** A clock that reads {@code readings} in turn, and fails when read once more. */
  private static LongSupplier clock(long... readings) {
    AtomicInteger next = new AtomicInteger();
    return () -> {
      int i = next.getAndIncrement();
      if (i >= readings.length) {
        throw new AssertionError("the clock was read " + (i + 1) + " times");
      }
      return readings[i];
    };
  }

  private Path text() throws IOException {
    return Files.writeString(dir.resolve("in.txt"), "中国人民银行发布了新的规定。人民银行说。\n".repeat(40),
        StandardCharsets.UTF_8);
  }

  @Test
  void segment_injectedClock_summaryTimesTheRunByIt() throws IOException {
    Path out = dir.resolve("out.txt");
    SegmentCommand segment = new SegmentCommand(clock(7_000_000_000L, 9_500_000_000L));
    assertEquals(0, new CommandLine(segment).execute("--no-progress", "-o", out.toString(),
        text().toString()), io::err);
    List<String> summary = io.errLines().stream().filter(l -> l.startsWith("ciku: segmented"))
        .toList();
    assertEquals(1, summary.size(), io::err);
    assertTrue(summary.get(0).matches("ciku: segmented 40 lines, [0-9,]+ chars in 2\\.5 s \\(.*"),
        summary.get(0));
  }

  @Test
  void vocab_injectedClock_summaryTimesTheLearningByIt() throws IOException {
    VocabCommand vocab = new VocabCommand(clock(1_000_000_000L, 4_200_000_000L));
    assertEquals(0, new CommandLine(vocab).execute("--no-progress", "-o",
        dir.resolve("v.tsv").toString(), text().toString()), io::err);
    List<String> summary = io.errLines().stream()
        .filter(l -> l.startsWith("ciku: bits per char: ")).toList();
    assertEquals(1, summary.size(), io::err);
    assertTrue(summary.get(0).endsWith("; 3.2 s"),
        summary.get(0));
  }
}
