package dev.ciku.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --explain WORD[,WORD...]}: the words a command says the fate of, instead of writing its
 * list; split at commas by {@link ExplainArguments}, not by picocli. Mixed in by
 * {@code discover} and {@code domain} (and their Spark jobs), which name their own stages
 * ({@link OptionTexts}).
 *
 * <p>A picocli mixin: picocli fills the fields while parsing, and {@link #words} reads them
 * (nothing is cached). Not thread-safe; one instance per command run, used on its thread.
 */
public final class ExplainOption implements OptionTexts.Own {
  // Split by ExplainArguments, not by picocli.
  @Option(names = "--explain", paramLabel = "WORD[,WORD...]",
      description = "Instead of the list, say for each WORD whether the list has it or which"
          + " stage dropped it, on what figures. Repeatable, or comma-separated (, or \uFF0C).")
  List<String> args = new ArrayList<>();

  /** The command this is mixed into: whether {@code --explain} was given is in its parse. */
  @Spec(Spec.Target.MIXEE) CommandSpec command;

  /** The command's help text, or null for the annotation's. */
  private final String text;

  /** {@code --explain} with the annotation's text. */
  public ExplainOption() {
    this(null);
  }

  /** {@code --explain} described by {@code text}. */
  public ExplainOption(String text) {
    this.text = text;
  }

  /**
   * The words to explain, in order; none if {@code --explain} was not given.
   *
   * @throws CikuException (usage) if it was given an empty or blank word
   */
  public List<String> words() {
    return ExplainArguments.words(args, command);
  }

  @Override
  public Map<String, String> texts() {
    return OptionTexts.text("explain", text);
  }
}
