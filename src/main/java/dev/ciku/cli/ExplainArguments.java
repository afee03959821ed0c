package dev.ciku.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The words of an {@code --explain} option ({@code discover}, {@code domain}): each argument
 * split at commas, ASCII or full-width (，), here rather than by picocli, whose split honours
 * quotes (a {@code "} in a word would be dropped, with a warning). Stateless.
 */
public final class ExplainArguments {
  private ExplainArguments() {}

  /**
   * The words of {@code args}, in order; none if {@code --explain} was not given.
   *
   * @throws CikuException (usage) if {@code --explain} was given an empty or blank word
   */
  public static List<String> words(List<String> args, CommandSpec spec) {
    boolean given = spec.commandLine().getParseResult().hasMatchedOption("--explain");
    List<String> words = new ArrayList<>();
    for (String a : args) {
      int before = words.size();
      split(a, words);
      if (given && words.subList(before, words.size()).stream().anyMatch(String::isBlank)) {
        throw new CikuException(CikuException.USAGE, "--explain needs words (WORD, or"
            + " WORD,WORD...): '" + a + "' holds an empty or blank one");
      }
    }
    return words;
  }

  /** Adds the words of {@code arg}, split at commas (ASCII or full-width), blanks kept. */
  private static void split(String arg, List<String> words) {
    int from = 0;
    for (int i = 0; i <= arg.length(); i++) {
      if (i == arg.length() || arg.charAt(i) == ',' || arg.charAt(i) == '\uFF0C') {
        words.add(arg.substring(from, i));
        from = i + 1;
      }
    }
  }
}
