package dev.ciku.cli;

import dev.ciku.discover.DiscoverOptions;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The options of new-word discovery that {@code ciku domain} does not have ({@code ciku discover}
 * and its Spark job): re-estimation with its gain test ({@code --min-gain}, {@code --glue-gain}),
 * the backtracking of often isolated fragments ({@code --isolated}) and the measure-word and
 * phrase-suffix glue tests ({@code --number-glue}, {@code --suffix-glue}). A picocli mixin,
 * separate from {@link DiscoveryOptions}. Plain configuration holder; not thread-safe. The
 * defaults are picocli's default strings, which {@code DiscoveryDefaultsTest} compares with
 * {@link DiscoverOptions#DEFAULT}.
 */
public final class ReestimationOptions {
  @Option(names = "--reestimate", paramLabel = "ROUNDS", defaultValue = "3",
      description = "Re-estimation: segment the cut corpus with the words this many times,"
          + " recount them by use, drop those used less than the min count and merge strongly"
          + " associated neighbours (0: off; default: ${DEFAULT-VALUE}). Needs a corpus: skipped"
          + " when the words come from a store alone (ciku discover --counts without INPUT).")
  int rounds;

  @Option(names = "--merge-pmi", paramLabel = "NATS", defaultValue = "2.5",
      description = "Association ln(c(ab)N/(c(a)c(b))) two adjacent words need to be merged into a"
          + " 2-unit word during re-estimation (default: ${DEFAULT-VALUE}).")
  double mergePmi;

  @Option(names = "--merge-step", paramLabel = "NATS", defaultValue = "4.0",
      description = "Added to --merge-pmi per unit of the merged word beyond 2"
          + " (default: ${DEFAULT-VALUE}).")
  double mergeStep;

  @Option(names = "--min-gain", paramLabel = "NATS", defaultValue = "3.0",
      description = "During re-estimation, a 2-unit word must save this many nats a use over its"
          + " best segmentation into the other words and single units, or it is dropped (glue"
          + " such as 并在, 是一, 等方面; 0: off; default: ${DEFAULT-VALUE}).")
  double minGain;

  @Option(names = "--gain-step", paramLabel = "NATS", defaultValue = "2.0",
      description = "Added to --min-gain per unit of the word beyond 2"
          + " (default: ${DEFAULT-VALUE}).")
  double gainStep;

  @Option(names = "--isolated", paramLabel = "K", defaultValue = "25",
      description = "A fragment the cut pass isolated at least K times the min count is kept"
          + " through backtracking if each of its windows reaches --min-pmi, rather than the"
          + " cohesion bar of its length (中华人民共和国: its window 人民共 misses the 3-unit bar;"
          + " 0: off; default: ${DEFAULT-VALUE}). Needs a corpus, as --reestimate does.")
  int isolated;

  @Option(names = "--glue-gain", paramLabel = "NATS", defaultValue = "1.25",
      description = "Added to the bar of --min-gain for a word with a one-character function"
          + " word (the Han characters of dict/stopwords.txt: 的 了 是 这 很 他 ...) at one end:"
          + " 他说, 这一, 很大, 买了 are mostly phrases; 以及, 但是, with one at both ends, are not"
          + " (0: off; default: ${DEFAULT-VALUE}).")
  double glueGain;

  @Option(names = "--number-glue", paramLabel = "SHARE", defaultValue = "0.5",
      description = "A word of 3 or more units that begins with a measure word (those of"
          + " dict/measure-words.txt: 个 人 名 枚 级 次 元 ...), follows a number in more than this"
          + " share of its occurrences and whose rest is a word of the list is a measure word"
          + " glued to a word (人死亡 of 3人死亡, 枚金牌, 个小时): it leaves the list, and so does a"
          + " word ending in a number followed by it (3人死亡). Numbers: digit runs and"
          + " 零一二...十百千万亿两几数多余半 (1: off; default: ${DEFAULT-VALUE}).")
  double numberGlue;

  @Option(names = "--suffix-glue", paramLabel = "SHARE", defaultValue = "0.5",
      description = "A word of 3 or more units that ends in a phrase suffix (those of"
          + " dict/phrase-suffixes.txt: the localisers 上 下 里 内 外 前 后 中 时 and 称 说) and whose"
          + " rest is a word of the list is a phrase (会谈后, 车间里, 框架下, 警方称) when it stands"
          + " for fewer than this share of the rest's occurrences, with the suffix or without:"
          + " it leaves the list. A word whose rest seldom stands alone (马德里) stays (0: off;"
          + " default: ${DEFAULT-VALUE}).")
  double suffixGlue;

  /**
   * The options of this mixin that work on the cut corpus, as the user types them (not
   * {@code --number-glue} and {@code --suffix-glue}, which also work on a store's grams).
   */
  static final List<String> NAMES = List.of("--reestimate", "--merge-pmi", "--merge-step",
      "--min-gain", "--gain-step", "--isolated", "--glue-gain");

  /** The first of these options given on the command line of {@code parsed}, or null. */
  public static String given(ParseResult parsed) {
    for (String name : NAMES) {
      if (parsed.hasMatchedOption(name)) {
        return name;
      }
    }
    return null;
  }

  /** {@code base} with these re-estimation settings. */
  public DiscoverOptions applyTo(DiscoverOptions base) {
    return CikuException.usage(() -> new DiscoverOptions(base.order(), base.minCount(),
        base.pmiBase(), base.pmiStep(), base.minEntropy(), base.maxLength(), base.pairPmi(),
        base.pairEntropy(), base.redundancy(), rounds, mergePmi, mergeStep, minGain, gainStep,
        isolated, glueGain, numberGlue, suffixGlue));
  }
}
