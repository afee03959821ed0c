package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParallelClausesTest {
  private static final Path LAWS = Path.of("corpora-samples", "laws-zh.txt");

  /** Records on which thread {@code start} ran and whether it came before every clause. */
  private static class Starting implements ParallelClauses.Worker {
    volatile Thread startedOn;
    volatile boolean clauseBeforeStart;
    volatile long clauses;
    volatile boolean finished;

    @Override
    public void start() {
      startedOn = Thread.currentThread();
    }

    @Override
    public void clause(int[] units, int from, int end, int ownedEnd, boolean clauseEnd) {
      if (startedOn != Thread.currentThread()) {
        clauseBeforeStart = true;
      }
      clauses++;
    }

    @Override
    public void finish() {
      finished = true;
    }
  }

  @Test
  void run_threeWorkersOnTheLawsSample_startsEachOnItsOwnThreadBeforeItsClauses()
      throws IOException {
    List<Starting> workers = List.of(new Starting(), new Starting(), new Starting());
    ClauseScanner scanner = ParallelClauses.run(List.of(CorpusInput.file(LAWS)),
        ReaderOptions.DEFAULT, new UnitTable(true), new ByteCounter(), w -> {}, workers);
    long clauses = 0;
    for (Starting w : workers) {
      assertTrue(w.startedOn != null && w.startedOn != Thread.currentThread());
      assertTrue(!w.clauseBeforeStart && w.finished);
      clauses += w.clauses;
    }
    assertNotEquals(workers.get(0).startedOn, workers.get(1).startedOn);
    assertEquals(scanner.clauses(), clauses);
  }

  @Test
  void run_startFails_rethrowsItAndTheWorkerGetsNoClause() {
    IOException boom = new IOException("no room for the table");
    Starting healthy = new Starting();
    Starting failing = new Starting() {
      @Override
      public void start() {
        throw new IllegalStateException(boom);
      }
    };
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ParallelClauses.run(List.of(CorpusInput.file(LAWS)), ReaderOptions.DEFAULT,
            new UnitTable(true), new ByteCounter(), w -> {}, List.of(healthy, failing)));
    assertSame(boom, e.getCause());
    assertEquals(0, failing.clauses);
    assertTrue(!failing.finished);
  }

  /** A corpus of {@code copies} copies of the laws sample, about 1.9 MB each. */
  private static Path repeated(Path dir, int copies) throws IOException {
    Path big = dir.resolve("big.txt");
    byte[] laws = java.nio.file.Files.readAllBytes(LAWS);
    try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(big)) {
      for (int i = 0; i < copies; i++) {
        out.write(laws);
      }
    }
    return big;
  }

  @Test
  void run_workerFails_readingStopsEarly(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Path big = repeated(dir, 12);
    long size = java.nio.file.Files.size(big);
    for (boolean atStart : new boolean[] {true, false}) {
      IllegalStateException boom = new IllegalStateException("no room");
      Starting failing = new Starting() {
        @Override
        public void start() {
          if (atStart) {
            throw boom;
          }
        }

        @Override
        public void clause(int[] units, int from, int end, int ownedEnd, boolean clauseEnd) {
          throw boom;
        }
      };
      ByteCounter bytes = new ByteCounter();
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> ParallelClauses.run(List.of(CorpusInput.file(big)), ReaderOptions.DEFAULT,
              new UnitTable(true), bytes, w -> {}, List.of(new Starting(), failing)));
      assertSame(boom, e);
      // 6 batches of 262,144 units circulate: the reader stops within a few of them.
      assertTrue(bytes.get() < size / 2, "read " + bytes.get() + " of " + size + " bytes");
    }
  }
}
