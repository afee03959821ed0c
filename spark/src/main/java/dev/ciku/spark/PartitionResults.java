package dev.ciku.spark;

import java.util.Iterator;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;

/**
 * Hands the driver the elements of an RDD one partition at a time, in partition order, so that
 * the driver holds what it keeps of them plus one partition's elements: {@code collect()} would
 * hold every partition's at once (and count all of them against {@code
 * spark.driver.maxResultSize}).
 *
 * <p>Cost: the partitions are computed once, in parallel (one job), and their elements kept in
 * the executors' storage (memory, then local disk) until the last partition has been read; then
 * one short job per partition fetches its elements. Call on the driver's thread; holds no state.
 */
final class PartitionResults {
  private PartitionResults() {}

  /** Gives {@code action} every element of {@code rdd}, partition after partition, in order. */
  static <T> void forEach(JavaRDD<T> rdd, Consumer<? super T> action) {
    rdd.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      // Every partition computed by one job, in parallel; toLocalIterator alone would compute
      // them one after the other, one job each.
      rdd.count();
      Iterator<T> it = rdd.toLocalIterator();
      while (it.hasNext()) {
        action.accept(it.next());
      }
    } finally {
      rdd.unpersist(false);
    }
  }
}
