package dev.ciku.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures {@link System#out} and {@link System#err} around each test, for tests that run the
 * command line in-process. Register with {@code @RegisterExtension final CapturedStreams io = new
 * CapturedStreams();}.
 */
final class CapturedStreams implements BeforeEachCallback, AfterEachCallback {
  static {
    // Output notes the JVM's own System.out when it is initialised and writes to the raw file
    // descriptor while System.out is that stream: initialise it before any test swaps the stream,
    // or a test class run alone would see its own capture as the "original" and lose the output.
    try {
      Class.forName("dev.ciku.output.Output", true, CapturedStreams.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  @Override
  public void beforeEach(ExtensionContext context) {
    savedOut = System.out;
    savedErr = System.err;
    out.reset();
    err.reset();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  /** What was written to standard output. */
  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  /** What was written to standard error. */
  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Forgets what was captured so far (for tests that run several commands). */
  void reset() {
    out.reset();
    err.reset();
  }

  /** Standard output, line by line. */
  List<String> outLines() {
    return out().lines().toList();
  }

  /** Standard error, line by line. */
  List<String> errLines() {
    return err().lines().toList();
  }
}
