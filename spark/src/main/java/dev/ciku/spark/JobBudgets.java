package dev.ciku.spark;

import dev.ciku.count.CountOptions;

/**
 * The memory budgets of a job, all derived from {@code --driver-memory-budget} (default 1g), so
 * that one option sizes them (the figures are those of the default):
 *
 * <ul>
 *   <li>{@link #driver}: the budget itself, of the driver-side steps of {@code discover} and
 *       {@code domain} (core's {@code WordDiscoverer} and {@code DomainTermMiner}, as the CLI's
 *       {@code --memory});</li>
 *   <li>{@link #ranking}: a sixteenth of it (64 MB), the buffers in which {@code count --sort
 *       count} ranks the grams on the driver before they spill to {@code --temp-dir};</li>
 *   <li>{@link #taskRuns}: a quarter of it, at most {@link #MAX_TASK_RUNS} (256 MB), the sorted
 *       runs of a counting task and the spooled blocks of a counting or cutting task ({@link
 *       SparkNgramCounter.Settings#runMemory}). Tasks run in the executors, whose memory the
 *       driver's budget does not size: a budget over 1g leaves them at 256 MB, a smaller one
 *       (a driver that runs the tasks itself, as {@code local[N]} does) lowers them too.</li>
 * </ul>
 *
 * No output depends on these budgets, only memory and spilling do. Immutable.
 *
 * @param driver the budget in bytes, at least {@link CountOptions#MIN_MEMORY} (16 MiB)
 */
record JobBudgets(long driver) {
  /** The largest budget of a task's runs: 256 MB, a quarter of the default driver budget. */
  static final long MAX_TASK_RUNS = 256L << 20;

  /** The budgets of the default {@code --driver-memory-budget}, 1g. */
  static final JobBudgets DEFAULT = new JobBudgets(1L << 30);

  /** Checks that the budget is at least 16 MiB. */
  JobBudgets {
    dev.ciku.corpus.Params.atLeast("driver memory budget", driver, CountOptions.MIN_MEMORY);
  }

  /** The ranking buffers of {@code count --sort count} on the driver: a sixteenth. */
  long ranking() {
    return driver / 16;
  }

  /** A task's sorted runs and spooled blocks: a quarter, at most {@link #MAX_TASK_RUNS}. */
  long taskRuns() {
    return Math.min(MAX_TASK_RUNS, driver / 4);
  }
}
