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
  void run_startsEachWorkerOnItsOwnThreadBeforeItsClauses() throws IOException {
    List<Starting> workers = List.of(new Starting(), new Starting(), new Starting());
    ClauseScanner scanner = ParallelClauses.run(List.of(CorpusInput.file(LAWS)),
        ReaderOptions.DEFAULT, new UnitTable(), new ByteCounter(), w -> {}, workers);
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
            new UnitTable(), new ByteCounter(), w -> {}, List.of(healthy, failing)));
    assertSame(boom, e.getCause());
    assertEquals(0, failing.clauses);
    assertTrue(!failing.finished);
  }
}
