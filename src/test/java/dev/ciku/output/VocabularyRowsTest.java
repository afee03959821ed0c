package dev.ciku.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import dev.ciku.segment.Vocabulary;
import dev.ciku.segment.VocabularyLearner;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class VocabularyRowsTest {
  private static Vocabulary vocabulary() {
    Vocabulary v = new Vocabulary();
    v.add("中国", 10);
    v.add("人民", 7);
    v.add("北京", 5);
    return v;
  }

  @Test
  void write_rowsWithTop_bestFirstWithHeader() throws IOException {
    StringWriter out = new StringWriter();
    assertEquals(2, VocabularyRows.write(vocabulary(), 2,
        new RowWriter(out, OutputFormat.TSV, VocabularyRows.COLUMNS, true), null));
    assertEquals("word\tcount\n中国\t10\n人民\t7\n", out.toString());
  }

  @Test
  void write_dictWithTopZero_everyWordAsSpaceSeparatedLines() throws IOException {
    StringWriter out = new StringWriter();
    assertEquals(3, VocabularyRows.write(vocabulary(), 0, null, out));
    assertEquals("中国 10\n人民 7\n北京 5\n", out.toString());
  }

  @Test
  void writeStats_twoRounds_marksTheKeptStage() throws IOException {
    StringWriter out = new StringWriter();
    VocabularyRows.writeStats(new VocabularyLearner.Result(vocabulary(), 100, 9.5, 45,
        new double[] {8.25, 8.125}, new int[] {40, 38}, 1), out);
    assertEquals("stage\twords\tbits_per_char\tkept\n"
        + "characters\t45\t9.5000\t0\n"
        + "de-redundancy\t40\t8.2500\t0\n"
        + "refinement-1\t38\t8.1250\t1\n", out.toString());
  }

  @Test
  void writeStats_noStage_charactersKept() throws IOException {
    StringWriter out = new StringWriter();
    VocabularyRows.writeStats(new VocabularyLearner.Result(new Vocabulary(), 0, Double.NaN, 0,
        new double[0], new int[0], -1), out);
    assertEquals("stage\twords\tbits_per_char\tkept\ncharacters\t0\t"
        + "nan\t1\n", out.toString());
  }
}
