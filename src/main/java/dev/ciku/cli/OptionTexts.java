package dev.ciku.cli;

import java.util.LinkedHashMap;
import java.util.ListResourceBundle;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The help texts that a command gives an option it shares with other commands through a mixin:
 * the formats its {@code --format} takes ({@link RowOptions.Formats}), and the texts it made a
 * mixin with ({@link Own}): what its {@code --top} keeps ({@link TopOption}), the stages its
 * {@code --explain} names ({@link ExplainOption}). The annotation of a mixin's option has one
 * text for every command; picocli reads a command's own from the command's resource bundle, under
 * the option's name without dashes, and this gives every command one bundle with its texts. The
 * Spark jobs, which mix in these mixins too, are given their texts here as well.
 *
 * <p>Cost: one look at each command and mixin, when the command line is built. Stateless.
 */
public final class OptionTexts {
  private OptionTexts() {}

  /** A mixin whose options a command may describe its own way. */
  interface Own {
    /**
     * The command's texts for the mixin's options, by option name without dashes (the key
     * picocli looks a text up under); an option without one keeps the annotation's text. A text
     * may hold picocli's {@code ${DEFAULT-VALUE}}.
     */
    Map<String, String> texts();
  }

  /** The texts of a mixin made with {@code text} for its option {@code key}: none if it is null. */
  static Map<String, String> text(String key, String text) {
    return text == null ? Map.of() : Map.of(key, text);
  }

  /** Gives every command under {@code cl} (and {@code cl}) the texts of its shared options. */
  public static void apply(CommandLine cl) {
    Map<String, String> texts = texts(cl.getCommand(), cl.getCommandSpec());
    if (!texts.isEmpty()) {
      Object[][] contents = texts.entrySet().stream()
          .map(e -> new Object[] {e.getKey(), e.getValue()}).toArray(Object[][]::new);
      cl.getCommandSpec().resourceBundle(new ListResourceBundle() {
        @Override
        protected Object[][] getContents() {
          return contents;
        }
      });
    }
    for (CommandLine sub : cl.getSubcommands().values()) {
      apply(sub);
    }
  }

  /**
   * The option texts of {@code command}, whose model is {@code spec}, by key: a text a mixin was
   * made with replaces the one its formats give {@code --format}.
   */
  static Map<String, String> texts(Object command, CommandSpec spec) {
    Map<String, String> texts = new LinkedHashMap<>();
    if (command instanceof RowOptions.Formats f) {
      texts.put("format", RowOptions.help(f));
    }
    addMixins(spec, texts);
    return texts;
  }

  /** Adds the texts of the mixins of {@code spec}, and of theirs. */
  private static void addMixins(CommandSpec spec, Map<String, String> texts) {
    for (CommandSpec mixin : spec.mixins().values()) {
      if (mixin.userObject() instanceof Own own) {
        texts.putAll(own.texts());
      }
      addMixins(mixin, texts);
    }
  }
}
