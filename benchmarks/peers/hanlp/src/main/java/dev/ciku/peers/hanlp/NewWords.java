package dev.ciku.peers.hanlp;

import com.hankcs.hanlp.mining.word.NewWordDiscover;
import com.hankcs.hanlp.mining.word.WordInfo;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Runs HanLP 1.x {@link NewWordDiscover} with its default parameters (the no-argument
 * constructor: max word length 4, min frequency 5e-5, min entropy 0.4, min aggregation 1.2, no
 * dictionary filter) on a UTF-8 corpus file (plain or .gz) and prints the top K words as
 * {@code word<TAB>frequency}, in the order HanLP returns them.
 *
 * <p>Usage: {@code java -jar hanlp-newword.jar CORPUS K}
 */
public final class NewWords {
  private NewWords() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: hanlp-newword CORPUS K");
      System.exit(2);
    }
    Path corpus = Path.of(args[0]);
    int k = Integer.parseInt(args[1]);
    long start = System.nanoTime();
    List<WordInfo> words;
    try (InputStream raw = Files.newInputStream(corpus);
        InputStream in = args[0].endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
      words = new NewWordDiscover().discover(reader, k);
    }
    Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    for (WordInfo w : words) {
      out.write(w.text);
      out.write('\t');
      out.write(Integer.toString(w.frequency));
      out.write('\n');
    }
    out.flush();
    System.err.printf("hanlp-newword: %d words from %s in %.1f s%n", words.size(), corpus,
        (System.nanoTime() - start) / 1e9);
  }
}
