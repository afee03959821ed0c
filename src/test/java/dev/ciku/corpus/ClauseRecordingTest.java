package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClauseRecordingTest {
  private static final Path LAWS = Path.of("corpora-samples", "laws-zh.txt");

  /** Every clause a worker saw, as text of its unit ids with its chunk fields. */
  private static final class Collect implements ParallelClauses.Worker {
    final List<String> clauses = new ArrayList<>();

    @Override
    public void clause(int[] units, int from, int end, int ownedEnd, boolean clauseEnd) {
      clauses.add(Arrays.toString(Arrays.copyOfRange(units, from, end)) + " " + (ownedEnd - from)
          + " " + clauseEnd);
    }
  }

  private static List<String> all(List<Collect> workers) {
    List<String> out = new ArrayList<>();
    for (Collect c : workers) {
      out.addAll(c.clauses);
    }
    out.sort(null);
    return out;
  }

  @Test
  void replay_afterRecordedRun_givesTheSameClausesAndBytes(@TempDir Path dir) throws IOException {
    List<Collect> first = List.of(new Collect(), new Collect());
    ByteCounter bytes = new ByteCounter();
    try (ClauseRecording rec = ClauseRecording.create(dir)) {
      ParallelClauses.run(List.of(CorpusInput.file(LAWS)), ReaderOptions.DEFAULT, new UnitTable(true),
          bytes, m -> { }, first, rec);
      assertTrue(rec.batches() > 1, "laws-zh.txt fills several batches");
      List<Collect> second = List.of(new Collect(), new Collect(), new Collect());
      ByteCounter replayed = new ByteCounter();
      ParallelClauses.replay(rec, replayed, second);
      assertEquals(all(first), all(second));
      assertEquals(bytes.get(), replayed.get());
      assertEquals(Files.size(LAWS), replayed.get());
      List<Collect> third = List.of(new Collect());
      ParallelClauses.replay(rec, new ByteCounter(), third);
      assertEquals(all(first), all(third), "a recording replays any number of times");
    }
    try (var files = Files.list(dir)) {
      assertFalse(files.findAny().isPresent(), "close deletes the recording");
    }
  }

  @Test
  void replay_longClauseInChunks_keepsChunkFields(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("long.txt");
    StringBuilder sb = new StringBuilder();
    java.util.Random r = new java.util.Random(11);
    for (int i = 0; i < 300_000; i++) {
      sb.appendCodePoint(0x4E00 + r.nextInt(200));
    }
    Files.writeString(f, sb);
    List<Collect> first = List.of(new Collect());
    try (ClauseRecording rec = ClauseRecording.create(dir)) {
      ParallelClauses.run(List.of(CorpusInput.file(f)), ReaderOptions.DEFAULT, new UnitTable(true),
          new ByteCounter(), m -> { }, first, rec);
      List<Collect> second = List.of(new Collect(), new Collect());
      ParallelClauses.replay(rec, new ByteCounter(), second);
      assertTrue(first.get(0).clauses.size() > 4, "a 300,000-unit clause comes in chunks");
      assertEquals(all(first), all(second));
    }
  }
}
