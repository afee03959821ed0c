package dev.ciku.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on standard error, redrawn a few times a second by a daemon thread, for
 * reading a corpus of known or unknown size. Shown only when standard error is a terminal (the
 * launcher passes {@code -Dciku.stderr.tty=true}) and neither {@code --quiet} nor
 * {@code --no-progress} is given; for commands that stream their rows, not when those go to the
 * terminal too ({@link #stdoutIsTerminal}). Thread-safe: drawing, erasing and the lines of
 * {@link #println} hold one lock, {@link #TERMINAL}, whatever stream they are given.
 */
public final class Progress implements AutoCloseable {
  private final PrintStream err;
  private final LongSupplier done;
  private final long total;
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

  /** A bar not started, on an injected {@code clock} (nanoseconds); {@link #start} starts one. */
  Progress(PrintStream err, String stage, LongSupplier done, long total, LongSupplier clock) {
    this.err = err;
    this.stage = stage;
    this.done = done;
    this.total = total;
    this.clock = clock;
    this.start = clock.getAsLong();
    this.thread = new Thread(this::loop, "ciku-progress");
    this.thread.setDaemon(true);
  }

  /**
   * Starts a bar if {@code enabled}, else returns a bar that draws nothing.
   *
   * @param done bytes processed so far
   * @param total total bytes, or a negative number if unknown
   */
  public static Progress start(boolean enabled, PrintStream err, String stage, LongSupplier done,
      long total) {
    Progress p = new Progress(err, stage, done, total, System::nanoTime);
    if (enabled) {
      p.thread.start();
    } else {
      p.running = false;
    }
    return p;
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

  /** Renders one line for the given state (used by the thread, and by tests). */
  static String render(String stage, long done, long total, double seconds) {
    double mb = done / 1e6;
    double rate = seconds > 0 ? mb / seconds : 0;
    if (total > 0) {
      int width = 30;
      double f = Math.min(1.0, (double) done / total);
      int fill = (int) Math.round(f * width);
      return String.format(Locale.ROOT, "%-10s [%s%s] %3.0f%% %.1f/%.1f MB %.1f MB/s", stage,
          "=".repeat(fill), " ".repeat(width - fill), f * 100, mb, total / 1e6, rate);
    }
    return String.format(Locale.ROOT, "%-10s %.1f MB %.1f MB/s", stage, mb, rate);
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
    String bar = finished == 0 ? render(stage, d, total, (now - start) / 1e9)
        : render(stage, d, total, (finished - start) / 1e9)
            + String.format(Locale.ROOT, ", read; working %.0f s", (now - finished) / 1e9);
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
