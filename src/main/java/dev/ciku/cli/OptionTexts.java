package dev.ciku.cli;

import java.util.LinkedHashMap;
import java.util.ListResourceBundle;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The help texts that a command gives an option it shares with other commands through a mixin:
 * the formats its {@code --format} takes ({@link RowOptions.Formats}), what its {@code --top}
 * keeps ({@link TopOption}), the stages its {@code --explain} names ({@link ExplainOption}). The
 * annotation of a mixin's option has one text for every command; picocli reads a command's own
 * from the command's resource bundle, under the option's name without dashes, and this gives
 * every command one bundle with its texts.
 *
 * <p>Cost: one look at each command and mixin, when the command line is built. Stateless.
 */
final class OptionTexts {
  private OptionTexts() {}

  /** A mixin whose option a command may describe its own way. */
  interface Own {
    /** The option's name without dashes: the key picocli looks its text up under. */
    String key();

    /**
     * The command's text for the option, or null for the annotation's; it may hold picocli's
     * {@code ${DEFAULT-VALUE}}.
     */
    String text();
  }

  /** Gives every command under {@code cl} (and {@code cl}) the texts of its shared options. */
  static void apply(CommandLine cl) {
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

  /** The option texts of {@code command}, whose model is {@code spec}, by key. */
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
      if (mixin.userObject() instanceof Own own && own.text() != null) {
        texts.put(own.key(), own.text());
      }
      addMixins(mixin, texts);
    }
  }
}
