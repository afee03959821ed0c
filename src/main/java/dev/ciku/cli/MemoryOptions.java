package dev.ciku.cli;

import dev.ciku.corpus.NumberText;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Memory budget and spill directory for commands that count, or learn a vocabulary: one option,
 * its parsing and its checks against the heap for all of them; a command whose budget holds
 * other tables than counting's describes it in its own words ({@link #MemoryOptions(String)}).
 *
 * <p>A picocli mixin: picocli fills the fields while parsing, and the methods read them (nothing
 * is cached). Not thread-safe; one instance per command run, used on its thread.
 */
public final class MemoryOptions implements OptionTexts.Own {
  @Option(names = {"-m", "--memory"}, paramLabel = "SIZE",
      description = "Memory budget for counting (e.g. 256m, 2g; at least 16m; default: 256m,"
          + " or 25%% of the JVM heap if that is less, but not under 16m): hash tables, sorted"
          + " runs and merge buffers. Beyond it, work spills to --temp-dir. Output does not"
          + " depend on it. Each worker thread holds a few MB of buffers besides. (For 'count':"
          + " also the ranking of --sort count; -o and --sort ngram can take up to 3 times it for"
          + " a moment, so they take at most a third of what fits.)")
  String memory;

  @Mixin TempDirOptions temp;

  /** The command's help text, or null for the annotation's. */
  private final String text;

  /** {@code --memory} with the annotation's text (counting's budget). */
  public MemoryOptions() {
    this(null);
  }

  /**
   * {@code --memory} described by {@code text} (may hold {@code ${DEFAULT-VALUE}}; a {@code %}
   * written {@code %%}, as in any picocli text).
   */
  public MemoryOptions(String text) {
    this.text = text;
  }

  /**
   * Largest share of the JVM heap a budget may take: the rest holds what is not budgeted (the
   * reader's buffers, the candidates and scores of discovery).
   */
  static final double MAX_HEAP_SHARE = 0.8;

  /**
   * How many times its budget a run of 'count -o' or '--sort ngram' can take for a moment: it
   * is made whole with every prefix before it can spill (on news, with its punctuation, -m 100m
   * ran out of memory in a 154 MB heap; on text without punctuation up to 3 times).
   */
  public static final int WHOLE_RUNS_PEAK = 3;

  /** Smallest budget: 16 MiB. */
  static final long MIN_BUDGET = dev.ciku.count.CountOptions.MIN_MEMORY;

  /** Largest budget ever advised for: 2^50 bytes (1024t), beyond any machine's memory. */
  static final long MAX_BUDGET = 1L << 50;

  /** This machine's (or container's) physical memory in bytes, or 0 if unknown. */
  private static long machineMemory() {
    try {
      if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
          instanceof com.sun.management.OperatingSystemMXBean os) {
        return Math.max(0, os.getTotalMemorySize());
      }
    } catch (RuntimeException | LinkageError e) {
      // unknown: only the 2^50 bound applies
    }
    return 0;
  }

  /**
   * The budget in bytes, checked to fit in the JVM heap. A budget beyond the heap is a usage
   * error that says how much heap it needs, unless no machine could give it (more than this
   * machine's memory, or than {@link #MAX_BUDGET}).
   */
  public long bytes() {
    return bytes(Runtime.getRuntime().maxMemory());
  }

  /**
   * {@link #bytes()} for a JVM heap of {@code heap} bytes. The default is a quarter of the heap
   * (the sorted runs with every prefix that 'count -o' and '--sort ngram' make can briefly take
   * up to three times the budget on text without punctuation, which then fits), at most 256m
   * and at least {@link #MIN_BUDGET}; a heap too small for that is the same usage error as a
   * budget given that does not fit.
   */
  long bytes(long heap) {
    return bytes(heap, 1);
  }

  /**
   * {@link #bytes()} for a run that can take up to {@code peak} times its budget for a moment
   * ({@link #WHOLE_RUNS_PEAK} for 'count -o' and '--sort ngram'): the budget must fit
   * {@code peak} times in the share of the heap a budget may take.
   */
  public long bytes(int peak) {
    return bytes(Runtime.getRuntime().maxMemory(), peak);
  }

  /** {@link #bytes(int)} for a JVM heap of {@code heap} bytes. */
  long bytes(long heap, int peak) {
    long b = memory == null ? Math.max(MIN_BUDGET, Math.min(256L << 20, (long) (heap * 0.25)))
        : size("--memory", memory);
    double share = MAX_HEAP_SHARE / peak;
    if (b > heap * share) {
      String fits = (memory == null ? "the smallest --memory, 16m," : "--memory " + memory)
          + " does not fit in the JVM heap of " + (heap >> 20) + " MB (at most "
          + (long) (heap * share) / (1 << 20) + "m"
          + (peak > 1 ? " with -o or --sort ngram, which can take up to " + peak + " times it"
              : "") + ")";
      long heapNeeded = (long) Math.ceil(b / share);
      long machine = machineMemory();
      if (b > MAX_BUDGET || machine > 0 && heapNeeded > machine) {
        // No heap would hold it: advising one would be absurd (-Xmx10737418240g).
        throw new CikuException(CikuException.USAGE, fits + ", nor in "
            + (machine > 0 ? "this machine's memory of " + (machine >> 20) + " MB"
                : "any machine's memory"));
      }
      throw new CikuException(CikuException.USAGE, fits + "; give the JVM more, e.g."
          + " CIKU_OPTS=-Xmx" + ((heapNeeded + (1L << 30) - 1) >> 30) + "g");
    }
    return b;
  }

  /**
   * The memory budget {@code text} (512m, 2g, or bytes) given to {@code option}, in bytes:
   * a usage error if it is no size or under {@link #MIN_BUDGET}. The one parser of the CLI's
   * {@code --memory} and the Spark jobs' {@code --driver-memory-budget}.
   */
  public static long size(String option, String text) {
    long b;
    try {
      b = NumberText.parseSize(text);
    } catch (IllegalArgumentException e) {
      throw new CikuException(CikuException.USAGE, option + ": " + e.getMessage());
    }
    if (b < MIN_BUDGET) {
      throw new CikuException(CikuException.USAGE, option + " must be at least 16m");
    }
    return b;
  }

  /** The spill directory (checked to exist). */
  public Path tempDir() {
    return temp.tempDir();
  }

  @Override
  public Map<String, String> texts() {
    return OptionTexts.text("memory", text);
  }
}
