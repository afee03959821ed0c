package dev.ciku.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReaderOptionsTest {
  private static ReaderOptions reading(boolean lowercase, boolean simplify) {
    return new ReaderOptions(StandardCharsets.UTF_8, InputFormat.PLAIN, "text", 1, lowercase,
        false, simplify);
  }

  @Test
  void normalizeWords_defaults_halfWidthStrippedEachOnce() {
    assertEquals(List.of("或者", "COVID-19", "這個", "这个"), reading(false, false)
        .normalizeWords(List.of(" 或者 ", "或者", "ＣＯＶＩＤ－１９", "COVID-19", "這個", "这个")));
  }

  @Test
  void normalizeWords_lowercaseAndSimplify_foldedAsTheCorpusIs() {
    assertEquals(List.of("covid-19", "这个"), reading(true, true)
        .normalizeWords(List.of("ＣＯＶＩＤ－１９", "Covid-19", "這個", "这个")));
  }
}
