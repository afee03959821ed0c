package dev.ciku.spark;

import java.io.File;
import java.nio.file.Path;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;

/**
 * Where a task puts its temporary files (spilled runs, spooled blocks): one of the local
 * directories of its executor's block manager, the directories Spark keeps its own shuffle files
 * and spills in. Spark makes them under {@code spark.local.dir} or what the cluster manager sets
 * in its place ({@code LOCAL_DIRS} on YARN, {@code SPARK_LOCAL_DIRS}, a Kubernetes volume), on
 * the executor's local disks, and deletes them when the executor stops, so a file left by a
 * killed task goes with them. Tasks are spread over the directories by partition number (one
 * directory per disk, when there are several).
 *
 * <p>Cost: a look-up in the executor's environment. Thread-safe (stateless).
 */
final class TaskTempDir {
  private TaskTempDir() {}

  /**
   * The directory of the task running on this thread (partition 0's outside a task, as on the
   * driver of a local master).
   *
   * @throws IllegalStateException if this JVM runs no Spark environment (no executor, no driver)
   */
  static Path current() {
    TaskContext task = TaskContext.get();
    return of(task == null ? 0 : task.partitionId());
  }

  /** The directory of a task of partition {@code partition}, in this JVM's Spark environment. */
  static Path of(int partition) {
    SparkEnv env = SparkEnv.get();
    if (env == null) {
      throw new IllegalStateException("no Spark environment in this JVM: no local directory");
    }
    File[] dirs = env.blockManager().diskBlockManager().localDirs();
    if (dirs.length == 0) {
      throw new IllegalStateException("the executor has no local directory (spark.local.dir)");
    }
    return dirs[Math.floorMod(partition, dirs.length)].toPath();
  }
}
