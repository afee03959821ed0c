package dev.ciku.cli;

import dev.ciku.corpus.ByteCounter;
import dev.ciku.corpus.CorpusInput;
import dev.ciku.corpus.LogNumbers;
import dev.ciku.corpus.ReaderOptions;
import dev.ciku.discover.DiscoverOptions;
import dev.ciku.discover.WordDiscoverer;
import dev.ciku.discover.WordFilter;
import dev.ciku.output.DiscoveredWordRows;
import dev.ciku.output.Output;
import dev.ciku.output.OutputFormat;
import dev.ciku.store.NgramStore;
import dev.ciku.store.Normalization;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ciku discover}: new words by cohesion, cut-and-backtrack and boundary entropy. */
@Command(name = "discover", sortOptions = false,
    description = {
        "List the strings of a corpus that behave as words, best first: cohesive n-grams protect"
            + " the gaps they cover, the corpus is cut at every other gap, fragments are counted"
            + " and checked (backtracking), and those with free boundaries on both sides are"
            + " ranked by ln(count) x min(left entropy, right entropy).",
        "Thresholds adapt to corpus size; every one can be set."})
final class DiscoverCommand implements Callable<Integer>, RowOptions.Formats {
  @Override
  public EnumSet<OutputFormat> formats() {
    return EnumSet.of(OutputFormat.TSV, OutputFormat.JSONL, OutputFormat.DICT);
  }

  @Spec CommandSpec spec;
  @Mixin InputOptions input;
  @Mixin FormatOptions text;

  @Option(names = "--counts", paramLabel = "STORE",
      description = "Use the n-gram counts of STORE (from 'ciku count -o'). With INPUT as well,"
          + " the cut pass reads INPUT; without it, candidates are the store's cohesive n-grams"
          + " with their n-gram counts (no re-estimation).")
  Path counts;

  @Mixin WordListOptions list;

  @Mixin TopOption top = new TopOption(0, "Print only the best K words (0: all).");

  @Mixin ExplainOption explain = new ExplainOption("Instead of the list, say for each WORD"
      + " whether the list has it (stage kept, with its rank) or which stage dropped it, on what"
      + " figures: count, cut, cohesion, entropy, redundancy, use, gain, number, suffix, known"
      + " (--known, --new-only), top (ranked beyond --top); input when it cannot be a word of"
      + " this corpus (one character, a unit the corpus lacks). Repeatable, or comma-separated"
      + " (, or \uFF0C).");

  @Mixin DiscoveryOptions discovery;
  @Mixin ReestimationOptions reestimation;
  @Mixin OutputOptions output;
  @Mixin MemoryOptions memory;
  @Mixin RunOptions run;

  /** The files of ciku's dict/ this run reads, which its output must not replace. */
  private String[] bundledData(DiscoverOptions options) {
    List<String> names = new java.util.ArrayList<>(WordDiscoverer.bundledData(options));
    names.addAll(WordFilter.bundledData(list.newOnly()));
    return names.toArray(String[]::new);
  }

  @Override
  public Integer call() throws Exception {
    OutputFormat format = output.format(this);
    int k = top.value();
    List<String> words = explain.words();
    if (!words.isEmpty() && format == OutputFormat.DICT) {
      throw new CikuException(CikuException.USAGE, "--explain writes tsv or jsonl, not dict");
    }
    DiscoverOptions options = reestimation.applyTo(discovery.toOptions(list.redundancy()));
    Log log = run.log();
    if (counts != null && input.inputs.isEmpty()) {
      String ignored = ReestimationOptions.given(spec.commandLine().getParseResult());
      if (ignored != null) {
        log.warn(ignored + " is ignored: it works on the cut corpus (re-estimation, isolated"
            + " fragments), and --counts without INPUT gives none");
      }
      for (String reading : FormatOptions.READING_OPTIONS) {
        if (spec.commandLine().getParseResult().hasMatchedOption(reading)) {
          log.warn(reading + " is ignored: --counts without INPUT reads no corpus");
        }
      }
    }
    new InputChecks().corpus(input.inputs, counts == null, input.binaryData())
        .files("--known", list.known())
        .store("--counts", counts).bundled(bundledData(options)).output("-o", output.path())
        .check();
    WordFilter filter = list.filter(text.latinCase().folds(), log::warn);
    List<CorpusInput> corpus = counts != null && input.inputs.isEmpty() ? List.of() : input.corpus(log);
    // The output is opened first: a -o that cannot be written fails before the work.
    try (Output out = output.open()) {
      WordDiscoverer.Result result;
      ByteCounter bytes = new ByteCounter();
      // The corpus is read once: with a store by the cut pass only; without, by the counting
      // pass, which records the clauses for the cut pass (so standard input needs no copy).
      long size = InputOptions.totalSize(corpus);
      try (NgramStore store = counts == null ? null : NgramStore.open(counts);
          Progress p = Progress.start(run.progress(), System.err, "discover", bytes::get,
              size, counts == null ? 2 : 1)) {
        if (store != null) {
          store.requireNormalization(new Normalization(text.latinCase(), text.simplify), "");
          WordDiscoverer.requireDiscoverable(store); // before the warning: an error is one line
          if (input.inputs.isEmpty()) {
            log.warn("--counts without INPUT: no cut pass and no re-estimation, so the list is"
                + " rougher than the corpus's (phrases such as 的人 stay); give the corpus as"
                + " well (--counts " + counts + " INPUT) for the words of 'discover INPUT'");
          }
        }
        ReaderOptions reading = text.readerOptions(input);
        result = new WordDiscoverer(options, reading, run.threads(), memory.bytes(),
            memory.tempDir()).withExplanations(reading.normalizeWords(words))
            .discover(corpus, store, bytes, log::warn, log::info);
      }
      log.warnIfNoUnits(result.positions(), "no words");
      if (list.newOnly() && result.positions() > 0) {
        String small = WordFilter.smallCorpusWarning(result.positions(), result.minCount());
        if (small != null) {
          log.warn(small);
        }
      }
      int written = DiscoveredWordRows.write(result, filter, k, format, output.header(),
          out.writer());
      out.commit();
      if (!words.isEmpty()) {
        return 0;
      }
      log.info(LogNumbers.count(written, "word") + String.format(Locale.ROOT,
          " written (%,d found)", result.words().size()));
    }
    return 0;
  }
}
