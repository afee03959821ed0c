package dev.ciku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ciku.output.OutputFormat;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options that several commands share are declared once, in a mixin, so that their names,
 * checks and messages cannot drift apart; a command words such an option its own way, or starts
 * it from its own default, only through the mixin ({@link OptionTexts}, {@link TopOption}).
 */
class SharedOptionsTest {
  private static final String LAWS = Path.of("corpora-samples", "laws-zh.txt").toString();

  @RegisterExtension final CapturedStreams io = new CapturedStreams();

  /**
   * Options that two commands declare apart because they mean different things there, each with
   * why: the rest must come from one class.
   */
  private static final Map<String, String> DIFFERENT = Map.of(
      "--order", "count counts 1..6 units (default 6); discovery's counts 3..6 (default 4)",
      "--min-count", "count's prunes grams (default 2); discovery's is adaptive (0); vocab's"
          + " keeps words (3)",
      "--min-pmi", "discovery's cohesion of 2-unit grams; vocab's cutting threshold",
      "--max-length", "discovery's in units (12); vocab's in characters (8)",
      "--min-gain", "re-estimation's saving a use (3.0); vocab's per occurrence (1.5)",
      "--glue-gain", "re-estimation's bar for function-word glue (1.25); vocab's (0.75)",
      "--redundancy", "discover's is on (6.0); domain's is off (0): compound terms stay whole",
      "--output", "count's is a store, a file that is never standard output",
      "--gold", "eval seg's is a segmented text; eval words' are lexicons, repeatable",
      "--help", "eval's subcommands take picocli's standard help with --version");

  /** Every subcommand's command line, eval's subcommands by their qualified names. */
  private static Map<String, CommandLine> commands() {
    Map<String, CommandLine> all = new LinkedHashMap<>();
    Main.newCommandLine().getSubcommands().forEach((name, cl) -> {
      if (!cl.getCommandSpec().usageMessage().hidden() && !name.equals("help")) {
        all.put(name, cl);
        cl.getSubcommands().forEach((sub, s) -> all.put(name + " " + sub, s));
      }
    });
    return all;
  }

  /** The class that declares {@code o}'s field (a command's or a mixin's). */
  private static String declaredIn(OptionSpec o) {
    return o.userObject() instanceof Field f ? f.getDeclaringClass().getName()
        : String.valueOf(o.userObject());
  }

  @Test
  void options_ofEveryCommand_eachSharedOneDeclaredInOneClass() {
    Map<String, Set<String>> classes = new TreeMap<>();
    Map<String, List<String>> users = new TreeMap<>();
    commands().forEach((name, cl) -> {
      for (OptionSpec o : cl.getCommandSpec().options()) {
        classes.computeIfAbsent(o.longestName(), k -> new TreeSet<>()).add(declaredIn(o));
        users.computeIfAbsent(o.longestName(), k -> new ArrayList<>()).add(name);
      }
    });
    List<String> drifting = new ArrayList<>();
    classes.forEach((option, declaring) -> {
      if (declaring.size() > 1 && !DIFFERENT.containsKey(option)) {
        drifting.add(option + " " + users.get(option) + " declared in " + declaring);
      }
    });
    assertEquals(List.of(), drifting);
    // The exceptions are real: each is still declared apart (else it belongs in a mixin).
    DIFFERENT.forEach((option, why) -> assertTrue(classes.get(option).size() > 1,
        option + " is declared once now: " + why));
  }

  @Test
  void formatError_ofEveryCommandWithFormat_oneSentenceListingItsFormats() {
    Map<String, String> seen = new TreeMap<>();
    commands().forEach((name, cl) -> {
      if (cl.getCommandSpec().findOption("--format") == null) {
        return;
      }
      List<String> args = new ArrayList<>(List.of(name.split(" ")));
      if (name.startsWith("eval")) {
        args.addAll(name.endsWith("seg") ? List.of("--gold", LAWS, "--pred", LAWS)
            : List.of(LAWS, "--gold", LAWS));
      } else {
        args.add(LAWS);
      }
      args.addAll(List.of("--format", "bogus"));
      io.reset();
      assertEquals(CikuException.USAGE, Main.execute(args.toArray(String[]::new)), name);
      String formats = String.join(",", ((RowOptions.Formats) cl.getCommand()).formats().stream()
          .map(f -> f.name().toLowerCase(java.util.Locale.ROOT)).toList());
      assertEquals(List.of("ciku " + name + ": --format must be one of " + formats
          + ", not 'bogus'"), io.errLines(), name);
      seen.put(name, formats);
    });
    // The commands that take --format, with the formats each accepts.
    assertEquals(Map.of("count", "tsv,jsonl", "discover", "tsv,jsonl,dict", "domain", "tsv,jsonl",
        "eval seg", "tsv,jsonl", "eval words", "tsv,jsonl", "stats", "tsv,jsonl,json", "vocab",
        "tsv,jsonl,dict"), seen);
  }

