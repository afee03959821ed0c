package dev.ciku;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages follow the data flow (README, "Development"): each may use only packages of a
 * lower layer, so no stage reaches forward to a later one or sideways to a sibling, and only
 * the command line sees {@code cli}. Read from the main sources: references in code, not in
 * comments or strings.
 */
class PackageLayersTest {
  private static final Map<String, Integer> LAYER = Map.ofEntries(
      Map.entry("io", 0), Map.entry("corpus", 1), Map.entry("count", 2), Map.entry("store", 3),
      Map.entry("score", 3), Map.entry("discover", 4), Map.entry("segment", 4),
      Map.entry("eval", 4), Map.entry("domain", 5), Map.entry("output", 6), Map.entry("cli", 7));
  private static final Path MAIN = Path.of("src/main/java/dev/ciku");
  private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.ciku\\.([a-z]+)\\.");
  /** Comments and string literals, where a package name is no dependency. */
  private static final Pattern NOT_CODE = Pattern.compile(
      "/\\*.*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\])*\"", Pattern.DOTALL);

  /** The packages each source file of {@code pkg} refers to in code, other than its own. */
  private static List<String> violations(String pkg) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(MAIN.resolve(pkg))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String code = NOT_CODE.matcher(Files.readString(f, StandardCharsets.UTF_8))
            .replaceAll(" ");
        Matcher m = REFERENCE.matcher(code);
        TreeSet<String> bad = new TreeSet<>();
        while (m.find()) {
          String dep = m.group(1);
          if (!dep.equals(pkg) && LAYER.getOrDefault(dep, 99) >= LAYER.get(pkg)) {
            bad.add(dep);
          }
        }
        if (!bad.isEmpty()) {
          out.add(MAIN.relativize(f) + " uses " + bad);
        }
      }
    }
    return out;
  }

  @Test
  void mainPackages_everyDirectory_knownToTheLayers() throws IOException {
    try (Stream<Path> dirs = Files.list(MAIN)) {
      List<String> unknown = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(p -> !LAYER.containsKey(p)).toList();
      assertEquals(List.of(), unknown, "a new package needs its place in the flow");
    }
  }

  @Test
  void mainPackages_referencesInCode_onlyToLowerLayers() throws IOException {
    List<String> all = new ArrayList<>();
    for (String pkg : LAYER.keySet()) {
      all.addAll(violations(pkg));
    }
    assertEquals(List.of(), all.stream().sorted().toList());
  }

  @Test
  void notCode_commentsAndStrings_removed() {
    String code = "import dev.ciku.corpus.X; /* dev.ciku.cli.A */ // dev.ciku.cli.B\n"
        + "String s = \"dev.ciku.cli.C \\\" dev.ciku.cli.D\"; dev.ciku.output.Y y;";
    Matcher m = REFERENCE.matcher(NOT_CODE.matcher(code).replaceAll(" "));
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group(1));
    }
    assertEquals(List.of("corpus", "output"), found);
    assertTrue(LAYER.get("output") > LAYER.get("domain"));
  }
}
