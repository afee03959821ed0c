package dev.ciku.spark;

import dev.ciku.corpus.MalformedDataException;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.corpus.SkippedRecords;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.AccumulatorV2;

/**
 * The records of JSON-lines, TSV or CSV inputs without their text, counted by whatever pass reads
 * them: each split, once read to its end, puts its count ({@link Split}) into an accumulator
 * keyed by its partition; after a job's first pass the driver ({@link #report}) warns, once for
 * each input, as the CLI does, and fails if no record of any input holds the text.
 *
 * <p>Why the counts are exact whatever Spark does with the tasks: a split's count depends on its
 * bytes alone, and the accumulator puts it under the split's partition index, replacing what
 * was there. Spark merges the accumulator of every successful task, and may run a task more than
 * once (a retry after a failure, a speculative copy, a lost cached block or shuffle output
 * computed again, every later pass over the same texts): each such run puts the same count
 * under the same index, which replaces rather than adds. A failed or killed task's accumulator is
 * not merged, and a split read only in part puts nothing (its count would be short): if, after
 * the first pass, some partition has no count, the driver reads the texts once more, to the end
 * of each split, before it reports (the cost the first pass saves, paid only then).
 *
 * <p>Cost: a few counters per split, sent with each task's result, and held once on the driver
 * (the accumulator has no name, so Spark's task ends carry no copy of it). Not thread-safe: the driver
 * calls {@link #report} from one thread; the accumulator itself is ({@link Counts}).
 */
final class RecordTally implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Counts counts = new Counts();

  /**
   * What one split's records held: its partition, its file (as the split names it) and offset,
   * the counts, and CSV's warnings about quotes.
   */
  record Split(int partition, String file, long start, SkippedRecords skipped,
      List<String> warnings) implements Serializable {}

  /**
   * A tally registered with {@code sc}, empty. Without a name: Spark copies a named accumulator's
   * whole value into the end of each task that adds to it (for the UI, its status store and event
   * log), which here would be every split's count so far, so quadratic in the partitions.
   */
  static RecordTally register(JavaSparkContext sc) {
    RecordTally t = new RecordTally();
    sc.sc().register(t.counts);
    return t;
  }

  private RecordTally() {}

  /**
   * In a task: the split of this task's partition has been read to its end, with these counts
   * and warnings.
   */
  void put(String file, long start, SkippedRecords skipped, List<String> warnings) {
    counts.add(new Split(TaskContext.get().partitionId(), file, start, skipped,
        List.copyOf(warnings)));
  }

  /**
   * On the driver, once a pass has read every partition of {@code texts} (the records' texts,
   * whose splits {@link #put} their counts): {@code warnings} hears, for each input in order, the
   * CLI's warning about its records without the text and CSV's warnings about its quotes; if no
   * record of any input holds the text, this fails as the CLI does. Partitions without a count
   * (read in part only) are read again first.
   *
   * @param options how the records were read
   * @param names the name of each file in messages, by the path its splits give
   * @param inputs how many inputs there are (a file named twice is two)
   * @throws UncheckedIOException of a {@link MalformedDataException} if no record holds the text
   *     (exit 65, the CLI's line)
   */
  void report(JavaRDD<String> texts, ReaderOptions options, Map<String, String> names,
      int inputs, Consumer<String> warnings) {
    int partitions = texts.getNumPartitions();
    List<Split> splits = counts.complete(partitions);
    if (splits == null) {
      // A split read in part only puts no count: each is read to its end, which puts them all.
      texts.foreachPartition(it -> {
        while (it.hasNext()) {
          it.next();
        }
      });
      splits = counts.complete(partitions);
      if (splits == null) {
        throw new IllegalStateException("the records of " + partitions + " partition(s) were"
            + " read, but " + counts.size() + " counted");
      }
    }
    SkippedRecords all = new SkippedRecords(options);
    int i = 0;
    while (i < splits.size()) {
      // An input's splits follow its first, at offset 0 (a file named twice is two inputs).
      Split first = splits.get(i);
      SkippedRecords file = new SkippedRecords(options);
      List<String> quotes = new ArrayList<>();
      do {
        file.add(splits.get(i).skipped());
        quotes.addAll(splits.get(i).warnings());
        i++;
      } while (i < splits.size() && splits.get(i).start() > 0);
      String skipped = file.warning(names.getOrDefault(first.file(), first.file()));
      if (skipped != null) {
        warnings.accept(skipped);
      }
      quotes.forEach(warnings);
      all.add(file);
    }
    try {
      all.check(inputs == 1 ? names.values().iterator().next() : "the inputs");
    } catch (MalformedDataException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The splits' counts by partition index: adding or merging a count puts it under its index,
   * replacing an earlier one (see the class comment). Thread-safe: Spark merges tasks' copies on
   * its scheduler's thread while the driver may read.
   */
  static final class Counts extends AccumulatorV2<Split, List<Split>> {
    private static final long serialVersionUID = 1L;
    private final TreeMap<Integer, Split> byPartition = new TreeMap<>();

    @Override
    public synchronized boolean isZero() {
      return byPartition.isEmpty();
    }

    @Override
    public synchronized Counts copy() {
      Counts c = new Counts();
      c.byPartition.putAll(byPartition);
      return c;
    }

    @Override
    public synchronized void reset() {
      byPartition.clear();
    }

    @Override
    public synchronized void add(Split s) {
      byPartition.put(s.partition(), s);
    }

    @Override
    public void merge(AccumulatorV2<Split, List<Split>> other) {
      List<Split> theirs = other.value();
      synchronized (this) {
        for (Split s : theirs) {
          byPartition.put(s.partition(), s);
        }
      }
    }

    /** The counts in partition order. */
    @Override
    public synchronized List<Split> value() {
      return new ArrayList<>(byPartition.values());
    }

    /** How many partitions have a count. */
    synchronized int size() {
      return byPartition.size();
    }

    /**
     * The counts of partitions {@code 0..partitions-1} in order, or null if one has none (or a
     * count came from another partition).
     */
    synchronized List<Split> complete(int partitions) {
      if (byPartition.size() != partitions
          || partitions > 0 && byPartition.lastKey() != partitions - 1) {
        return null;
      }
      return new ArrayList<>(byPartition.values());
    }
  }
}
