package dev.ciku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void render_knownAndUnknownTotal() {
    assertEquals("reading    [===============               ]  50% 5.0/10.0 MB 2.5 MB/s",
        Progress.render("reading", 5_000_000, 10_000_000, 2.0));
    assertEquals("reading    [==============================] 100% 12.0/10.0 MB 0.0 MB/s",
        Progress.render("reading", 12_000_000, 10_000_000, 0));
    assertEquals("counting   3.0 MB 1.5 MB/s", Progress.render("counting", 3_000_000, -1, 2.0));
  }

  /**
   * Nothing to read (a store alone, empty files): no megabytes, which would stay at 0.0, but the
   * time the work has taken.
   */
  @Test
  void render_nothingToRead_showsTheTimeWorking() {
    assertEquals("discover   working 2 s", Progress.render("discover", 0, 0, 2.4));
    assertEquals("discover   working 0 s", Progress.render("discover", 0, 0, 0));
    assertEquals("discover   wor", Progress.render("discover", 0, 0, 2.4, "", 15));
  }

  /** Two or three passes over one input: the bar of the whole work, the figures of the pass. */
  @Test
  void render_severalPasses_barOfTheWorkFiguresOfThePass() {
    String[][] cases = {
        {"0", "[                              ]   0% 0.0/1.9 MB (pass 1 of 2) 0.0 MB/s"},
        {"950000", "[========                      ]  25% 1.0/1.9 MB (pass 1 of 2) 0.5 MB/s"},
        {"1900000", "[===============               ]  50% 1.9/1.9 MB (pass 1 of 2) 1.0 MB/s"},
        {"1900001", "[===============               ]  50% 0.0/1.9 MB (pass 2 of 2) 1.0 MB/s"},
        {"3800000", "[==============================] 100% 1.9/1.9 MB (pass 2 of 2) 1.9 MB/s"},
        {"4000000", "[==============================] 100% 1.9/1.9 MB (pass 2 of 2) 2.0 MB/s"}};
    for (String[] c : cases) {
      assertEquals("discover   " + c[1], Progress.render("discover", Long.parseLong(c[0]),
          3_800_000, 2, 2.0, "", Integer.MAX_VALUE), c[0]);
    }
    assertEquals("domain     [====================          ]  67% 1.9/1.9 MB (pass 2 of 3)"
        + " 3.8 MB/s", Progress.render("domain", 3_800_000, 5_700_000, 3, 1.0, "",
        Integer.MAX_VALUE));
  }

  /** A line never reaches the terminal's last column: the bar narrows, then goes, then cut. */
  @Test
  void render_narrowTerminal_lineFitsInOneLessThanItsColumns() {
    String suffix = ", read; working 1 s";
    assertEquals("discover   [===================] 100% 23.0/23.0 MB 10.0 MB/s, read; working 1 s",
        Progress.render("discover", 23_000_000, 23_000_000, 2.3, suffix, 80));
    assertEquals("discover   100% 23.0/23.0 MB 10.0 MB/s,",
        Progress.render("discover", 23_000_000, 23_000_000, 2.3, suffix, 40));
    assertEquals("counting   3.0 MB 1.5 M", Progress.render("counting", 3_000_000, -1, 2.0, "", 24));
    assertEquals("", Progress.render("counting", 3_000_000, -1, 2.0, "", 1));
    java.util.Random random = new java.util.Random(18);
    for (int i = 0; i < 1000; i++) {
      int columns = 1 + random.nextInt(120);
      long total = random.nextBoolean() ? -1 : 1 + random.nextInt(1 << 30);
      String line = Progress.render("stage" + random.nextInt(100000), random.nextInt(1 << 30),
          total, random.nextDouble() * 100, random.nextBoolean() ? suffix : "", columns);
      assertEquals(true, line.length() <= columns - 1, columns + ": " + line);
    }
  }

  /** The bar of a run at 80 columns, drawn after reading, fits in 79. */
  @Test
  void draw_eightyColumns_fitsTheTerminal() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    long[] now = {0};
    Progress p = new Progress(err, "discover", () -> 23_000_000L, 23_000_000L, 1, () -> now[0],
        80);
    now[0] = 2_300_000_000L;
    p.draw();
    now[0] = 3_300_000_000L;
    p.draw();
    String[] frames = bytes.toString(StandardCharsets.UTF_8).split("\r");
    assertEquals("discover   [===================] 100% 23.0/23.0 MB 10.0 MB/s, read; working 1 s"
        + "\u001b[K", frames[2]);
  }

  /** After the whole input is read, the reading rate stays and the time since is counted. */
  @Test
  void draw_afterTheTotalIsRead_rateFrozenWorkingTimeShown() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    long[] now = {0};
    long[] done = {5_000_000};
    Progress p = new Progress(err, "reading", () -> done[0], 10_000_000L, () -> now[0]);
    now[0] = 2_000_000_000L;
    p.draw();
    done[0] = 10_000_000;
    now[0] = 4_000_000_000L;
    p.draw();
    now[0] = 14_000_000_000L;
    p.draw();
    String[] frames = bytes.toString(StandardCharsets.UTF_8).split("\r");
    assertEquals("reading    [===============               ]  50% 5.0/10.0 MB 2.5 MB/s\u001b[K",
        frames[1]);
    assertEquals("reading    [==============================] 100% 10.0/10.0 MB 2.5 MB/s, read;"
        + " working 0 s\u001b[K", frames[2]);
    assertEquals("reading    [==============================] 100% 10.0/10.0 MB 2.5 MB/s, read;"
        + " working 10 s\u001b[K", frames[3]);
  }

  @Test
  void start_disabled_drawsNothing() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (Progress p = Progress.start(false, err, "reading", () -> 1, 10)) {
      p.stage("other");
    }
    assertEquals("", bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void logLine_whileABarIsShown_erasesTheBarFirst() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Log log = new Log(err, false);
    try (Progress p = Progress.start(false, err, "reading", () -> 5_000_000, 10_000_000)) {
      p.draw();
      log.info("one");
      log.warn("two");
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    String bar = out.substring(0, out.indexOf("\u001b[K") + 3);
    assertEquals(true, bar.startsWith("\rreading    [") && bar.contains("50%"), out);
    assertEquals(bar + "\r\u001b[Kciku: one" + System.lineSeparator() + "ciku: warning: two"
        + System.lineSeparator(), out);
  }

  /** Rows streamed to a terminal get no bar beside them; rows to a file, or to a pipe, do. */
  @Test
  void progress_streamingRowsToATerminal_noBar() {
    String err = System.getProperty("ciku.stderr.tty");
    String out = System.getProperty("ciku.stdout.tty");
    try {
      RunOptions run = new RunOptions();
      System.setProperty("ciku.stderr.tty", "true");
      System.setProperty("ciku.stdout.tty", "true");
      assertEquals(true, run.progress());
      assertEquals(false, run.progress(true), "rows to the terminal");
      assertEquals(true, run.progress(false), "rows to an -o file");
      System.setProperty("ciku.stdout.tty", "false");
      assertEquals(true, run.progress(true), "rows to a pipe");
      System.setProperty("ciku.stderr.tty", "false");
      assertEquals(false, run.progress(false), "stderr not a terminal");
    } finally {
      restore("ciku.stderr.tty", err);
      restore("ciku.stdout.tty", out);
    }
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