  @Test
  void top_ofEveryCommand_oneLabelOneCheckEachCommandsDefault() {
    Map<String, Integer> defaults = Map.of("count", 0, "discover", 0, "domain", 0,
        "vocab", 200_000);
    Map<String, Integer> seen = new TreeMap<>();
    commands().forEach((name, cl) -> {
      OptionSpec top = cl.getCommandSpec().findOption("--top");
      if (top == null) {
        return;
      }
      assertEquals("K", top.paramLabel(), name);
      seen.put(name, defaultOf(name, "--top"));
      io.reset();
      assertEquals(CikuException.USAGE, Main.execute(name, "--top", "-1", LAWS), name);
      assertEquals(List.of("ciku " + name + ": --top must be 0 or more"), io.errLines(), name);
    });
    assertEquals(new TreeMap<>(defaults), seen);
  }

  /** The value {@code option} of the subcommand {@code name} has when it is not given. */
  private static <T> T defaultOf(String name, String option) {
    CommandLine cl = Main.newCommandLine(name);
    cl.parseArgs(name);
    return cl.getSubcommands().get(name).getCommandSpec().findOption(option).getValue();
  }

  @Test
  void optionTexts_sharedOptions_eachCommandsOwnWording() {
    Map<String, CommandLine> all = commands();
    Map<String, String> top = new TreeMap<>();
    Map<String, String> explain = new TreeMap<>();
    all.forEach((name, cl) -> {
      OptionSpec t = cl.getCommandSpec().findOption("--top");
      if (t != null) {
        top.put(name, String.join(" ", t.description()));
      }
      OptionSpec e = cl.getCommandSpec().findOption("--explain");
      if (e != null) {
        explain.put(name, String.join(" ", e.description()));
      }
    });
    assertEquals(Set.of("count", "discover", "domain", "vocab"), top.keySet());
    assertTrue(top.get("count").contains("first K rows"), top::toString);
    assertTrue(top.get("discover").contains("best K words"), top::toString);
    assertTrue(top.get("domain").contains("best K terms"), top::toString);
    // vocab's text names its default, which is the one the option starts from.
    assertTrue(top.get("vocab").contains("(default 200000; 0: all)"), top::toString);
    assertEquals(Set.of("discover", "domain"), explain.keySet());
    assertTrue(explain.get("discover").contains("known (--known, --new-only)"), explain::toString);
    assertTrue(explain.get("domain").contains("measure (--measure-glue)"), explain::toString);
    for (String text : explain.values()) {
      assertTrue(text.endsWith("Repeatable, or comma-separated (, or \uFF0C)."), text);
    }
  }

  @Test
  void output_ofEveryCommandWritingToAFile_oneText() {
    Map<String, String> texts = new TreeMap<>();
    commands().forEach((name, cl) -> {
      OptionSpec o = cl.getCommandSpec().findOption("-o");
      if (o != null && !name.equals("count")) {
        texts.put(name, o.paramLabel() + ": " + String.join(" ", o.description()));
      }
    });
    assertTrue(texts.containsKey("segment"), texts::toString);
    assertEquals(1, new TreeSet<>(texts.values()).size(), texts::toString);
    String count = String.join(" ", commands().get("count").getCommandSpec().findOption("-o")
        .description());
    assertNotEquals(texts.get("segment"), count);
  }

  /** A command that words its shared options its own way through their mixins, as a job may. */
  @CommandLine.Command(name = "own")
  static final class OwnTexts implements RowOptions.Formats {
    @CommandLine.Mixin RowOptions rows = new RowOptions("Rows: FORMAT.");
    @CommandLine.Mixin OutputFileOption out = new OutputFileOption("Output: FILE.");
    @CommandLine.Mixin TempDirOptions temp = new TempDirOptions("Spills: DIR.");
    @CommandLine.Mixin WordListOptions list = new WordListOptions("Known: LEXICON.");
    @CommandLine.Mixin TermFilterOptions filter = new TermFilterOptions("Stopwords: FILE.", null);

    @Override
    public EnumSet<OutputFormat> formats() {
      return EnumSet.of(OutputFormat.TSV, OutputFormat.JSONL);
    }
  }

  /** The help texts of the options of {@code command}, by longest name. */
  private static Map<String, String> texts(Object command) {
    CommandLine cl = new CommandLine(command);
    OptionTexts.apply(cl);
    Map<String, String> texts = new TreeMap<>();
    for (OptionSpec o : cl.getCommandSpec().options()) {
      texts.put(o.longestName(), String.join(" ", o.description()));
    }
    return texts;
  }

  @Test
  void optionTexts_mixinsMadeWithTexts_replaceTheirOptionsTextsOnly() {
    Map<String, String> own = texts(new OwnTexts());
    Map<String, String> annotations = texts(new Object() {
      @CommandLine.Mixin RowOptions rows;
      @CommandLine.Mixin OutputFileOption out;
      @CommandLine.Mixin TempDirOptions temp;
      @CommandLine.Mixin WordListOptions list;
      @CommandLine.Mixin TermFilterOptions filter;
    });
    // --format's text replaces the one the command's formats give; --generic-heads, made
    // without one, keeps the annotation's.
    Map<String, String> expected = new TreeMap<>(annotations);
    expected.putAll(Map.of("--format", "Rows: FORMAT.", "--output", "Output: FILE.",
        "--temp-dir", "Spills: DIR.", "--known", "Known: LEXICON.",
        "--stopwords", "Stopwords: FILE."));
    assertEquals(expected, own);
  }

  @Test
  void redundancy_discoverAndDomain_eachItsOwnDefault() {
    assertEquals(6.0, (double) defaultOf("discover", "--redundancy"));
    assertEquals(0.0, (double) defaultOf("domain", "--redundancy"));
  }
}
