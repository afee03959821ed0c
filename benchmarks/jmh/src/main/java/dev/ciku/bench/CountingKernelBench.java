package dev.ciku.bench;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.ClauseScanner;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.CorpusReader;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.UnitTable;
import dev.ciku.count.CountingTable;
import dev.ciku.count.Grams;
import dev.ciku.count.SortedRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/*
 * HOW TO RUN
 *
 *   benchmarks/jmh/run.sh                         # all benchmarks, about 2 minutes of runs
 *   benchmarks/jmh/run.sh CountingKernelBench.count -p order=6
 *
 * or by hand, from the repository root:
 *
 *   mvn -q -B -DskipTests install                 # puts the ciku jar in ~/.m2
 *   (cd benchmarks/jmh && mvn -q -B package)
 *   java -jar benchmarks/jmh/target/benchmarks.jar \
 *       -jvmArgsAppend -Dciku.bench.corpus=$PWD/corpora-samples/laws-zh.txt
 *
 * One operation = the whole corpus: CountingTable.addClause over every clause (each position's
 * longest gram of at most 'order' units packed into (hi, lo) and added once) into a table sized
 * so that it never fills (the counter's worker loop without batching, threads or draining).
 * units/s = ops/s x the unit count printed at set-up (577,259 for laws-zh.txt).
 * drainWithPrefixes = compacting and sorting the filled table and expanding it into a run of every
 * gram of every order. Each op starts from an empty table (cleared outside the timed region).
 */

/**
 * JMH benchmarks of the counting kernel: {@link CountingTable#addClause} and
 * {@link CountingTable#drainWithPrefixes}, over the clauses of a real corpus loaded once per trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CountingKernelBench {
  private static final CountingTable.OnFull NEVER_FULL = t -> {
    throw new IllegalStateException("the benchmark table filled up");
  };

  @Param({"2", "4", "6"})
  public int order;

  private int[] units;
  private int[] ends;
  private int[] owned;
  private int clauses;
  private final long[] positions = new long[Grams.MAX_ORDER + 1];
  private CountingTable table;

  @Setup(Level.Trial)
  public void load() throws IOException {
    Path corpus = Path.of(System.getProperty("ciku.bench.corpus", "corpora-samples/laws-zh.txt"));
    int[][] acc = {new int[1 << 20]};
    int[][] cl = {new int[1 << 16], new int[1 << 16]};
    int[] used = {0, 0};
    ClauseScanner scanner = new ClauseScanner(new UnitTable(), false,
        (u, length, ownedEnd, start, end) -> {
          if (used[0] + length > acc[0].length) {
            acc[0] = Arrays.copyOf(acc[0], Math.max(acc[0].length * 2, used[0] + length));
          }
          if (used[1] == cl[0].length) {
            cl[0] = Arrays.copyOf(cl[0], used[1] * 2);
            cl[1] = Arrays.copyOf(cl[1], used[1] * 2);
          }
          System.arraycopy(u, 0, acc[0], used[0], length);
          cl[1][used[1]] = used[0] + ownedEnd;
          used[0] += length;
          cl[0][used[1]] = used[0];
          used[1]++;
        });
    new CorpusReader(ReaderOptions.DEFAULT, new ByteCounter(), m -> { })
        .read(List.of(CorpusInput.file(corpus)), scanner);
    units = Arrays.copyOf(acc[0], used[0]);
    clauses = used[1];
    ends = Arrays.copyOf(cl[0], clauses);
    owned = Arrays.copyOf(cl[1], clauses);
    // Size the table once so that a whole-corpus pass never fills it.
    CountingTable probe = new CountingTable(1 << 24, 0.85);
    countInto(probe);
    // size() counts grams still pending in region buffers once each time: an upper bound.
    table = new CountingTable(probe.size() * 4, 0.85);
    System.err.printf("corpus %s: %,d units, %,d clauses, %,d distinct grams of 1..%d units%n",
        corpus, units.length, clauses, probe.drainWithPrefixes().size(), order);
  }

  @Setup(Level.Invocation)
  public void empty() {
    table.clear();
  }

  /**
   * Runs the counting kernel over the corpus (one update per position: its longest gram of at
   * most {@code order} units); returns grams held.
   */
  @Benchmark
  public int count() {
    countInto(table);
    return table.size();
  }

  private void countInto(CountingTable t) {
    int start = 0;
    try {
      for (int k = 0; k < clauses; k++) {
        t.addClause(units, start, ends[k], owned[k], order, positions, NEVER_FULL);
        start = ends[k];
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Drain of a table filled with the corpus's grams. */
  @State(Scope.Thread)
  public static class Filled {
    CountingTable table;

    @Setup(Level.Invocation)
    public void fill(CountingKernelBench b) {
      if (table == null) {
        table = new CountingTable(b.table.capacity(), 0.85);
      }
      table.clear();
      b.countInto(table);
    }
  }

  /**
   * Compacts and sorts the filled table and adds every prefix (all orders) into a run; returns
   * the run size.
   */
  @Benchmark
  public int drainWithPrefixes(Filled f) {
    SortedRun run = f.table.drainWithPrefixes();
    return run.size();
  }
}
