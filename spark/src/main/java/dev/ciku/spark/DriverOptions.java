package dev.ciku.spark;

import dev.ciku.cli.MemoryOptions;
import dev.ciku.cli.TempDirOptions;
import dev.ciku.io.TempFiles;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The driver's resources: {@code --driver-memory-budget}, from which every budget of a job is
 * derived ({@link JobBudgets}), and {@code --temp-dir}, where the driver spills (the CLI's
 * {@link TempDirOptions}: default {@code $TMPDIR}, else {@code java.io.tmpdir}). Tasks spill in
 * their executor's Spark local directories instead ({@link TaskTempDir}).
 *
 * <p>A picocli mixin: picocli fills the fields while parsing, and the methods read them (nothing
 * is cached). Not thread-safe; one instance per job run, used on the driver's thread.
 */
final class DriverOptions {
  /** The help of {@code --temp-dir} in the jobs: the driver's directory, not the tasks'. */
  private static final String TEMP_DIR_HELP = "Where the driver's spilled data go (default:"
      + " $TMPDIR, else java.io.tmpdir); deleted at the end, also on Ctrl-C. Tasks spill in their"
      + " executor's Spark local directories (spark.local.dir).";

  @Option(names = "--driver-memory-budget", paramLabel = "SIZE", defaultValue = "1g",
      description = "Memory budget of the driver, written as 'ciku --memory' (e.g. 512m, 4g; at"
          + " least 16m; default: ${DEFAULT-VALUE}): the driver-side steps of discover and"
          + " domain take all of it, the ranking of count --sort count a sixteenth; a task's"
          + " sorted runs and spooled blocks take a quarter of it, at most 256m.")
  String driverMemoryBudget;

  @Mixin TempDirOptions temp = new TempDirOptions(TEMP_DIR_HELP);

  /** The budgets of {@code --driver-memory-budget}; no size or under 16m is a usage error. */
  JobBudgets budgets() {
    return new JobBudgets(MemoryOptions.size("--driver-memory-budget", driverMemoryBudget));
  }

  /**
   * The driver's spill directory, written to once (a file made and deleted) before any job: one
   * that does not exist, is no directory or takes no file is an I/O error (74) now rather than
   * after the cluster's work.
   */
  Path tempDir() throws IOException {
    Path dir = temp.tempDir();
    TempFiles.delete(TempFiles.create(dir, "ciku-spark-", ".probe"));
    return dir;
  }
}
