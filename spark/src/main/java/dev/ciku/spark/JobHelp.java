package dev.ciku.spark;

import java.util.LinkedHashMap;
import java.util.ListResourceBundle;
import java.util.Map;
import picocli.CommandLine;

/**
 * A job whose shared options ({@link RowsOptions}, {@link TopOption}, {@link ExplainOption}) read
 * as its own in its help: the texts it gives, by option name without dashes ({@code "format"},
 * {@code "top"}, {@code "explain"}), replace the mixins' general ones. Picocli takes them from a
 * resource bundle of the job's command, which {@link #describe} sets.
 */
interface JobHelp {
  /** The help texts of this job's shared options, by option name without dashes. */
  Map<String, String> optionHelp();

  /**
   * Gives every subcommand of {@code cl} that is a {@link JobHelp} its texts, and {@code
   * --temp-dir}, wherever it is, the jobs' text ({@link DriverOptions#TEMP_DIR_HELP}).
   */
  static void describe(CommandLine cl) {
    for (CommandLine sub : cl.getSubcommands().values()) {
      Map<String, String> texts = new LinkedHashMap<>();
      if (sub.getCommand() instanceof JobHelp job) {
        texts.putAll(job.optionHelp());
      }
      if (sub.getCommandSpec().findOption("--temp-dir") != null) {
        texts.put("temp-dir", DriverOptions.TEMP_DIR_HELP);
      }
      if (!texts.isEmpty()) {
        Object[][] contents = texts.entrySet().stream()
            .map(e -> new Object[] {e.getKey(), e.getValue()}).toArray(Object[][]::new);
        sub.getCommandSpec().resourceBundle(new ListResourceBundle() {
          @Override
          protected Object[][] getContents() {
            return contents;
          }
        });
      }
    }
  }
}
