package dev.ciku.spark;

import dev.ciku.count.GramIndex;
import dev.ciku.corpus.ClauseScanner;
import dev.ciku.corpus.UnitTable;
import dev.ciku.discover.CutFragments;
import dev.ciku.discover.CutPass;
import dev.ciku.discover.Cutter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * Discovery's cut pass on Spark: the cohesive set G and the unit table are broadcast, every
 * partition cuts its clauses with core's {@link Cutter} and counts its fragments (longer ones
 * keyed by a string of their unit ids, {@link CutFragments#key}) and runs of single-unit
 * fragments, the counts are summed by key across the cluster, and the driver receives one count per distinct
 * fragment and run.
 */
final class SparkCutPass implements CutPass {
  private static final Gram TOTAL = new Gram(0, 0);
  /** Slices of a partition's fragments turned into tuples at a time. */
  private static final int SLICES = 32;

  /** Key of a run of single-unit fragments (packed like a gram). */
  record SingleRun(long hi, long lo) implements java.io.Serializable {}

  /** Key of a stretch that is only segmented ({@link CutFragments#segmentOnly}). */
  record SegmentOnly(String key) implements java.io.Serializable {}

  private final JavaSparkContext sc;
  private final JavaRDD<String> lines;
  private final boolean lowercase;
  private final boolean simplify;
  private final int partitions;

  SparkCutPass(JavaSparkContext sc, JavaRDD<String> lines, boolean lowercase, boolean simplify,
      int partitions) {
    this.sc = sc;
    this.lines = lines;
    this.lowercase = lowercase;
    this.simplify = simplify;
    this.partitions = partitions;
  }

  @Override
  public void cut(GramIndex g, int gMax, int maxLength, UnitTable units, CutFragments into) {
    long[] cohesive = new long[2 * g.size()];
    int[] k = {0};
    g.forEach((hi, lo, c) -> {
      cohesive[k[0]++] = hi;
      cohesive[k[0]++] = lo;
    });
    Broadcast<long[]> bg = sc.broadcast(cohesive);
    Broadcast<ArrayList<String>> latin = sc.broadcast(new ArrayList<>(units.latinUnits()));
    boolean lc = lowercase;
    boolean simp = simplify;
    int reduce = partitions > 0 ? partitions : Math.max(1, lines.getNumPartitions());
    try {
      Iterator<Tuple2<Object, Long>> it = lines
          .mapPartitionsToPair(
              p -> cutPartition(p, bg.value(), latin.value(), gMax, maxLength, lc, simp))
          .reduceByKey(Long::sum, reduce)
          .toLocalIterator();
      while (it.hasNext()) {
        Tuple2<Object, Long> t = it.next();
        if (t._1() instanceof Gram gram) {
          if (gram.equals(TOTAL)) {
            into.addCount(t._2());
          } else {
            into.shortFragments().accept(gram.hi(), gram.lo(), t._2());
          }
        } else if (t._1() instanceof SingleRun r) {
          into.singleRuns().accept(r.hi(), r.lo(), t._2());
        } else if (t._1() instanceof SegmentOnly s) {
          int[] u = CutFragments.units(s.key());
          into.segmentOnly().add(u, 0, u.length, t._2());
        } else {
          int[] u = CutFragments.units((String) t._1());
          into.longFragments().add(u, 0, u.length, t._2());
        }
      }
    } finally {
      bg.destroy();
      latin.destroy();
    }
  }

  static Iterator<Tuple2<Object, Long>> cutPartition(Iterator<String> lines, long[] cohesive,
      List<String> latin, int gMax, int maxLength, boolean lowercase, boolean simplify) {
    UnitTable units = Lines.table(latin);
    GramIndex g = new GramIndex(cohesive.length / 2);
    for (int i = 0; i < cohesive.length; i += 2) {
      g.accept(cohesive[i], cohesive[i + 1], 1);
    }
    Cutter cutter = new Cutter(g, gMax, maxLength);
    Lines.feed(lines, new ClauseScanner(units, lowercase, simplify,
        (u, length, owned, start, end) -> cutter.clause(u, 0, length, owned, end)));
    Lines.checkNoNewUnits(units, latin);
    CutFragments f = cutter.fragments();
    // The fragments go out a slice at a time, so that the tuples of all of them (several times
    // the size of the packed fragments the cutter holds) never exist at once.
    List<Supplier<List<Tuple2<Object, Long>>>> slices = new ArrayList<>();
    for (int p = 0; p < SLICES; p++) {
      int part = p;
      slices.add(() -> {
        List<Tuple2<Object, Long>> out = new ArrayList<>();
        f.shortFragments().forEach(part, SLICES,
            (hi, lo, c) -> out.add(new Tuple2<>(new Gram(hi, lo), c)));
        f.singleRuns().forEach(part, SLICES,
            (hi, lo, c) -> out.add(new Tuple2<>(new SingleRun(hi, lo), c)));
        return out;
      });
    }
    slices.add(() -> {
      List<Tuple2<Object, Long>> out = new ArrayList<>();
      f.longFragments().forEach(
          (u, from, n, c) -> out.add(new Tuple2<>(CutFragments.key(u, from, from + n), c)));
      return out;
    });
    slices.add(() -> {
      List<Tuple2<Object, Long>> out = new ArrayList<>();
      f.segmentOnly().forEach((u, from, n, c) ->
          out.add(new Tuple2<>(new SegmentOnly(CutFragments.key(u, from, from + n)), c)));
      out.add(new Tuple2<>(TOTAL, f.count()));
      return out;
    });
    return flattened(slices.iterator());
  }

  /** The elements of the lists {@code parts} supply, each list made only when reached. */
  private static <T> Iterator<T> flattened(Iterator<Supplier<List<T>>> parts) {
    return new Iterator<>() {
      private Iterator<T> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && parts.hasNext()) {
          current = parts.next().get().iterator();
        }
        return current.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return current.next();
      }
    };
  }
}
