package dev.ciku.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on standard error, redrawn a few times a second by a daemon thread, for
 * reading a corpus of known or unknown size, never wider than the terminal (a wrapped line could
 * not be erased). Shown only when standard error is a terminal (the
 * launcher passes {@code -Dciku.stderr.tty=true}) and neither {@code --quiet} nor
 * {@code --no-progress} is given; for commands that stream their rows, not when those go to the
 * terminal too ({@link #stdoutIsTerminal}). Thread-safe: drawing, erasing and the lines of
 * {@link #println} hold one lock, {@link #TERMINAL}, whatever stream they are given.
 */
public final class Progress implements AutoCloseable {
  private final PrintStream err;
  /** Width of the terminal: lines are cut to one less. */
  private final int columns;
  private final LongSupplier done;
  private final long total;
  /** Passes over the input that {@link #total} adds up (1 or more). */
  private final int passes;
  private final LongSupplier clock;
  private final Thread thread;
  private final long start;
  /** Clock reading when a known total was first reached (0: not yet); the drawing thread's. */
  private long finished;
  private volatile String stage;
  private volatile boolean running = true;
  /**
   * Guards {@link #shown} and the writing of bars and lines: the terminal is one, whichever
   * {@code PrintStream} (standard error, a wrapper of it) a bar or a message is given.
   */
  private static final Object TERMINAL = new Object();
  /** Whether a bar is on the terminal line now; read and written under {@link #TERMINAL}. */
  private static boolean shown;

  /** A bar not started, on an injected {@code clock} (nanoseconds), of any width. */
  Progress(PrintStream err, String stage, LongSupplier done, long total, LongSupplier clock) {
    this(err, stage, done, total, 1, clock, Integer.MAX_VALUE);
  }

  /**
   * A bar not started, on an injected {@code clock} (nanoseconds), for a terminal of
   * {@code columns} columns (a line is at most {@code columns - 1} characters, so it never
   * wraps); {@link #start} starts one.
   */
  Progress(PrintStream err, String stage, LongSupplier done, long total, int passes,
      LongSupplier clock, int columns) {
    this.columns = columns;
    this.err = err;
    this.stage = stage;
    this.done = done;
    this.total = total;
    this.passes = Math.max(1, passes);
    this.clock = clock;
    this.start = clock.getAsLong();
    this.thread = new Thread(this::loop, "ciku-progress");
    this.thread.setDaemon(true);
  }

  /**
   * Starts a bar if {@code enabled}, else returns a bar that draws nothing.
   *
   * @param done bytes processed so far
   * @param total total bytes, 0 if there is nothing to read (the bar then shows the time
   *     working), or a negative number if unknown
   */
  public static Progress start(boolean enabled, PrintStream err, String stage, LongSupplier done,
      long total) {
    return start(enabled, err, stage, done, total, 1);
  }

  /**
   * As {@link #start(boolean, PrintStream, String, LongSupplier, long)} for work that reads an
   * input of {@code size} bytes {@code passes} times ({@code done} counts the bytes of every
   * pass): the bar shows the whole work, the figures the pass under way and the input's size.
   */
  public static Progress start(boolean enabled, PrintStream err, String stage, LongSupplier done,
      long size, int passes) {
    Progress p = new Progress(err, stage, done, size > 0 ? size * passes : size, passes,
        System::nanoTime, terminalColumns());
    if (enabled) {
      p.thread.start();
    } else {
      p.running = false;
    }
    return p;
  }

  /**
   * The width of the terminal on standard error as the launcher found it
   * ({@code -Dciku.stderr.columns}, from {@code COLUMNS} or {@code stty}), or 80 if unknown.
   */
  static int terminalColumns() {
    int columns = Integer.getInteger("ciku.stderr.columns", 0);
    return columns > 0 ? columns : 80;
  }

  /** Whether the launcher reported standard error to be a terminal. */
  public static boolean stderrIsTerminal() {
    return Boolean.getBoolean("ciku.stderr.tty");
  }

  /**
   * Whether the launcher reported standard output to be a terminal: a command that writes its
   * rows while the bar runs (segment, count) draws no bar then, or the two would interleave on
   * one screen.
   */
  public static boolean stdoutIsTerminal() {
    return Boolean.getBoolean("ciku.stdout.tty");
  }

  /** Changes the label shown in front of the bar. */
  public void stage(String name) {
    this.stage = name;
  }

  /** Renders one line for the given state, of any width (tests). */
  static String render(String stage, long done, long total, double seconds) {
    return render(stage, done, total, 1, seconds, "", Integer.MAX_VALUE);
  }

  /** The longest bar, in characters between the brackets. */
  private static final int BAR = 30;
  /** The shortest bar drawn; with less room the figures alone are shown. */
  private static final int MIN_BAR = 10;

  /**
   * Renders one line for the given state followed by {@code suffix}, at most {@code columns - 1}
   * characters: the bar narrows to fit, goes when fewer than {@value #MIN_BAR} characters are
   * left for it, and then the line is cut.
   */
  static String render(String stage, long done, long total, double seconds, String suffix,
      int columns) {
    return render(stage, done, total, 1, seconds, suffix, columns);
  }

  /**
   * As {@link #render(String, long, long, double, String, int)} for {@code passes} passes over
   * an input of {@code total / passes} bytes: the percentage and the bar are of the whole work,
   * the megabytes of the pass under way, named when there are several. A {@code total} of 0
   * (nothing to read) shows the seconds the work has taken; a negative one (unknown size) the
   * megabytes read.
   */
  static String render(String stage, long done, long total, int passes, double seconds,
      String suffix, int columns) {
    double mb = done / 1e6;
    double rate = seconds > 0 ? mb / seconds : 0;
    String label = String.format(Locale.ROOT, "%-10s ", stage);
    String line;
    if (total > 0) {
      double f = Math.min(1.0, (double) done / total);
      long size = total / passes;
      int pass = (int) Math.min(passes, Math.max(1, (done + size - 1) / size));
      long inPass = passes == 1 ? done : Math.min(size, done - (pass - 1) * size);
      String figures = String.format(Locale.ROOT, " %3.0f%% %.1f/%.1f MB%s %.1f MB/s", f * 100,
          inPass / 1e6, size / 1e6, passes > 1 ? " (pass " + pass + " of " + passes + ")" : "",
          rate) + suffix;
      long room = (long) columns - 1 - label.length() - figures.length() - 2;
      int width = (int) Math.min(BAR, room);
      if (width >= MIN_BAR) {
        int fill = (int) Math.round(f * width);
        line = label + "[" + "=".repeat(fill) + " ".repeat(width - fill) + "]" + figures;
      } else {
        line = label + figures.substring(1);
      }
    } else if (total == 0) {
      // Nothing to read (a store alone, empty files): the megabytes would stay at 0.0.
      line = label + String.format(Locale.ROOT, "working %.0f s", Math.floor(seconds)) + suffix;
    } else {
      line = label + String.format(Locale.ROOT, "%.1f MB %.1f MB/s", mb, rate) + suffix;
    }
    return line.length() < columns ? line : line.substring(0, Math.max(0, columns - 1));
  }

  private void loop() {
    while (running) {
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      }
      if (!running) {
        return;
      }
      draw();
    }
  }

  /**
   * Draws the bar once (the thread does it four times a second). Once a known total is read, the
   * rate stays the reading's and the time since is shown: the stages after reading (learning,
   * scoring) read nothing, and a falling rate would look like a stall.
   */
  void draw() {
    long now = clock.getAsLong();
    long d = done.getAsLong();
    if (total > 0 && d >= total && finished == 0) {
      finished = now;
    }
    String bar = finished == 0 ? render(stage, d, total, passes, (now - start) / 1e9, "", columns)
        : render(stage, d, total, passes, (finished - start) / 1e9,
            String.format(Locale.ROOT, ", read; working %.0f s", (now - finished) / 1e9), columns);
    String line = "\r" + bar + "\u001b[K";
    synchronized (TERMINAL) {
      err.print(line);
      err.flush();
      shown = true;
    }
  }

  /**
   * Prints a line of text on {@code err}, first erasing a bar that is on the line (the bar is
   * drawn again below it at its next tick), so that messages never run into the bar.
   */
  static void println(PrintStream err, String text) {
    synchronized (TERMINAL) {
      if (shown) {
        err.print("\r\u001b[K");
        shown = false;
      }
      err.println(text);
      err.flush();
    }
  }

  /** Stops and erases the bar. */
  @Override
  public void close() {
    if (!running) {
      return;
    }
    running = false;
    thread.interrupt();
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (TERMINAL) {
      err.print("\r\u001b[K");
      err.flush();
      shown = false;
    }
  }
}
