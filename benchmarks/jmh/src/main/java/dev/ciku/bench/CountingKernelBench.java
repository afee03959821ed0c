package dev.ciku.bench;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.ClauseScanner;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.CorpusReader;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.UnitTable;
import dev.ciku.count.GramTable;
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
 * One operation = the whole corpus: every unit position of every clause, packed into (hi, lo)
 * for each length 1..order and added to a GramTable sized so that it never fills (the counter's
 * worker loop without batching, threads or draining). units/s = ops/s x the unit count printed
 * at set-up (577,259 for laws-zh.txt). drainSorted = compacting and sorting the filled table
 * into a SortedRun. Each op starts from an empty table (cleared outside the timed region).
 */

/**
 * JMH benchmarks of the counting kernel: packing n-grams and {@link GramTable#add}, and
 * {@link GramTable#drainSorted}, over the clauses of a real corpus loaded once per trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CountingKernelBench {
  /** Must equal the packing of {@link Grams}: 21 bits a unit, units 0..2 in hi, 3..5 in lo. */
  private static final int BITS = 21;

  @Param({"2", "4", "6"})
  public int order;

  private int[] units;
  private int[] ends;
  private int[] owned;
  private int clauses;
  private GramTable table;

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
    checkPacking();
    // Size the table once so that a whole-corpus pass never fills it.
    GramTable probe = new GramTable(1 << 24, 0.9);
    countInto(probe);
    table = new GramTable(probe.size() * 2, 0.9);
    System.err.printf("corpus %s: %,d units, %,d clauses, %,d distinct grams of 1..%d units%n",
        corpus, units.length, clauses, probe.size(), order);
  }

  private void checkPacking() {
    int n = Math.min(6, units.length);
    long hi = 0;
    long lo = 0;
    for (int k = 0; k < n; k++) {
      if (k < 3) {
        hi |= (long) units[k] << (BITS * (2 - k));
      } else {
        lo |= (long) units[k] << (BITS * (5 - k));
      }
    }
    if (hi != Grams.hi(units, 0, n) || lo != Grams.lo(units, 0, n)) {
      throw new IllegalStateException("benchmark packing differs from Grams");
    }
  }

  @Setup(Level.Invocation)
  public void empty() {
    table.clear();
  }

  /** Packs and adds every n-gram of 1..order units of the corpus; returns grams held. */
  @Benchmark
  public int count() {
    countInto(table);
    return table.size();
  }

  private void countInto(GramTable t) {
    int[] u = units;
    int start = 0;
    for (int k = 0; k < clauses; k++) {
      int end = ends[k];
      int own = owned[k];
      for (int i = start; i < own; i++) {
        int max = Math.min(order, end - i);
        long hi = 0;
        long lo = 0;
        for (int n = 0; n < max; n++) {
          if (n < 3) {
            hi |= (long) u[i + n] << (BITS * (2 - n));
          } else {
            lo |= (long) u[i + n] << (BITS * (5 - n));
          }
          t.add(hi, lo, 1);
        }
      }
      start = end;
    }
  }

  /** Drain of a table filled with the corpus's grams. */
  @State(Scope.Thread)
  public static class Filled {
    GramTable table;

    @Setup(Level.Invocation)
    public void fill(CountingKernelBench b) {
      if (table == null) {
        table = new GramTable(b.table.capacity(), 0.9);
      }
      table.clear();
      b.countInto(table);
    }
  }

  /** Compacts and sorts the filled table into a run; returns the run size. */
  @Benchmark
  public int drainSorted(Filled f) {
    SortedRun run = f.table.drainSorted();
    return run.size();
  }
}
