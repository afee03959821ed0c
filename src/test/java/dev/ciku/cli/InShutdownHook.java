package dev.ciku.cli;

import dev.ciku.io.TempFiles;

/**
 * Runs the command line of its arguments inside a JVM shutdown hook, as work still running when
 * a signal arrives does, and prints whether the shutdown was seen before and during it, and the
 * exit code (for {@link OutputCliTest}, in a child JVM).
 */
final class InShutdownHook {
  private InShutdownHook() {}

  public static void main(String[] args) {
    System.out.println("before: " + TempFiles.isShuttingDown());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("during: " + TempFiles.isShuttingDown());
      System.out.println("exit: " + Main.execute(args));
    }));
  }
}
