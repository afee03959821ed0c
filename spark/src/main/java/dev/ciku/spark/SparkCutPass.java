package dev.ciku.spark;

import dev.ciku.count.GramIndex;
import dev.ciku.corpus.ClauseScanner;
import dev.ciku.corpus.UnitTable;
import dev.ciku.discover.WordDiscoverer;
import it.unimi.dsi.fastutil.objects.Object2LongMap;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * Discovery's cut pass on Spark: the cohesive set G and the unit table are broadcast, every
 * partition cuts its clauses with core's {@link WordDiscoverer.Cutter} and counts its fragments
 * (longer ones keyed by unit ids, as the cutter keys them) and runs of single-unit fragments,
 * the counts are summed by key across the cluster, and the driver receives one count per distinct
 * fragment and run.
 */
final class SparkCutPass implements WordDiscoverer.CutPass {
  private static final Gram TOTAL = new Gram(0, 0);

  /** Key of a run of single-unit fragments (packed like a gram). */
  record SingleRun(long hi, long lo) implements java.io.Serializable {}

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
  public long cut(GramIndex g, int gMax, int maxLength, UnitTable units,
      GramIndex shortFragments, Object2LongOpenHashMap<String> longFragments,
      GramIndex singleRuns) {
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
    long total = 0;
    try {
      Iterator<Tuple2<Object, Long>> it = lines
          .mapPartitionsToPair(p -> cutPartition(p, bg.value(), latin.value(), gMax, maxLength, lc, simp))
          .reduceByKey(Long::sum, reduce)
          .toLocalIterator();
      while (it.hasNext()) {
        Tuple2<Object, Long> t = it.next();
        if (t._1() instanceof Gram gram) {
          if (gram.equals(TOTAL)) {
            total += t._2();
          } else {
            shortFragments.accept(gram.hi(), gram.lo(), t._2());
          }
        } else if (t._1() instanceof SingleRun r) {
          singleRuns.accept(r.hi(), r.lo(), t._2());
        } else {
          longFragments.addTo((String) t._1(), t._2());
        }
      }
    } finally {
      bg.destroy();
      latin.destroy();
    }
    return total;
  }

  static Iterator<Tuple2<Object, Long>> cutPartition(Iterator<String> lines, long[] cohesive,
      List<String> latin, int gMax, int maxLength, boolean lowercase, boolean simplify) {
    UnitTable units = Lines.table(latin);
    GramIndex g = new GramIndex(cohesive.length / 2);
    for (int i = 0; i < cohesive.length; i += 2) {
      g.accept(cohesive[i], cohesive[i + 1], 1);
    }
    WordDiscoverer.Cutter cutter = new WordDiscoverer.Cutter(g, gMax, maxLength);
    Lines.feed(lines, new ClauseScanner(units, lowercase, simplify,
        (u, length, owned, start, end) -> cutter.clause(u, 0, length, owned, end)));
    Lines.checkNoNewUnits(units, latin);
    GramIndex shortFragments = cutter.shortFragments();
    Object2LongOpenHashMap<String> longFragments = cutter.longFragments();
    List<Tuple2<Object, Long>> out = new ArrayList<>(
        shortFragments.size() + longFragments.size() + cutter.singleRuns().size() + 1);
    shortFragments.forEach((hi, lo, c) -> out.add(new Tuple2<>(new Gram(hi, lo), c)));
    cutter.singleRuns().forEach((hi, lo, c) -> out.add(new Tuple2<>(new SingleRun(hi, lo), c)));
    for (Object2LongMap.Entry<String> e : longFragments.object2LongEntrySet()) {
      out.add(new Tuple2<>(e.getKey(), e.getLongValue()));
    }
    out.add(new Tuple2<>(TOTAL, cutter.fragments()));
    return out.iterator();
  }
}
