package dev.ciku.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTest {
  @TempDir Path dir;

  private List<String> listing() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void commit_writesTarget_noTempLeft() throws IOException {
    Path target = dir.resolve("out.tsv");
    try (Output out = Output.open(target)) {
      out.writer().write("中文\t1\n");
      assertFalse(Files.exists(target), "nothing under the name before commit");
      out.commit();
    }
    assertEquals("中文\t1\n", Files.readString(target));
    assertEquals(List.of("out.tsv"), listing());
  }

  @Test
  void closeWithoutCommit_leavesNothing() throws IOException {
    Path target = dir.resolve("out.tsv");
    try (Output out = Output.open(target)) {
      out.writer().write("x".repeat(200_000));
    }
    assertEquals(List.of(), listing());
  }

  @Test
  void exceptionBeforeCommit_keepsOldTarget() throws IOException {
    Path target = dir.resolve("out.tsv");
    Files.writeString(target, "old");
    assertThrows(IllegalStateException.class, () -> {
      try (Output out = Output.open(target)) {
        out.writer().write("new");
        throw new IllegalStateException("boom");
      }
    });
    assertEquals("old", Files.readString(target));
    assertEquals(List.of("out.tsv"), listing());
  }

  @Test
  void rowWriter_tsvAndJsonl() throws IOException {
    StringWriter tsv = new StringWriter();
    RowWriter rows = new RowWriter(tsv, OutputFormat.TSV, List.of("word", "n", "score"), true);
    rows.begin();
    rows.text("a\tb");
    rows.integer(3);
    rows.decimal(0.125, 2);
    rows.end();
    assertEquals("word\tn\tscore\na b\t3\t0.12\n", tsv.toString());
    StringWriter jsonl = new StringWriter();
    rows = new RowWriter(jsonl, OutputFormat.JSONL, List.of("word", "score"), true);
    rows.begin();
    rows.text("\"引\"\n");
    rows.decimal(Double.NaN, 2);
    rows.end();
    assertEquals("{\"word\":\"\\\"引\\\"\\n\",\"score\":null}\n", jsonl.toString());
  }

  @Test
  void numbers_formatAndParseSize() {
    assertEquals("0.0000", Numbers.format(-0.00001, 4));
    assertEquals("2.4", Numbers.format(2.45, 1));
    assertEquals("3.6", Numbers.format(3.55, 1));
    assertEquals(512L << 20, Numbers.parseSize("512m"));
    assertEquals(2L << 30, Numbers.parseSize("2G"));
    assertThrows(IllegalArgumentException.class, () -> Numbers.parseSize("lots"));
  }
}
