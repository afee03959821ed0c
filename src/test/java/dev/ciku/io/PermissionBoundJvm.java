package dev.ciku.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The command line of a child JVM on this test class path whose file accesses the files'
 * permissions bind: as it is for a user, and for root with its override of them dropped
 * ({@code setpriv}, util-linux, with the capability to drop from the bounding set). Where root
 * cannot drop it, the test is skipped, as it was before it ran in a child JVM.
 */
public final class PermissionBoundJvm {
  private static final List<String> DROP =
      List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search");
  private static Boolean canDrop;

  private PermissionBoundJvm() {}

  /** {@code java -cp CLASSPATH mainClass args...}, bound by permissions, or the test skipped. */
  public static List<String> command(Class<?> mainClass, String... args) {
    List<String> command = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      Assumptions.assumeTrue(canDrop(), "root here cannot drop its permission override (setpriv)");
      command.addAll(DROP);
    }
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), mainClass.getName()));
    command.addAll(List.of(args));
    return command;
  }

  /** Whether {@code setpriv} runs here and may drop the override (asked once). */
  private static synchronized boolean canDrop() {
    if (canDrop == null) {
      List<String> probe = new ArrayList<>(DROP);
      probe.add("true");
      try {
        Process p = new ProcessBuilder(probe).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        canDrop = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
      } catch (IOException e) {
        canDrop = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        canDrop = false;
      }
    }
    return canDrop;
  }
}
