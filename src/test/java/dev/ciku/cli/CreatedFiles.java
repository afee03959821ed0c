package dev.ciku.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The files a run creates in a directory, seen by a watch service, for the tests that check a
 * run spills or copies there (the files are deleted by the time the run returns).
 */
final class CreatedFiles {
  private CreatedFiles() {}

  /** A run that throws checked exceptions. */
  interface Work {
    void run() throws Exception;
  }

  /** The names of the entries created directly in {@code dir} while {@code work} ran. */
  static List<String> in(Path dir, Work work) throws Exception {
    List<String> made = new ArrayList<>();
    try (WatchService watch = dir.getFileSystem().newWatchService()) {
      dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
      work.run();
      // The events of the run, however late the watcher reports them.
      for (WatchKey k = watch.poll(10, TimeUnit.SECONDS); k != null;
          k = watch.poll(200, TimeUnit.MILLISECONDS)) {
        for (WatchEvent<?> e : k.pollEvents()) {
          assertTrue(e.kind() != StandardWatchEventKinds.OVERFLOW, "too many events to tell");
          made.add(e.context().toString());
        }
        k.reset();
      }
    }
    return made;
  }
}
