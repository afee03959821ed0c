package dev.ciku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ciku.discover.DiscoverOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The defaults of the discovery options are written twice: as picocli default strings on the
 * options, and as {@link DiscoverOptions#DEFAULT}, which the library's tests use. They must agree.
 */
class DiscoveryDefaultsTest {
  @Test
  void discover_noOptions_parsesToDiscoverOptionsDefault() {
    CommandLine cl = Main.newCommandLine("discover");
    cl.parseArgs("discover");
    DiscoverCommand d = cl.getSubcommands().get("discover").getCommand();
    assertEquals(DiscoverOptions.DEFAULT,
        d.reestimation.applyTo(d.discovery.toOptions(d.list.redundancy())));
  }
}
