package dev.ciku.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DomainCommandTest {
  private static final String LAWS = Path.of("corpora-samples", "laws-zh.txt").toString();
  private static final String WIKI = Path.of("corpora-samples", "wiki-zh-cmrc2018.txt").toString();

  @TempDir Path dir;
  @org.junit.jupiter.api.extension.RegisterExtension
  final CapturedStreams io = new CapturedStreams();

  private List<String> lines(Path p) throws java.io.IOException {
    return Files.readAllLines(p, StandardCharsets.UTF_8);
  }

  @Test
  void domain_corpusReference_tsvWithHeaderAndTop() throws Exception {
    Path o = dir.resolve("terms.tsv");
    assertEquals(0, Main.execute("domain", "-q", "--reference", WIKI, "--top", "20", LAWS, "-o",
        o.toString()));
    List<String> lines = lines(o);
    assertEquals(21, lines.size());
    assertEquals("term\tdomain_count\treference_count\tshare\tg2\tweirdness\tc_value"
        + "\tchar_spec\tridf\tscore",
        lines.get(0));
    double prev = Double.POSITIVE_INFINITY;
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split("\t");
      assertEquals(10, f.length, l);
      double score = Double.parseDouble(f[9]);
      assertTrue(score <= prev, l);
      prev = score;
    }
  }

  @Test
  void domain_builtProfileRankG2_jsonlByDescendingG2() throws Exception {
    Path profile = dir.resolve("wiki.profile.gz");
    assertEquals(0, Main.execute("domain", "-q", "--build-profile", "--profile-min-count", "2",
        WIKI, "-o", profile.toString()));
    // Measured: 519,090 bytes (the wiki sample's grams seen twice or more).
    assertTrue(Files.size(profile) > 200_000, "profile of " + Files.size(profile) + " bytes");
    Path byG2 = dir.resolve("g2.jsonl");
    assertEquals(0, Main.execute("domain", "-q", "--reference", profile.toString(), "--format",
        "jsonl", "--top", "30", "--rank", "g2", LAWS, "-o", byG2.toString()));
    Path byDefault = dir.resolve("default.jsonl");
    assertEquals(0, Main.execute("domain", "-q", "--reference", profile.toString(), "--format",
        "jsonl", "--top", "30", LAWS, "-o", byDefault.toString()));
    List<String> lines = lines(byG2);
    assertEquals(30, lines.size());
    double prev = Double.POSITIVE_INFINITY;
    for (String l : lines) {
      assertTrue(l.startsWith("{\"term\":\"") && l.contains("\"reference_count\":")
          && l.endsWith("}"), l);
      double g2 = Double.parseDouble(l.replaceAll(".*\"g2\":(-?[0-9.eE+-]+).*", "$1"));
      assertTrue(g2 <= prev, "by descending g2: " + l);
      prev = g2;
    }
    assertNotEquals(terms(lines), terms(lines(byDefault)), "g2 ranks otherwise than the default");
  }

  private static List<String> terms(List<String> jsonl) {
    return jsonl.stream().map(l -> l.replaceAll("^\\{\"term\":\"([^\"]*)\".*", "$1")).toList();
  }

  @Test
  void domain_badArguments_exitCodes() {
    assertEquals(CikuException.USAGE, Main.execute("domain", "-q", "--rank", "bogus", LAWS));
    assertEquals(CikuException.USAGE, Main.execute("domain", "-q", "--build-profile", WIKI));
    assertEquals(CikuException.USAGE, Main.execute("domain", "-q", "--format", "dict", LAWS));
    assertEquals(CikuException.NO_INPUT, Main.execute("domain", "-q", "--reference",
        dir.resolve("missing.txt").toString(), LAWS));
  }

  @Test
  void domain_profileOfNoText_refusedWhenBuiltAndWhenRead() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.txt"), "\n  \n", StandardCharsets.UTF_8);
    Path profile = dir.resolve("empty.profile.gz");
    assertEquals(CikuException.DATA, Main.execute("domain", "-q", "--build-profile",
        empty.toString(), "-o", profile.toString()));
    assertTrue(Files.notExists(profile));
    assertTrue(io.err().contains("holds no text"), io::err);
    Path written = Files.writeString(dir.resolve("zero.profile"),
        "# ciku reference profile 1\n# order 4\n# min_count 10\n# positions 0\n",
        StandardCharsets.UTF_8);
    assertEquals(CikuException.DATA, Main.execute("domain", "-q", "--reference",
        written.toString(), LAWS));
  }

  private Path smallProfile() throws Exception {
    Path text = Files.writeString(dir.resolve("gen.txt"), "中国人民银行发布了新的规定。\n".repeat(3),
        StandardCharsets.UTF_8);
    Path profile = dir.resolve("gen.profile");
    assertEquals(0, Main.execute("domain", "-q", "--build-profile", "--profile-min-count", "1",
        text.toString(), "-o", profile.toString()), io::err);
    return profile;
  }

  @Test
  void domain_profileWithAnotherReference_usageErrorOneLine() throws Exception {
    String profile = smallProfile().toString();
    for (String other : new String[] {profile, WIKI}) {
      io.reset();
      assertEquals(CikuException.USAGE, Main.execute("domain", "-q", "--reference", profile,
          "--reference", other, LAWS));
      assertEquals(List.of("ciku domain: --reference " + profile + " is a profile: a profile"
          + " must be the only --reference (give it alone, or corpora only)"), io.errLines());
      assertEquals("", io.out());
    }
  }

  @Test
  void domain_referenceWithoutText_dataError() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.txt"), "，。！\n", StandardCharsets.UTF_8);
    assertEquals(CikuException.DATA, Main.execute("domain", "-q", "--reference",
        empty.toString(), LAWS));
    assertEquals(List.of("ciku domain: reference " + empty + ": holds no text (no characters to"
        + " count the terms in)"), io.errLines());
    assertEquals("", io.out());
    // Standard input is named as the readers name it.
    io.reset();
    assertEquals(CikuException.DATA, withStdin("，。！\n".getBytes(StandardCharsets.UTF_8),
        "domain", "-q", "--reference", "-", LAWS));
    assertEquals(List.of("ciku domain: reference <stdin>: holds no text (no characters to count"
        + " the terms in)"), io.errLines());
  }

  @Test
  void domain_referenceWithoutText_dataErrorBeforeTheCorpusIsRead() throws Exception {
    Path punctuation = Files.writeString(dir.resolve("punctuation.txt"), "，。！\n\n“”\n",
        StandardCharsets.UTF_8);
    Path none = Files.createDirectory(dir.resolve("none"));
    Files.writeString(none.resolve("a.txt"), "", StandardCharsets.UTF_8);
    for (Path ref : List.of(punctuation, none)) {
      io.reset();
      // Without -q: discovery would log its stages; the error must come before any of them, as
      // a damaged profile's does.
      assertEquals(CikuException.DATA, Main.execute("domain", "--reference", ref.toString(),
          LAWS), ref.toString());
      List<String> err = io.errLines().stream().filter(l -> !l.contains(" reading ")).toList();
      assertEquals(List.of("ciku domain: reference " + ref + ": holds no text (no characters to"
          + " count the terms in)"), err, ref.toString());
      assertEquals("", io.out());
    }
  }

  @Test
  void domain_explain_oneRowPerWordBeyondTopShownAsTop() throws Exception {
    Path terms = dir.resolve("terms.tsv");
    assertEquals(0, Main.execute("domain", "-q", LAWS, "-o", terms.toString()));
    List<String> list = lines(terms);
    String fifth = list.get(5).split("\t")[0];
    Path o = dir.resolve("explain.tsv");
    assertEquals(0, Main.execute("domain", "-q", LAWS, "--top", "3", "--explain",
        list.get(1).split("\t")[0] + "，" + fifth, "--explain", "工作", "-o", o.toString()));
    List<String> rows = lines(o);
    assertEquals("term\tstage\trank\tdomain_count\treference_count\tcohesion\tleft_entropy"
        + "\tright_entropy\tscore\treason", rows.get(0));
    assertEquals(4, rows.size(), rows.toString());
    String[] first = rows.get(1).split("\t");
    assertEquals("kept", first[1]);
    assertEquals("1", first[2]);
    String[] beyond = rows.get(2).split("\t");
    assertEquals(List.of(fifth, "top", "5"), List.of(beyond).subList(0, 3));
    assertTrue(beyond[9].startsWith("found, but not printed: ranked 5, beyond --top 3"), beyond[9]);
    assertTrue(rows.get(3).startsWith("工作\tfilter\t\t"), rows.get(3));
  }

  @Test
  void domain_explainBlankOrWithBuildProfile_usageError() {
    assertEquals(CikuException.USAGE, Main.execute("domain", "-q", LAWS, "--explain", "规定,"));
    assertEquals(List.of("ciku domain: --explain needs words (WORD, or WORD,WORD...): '规定,'"
        + " holds an empty or blank one"), io.errLines());
    io.reset();
    assertEquals(CikuException.USAGE, Main.execute("domain", "-q", LAWS, "--explain", "规定",
        "--explain", ",,第一"));
    assertEquals(List.of("ciku domain: --explain needs words (WORD, or WORD,WORD...): ',,第一'"
        + " holds an empty or blank one"), io.errLines());
    io.reset();
    assertEquals(CikuException.USAGE, Main.execute("domain", "-q", "--build-profile", LAWS, "-o",
        dir.resolve("p.gz").toString(), "--explain", "规定"));
    assertEquals(List.of("ciku domain: --explain applies to term mining, not to --build-profile"),
        io.errLines());
  }

  @Test
  void domain_optionOfTheOtherMode_usageError() throws Exception {
    Path profile = dir.resolve("x.profile");
    String[][] cases = {
        {"--profile-order", "3", LAWS},
        {"--profile-min-count", "2", LAWS},
        {"--build-profile", LAWS, "-o", profile.toString(), "--top", "3"},
        {"--build-profile", LAWS, "-o", profile.toString(), "--min-count", "3"}};
    String[] messages = {"--profile-order applies only with --build-profile",
        "--profile-min-count applies only with --build-profile",
        "--top applies to term mining, not to --build-profile",
        "--min-count applies to term mining, not to --build-profile"};
    for (int i = 0; i < cases.length; i++) {
      io.reset();
      String[] args = new String[cases[i].length + 2];
      args[0] = "domain";
      args[1] = "-q";
      System.arraycopy(cases[i], 0, args, 2, cases[i].length);
      assertEquals(CikuException.USAGE, Main.execute(args), String.join(" ", args));
      assertEquals(List.of("ciku domain: " + messages[i]), io.errLines());
      assertTrue(Files.notExists(profile));
    }
  }

  @Test
  void domain_malformedPatternInAFile_dataErrorNamingFileAndLine() throws Exception {
    Path stop = Files.writeString(dir.resolve("stop.txt"), "法规\n\n3:本\n",
        StandardCharsets.UTF_8);
    Path heads = Files.writeString(dir.resolve("heads.txt"), "99999999999:*定\n",
        StandardCharsets.UTF_8);
    assertEquals(CikuException.DATA, Main.execute("domain", "-q", "--stopwords",
        stop.toString(), LAWS));
    assertEquals(List.of("ciku domain: " + stop + ":3: a length-guarded pattern must be"
        + " N:*suffix or N:prefix*, not '3:本'"), io.errLines());
    io.reset();
    assertEquals(CikuException.DATA, Main.execute("domain", "-q", "--generic-heads",
        heads.toString(), LAWS));
    assertEquals(List.of("ciku domain: " + heads + ":1: the length guard of '99999999999:' is"
        + " too large (at most 1000 characters)"), io.errLines());
    assertEquals("", io.out());
  }

  @Test
  void domain_bundledProfile_noCaseWarningInAnyCaseSetting() throws Exception {
    // The bundled profile kept the case of its corpus: folded as it loads unless the domain
    // corpus keeps case too, so the two always compare Latin letters alike.
    for (String option : new String[] {"--lowercase", "--keep-case", "--simplify"}) {
      io.reset();
      assertEquals(0, Main.execute("domain", "-q", option, "--top", "3", LAWS), option);
      assertEquals("", io.err(), option);
    }
  }

  /**
   * The bundled profile kept the case of its corpus (CPU 122 times, cpu 54; BIOS 57, bios 23):
   * for a domain corpus that folds case it adds the counts of a term's every form, as the corpus
   * does; for one that keeps case it counts the form written only.
   */
  @Test
  void domain_bundledProfileWithCaseVariants_referenceCountsEveryFormUnlessKeepCase() {
    String fixture = "src/test/resources/fixtures/latin-case.txt";
    assertEquals(List.of("CPU\t103\t176"), termRows(fixture, "cpu"));
    assertEquals(List.of("bios\t32\t80"), termRows(fixture, "bios"));
    assertEquals(List.of("cpu\t103\t176"), termRows(fixture, "cpu", "--lowercase"));
    assertEquals(List.of("CPU\t60\t122", "cpu\t40\t54", "Cpu\t3\t0"), termRows(fixture, "cpu",
        "--keep-case"));
    assertEquals(List.of("bios\t20\t23", "BIOS\t12\t57"), termRows(fixture, "bios",
        "--keep-case"));
  }

  @Test
  void domain_profileCountedWithLowercase_warnedOnlyWithKeepCase() throws Exception {
    Path text = Files.writeString(dir.resolve("phones.txt"),
        "新款iPhone手机发布了，IPHONE的销量很好。\n".repeat(3), StandardCharsets.UTF_8);
    Path profile = dir.resolve("lower.profile");
    assertEquals(0, Main.execute("domain", "-q", "--build-profile", "--lowercase",
        "--profile-min-count", "1", text.toString(), "-o", profile.toString()), io::err);
    // Built folding case by default, a profile is the one --lowercase writes.
    Path folded = dir.resolve("folded.profile");
    assertEquals(0, Main.execute("domain", "-q", "--build-profile", "--profile-min-count", "1",
        text.toString(), "-o", folded.toString()), io::err);
    assertArrayEquals(Files.readAllBytes(profile), Files.readAllBytes(folded));
    // Both lower-cased, or the domain corpus folded: a Latin term's count is right.
    for (String option : new String[] {"--lowercase", "--simplify"}) {
      io.reset();
      assertEquals(0, Main.execute("domain", "-q", option, "--top", "3", "--reference",
          profile.toString(), LAWS));
      assertEquals("", io.err(), option);
    }
    io.reset();
    // The domain corpus keeps its capitals, which the profile no longer has.
    assertEquals(0, Main.execute("domain", "-q", "--keep-case", "--top", "3", "--reference",
        profile.toString(), LAWS));
    assertEquals(List.of("ciku: warning: the reference profile " + profile + " was counted with"
        + " its Latin letters lower-cased, the domain corpus is read with --keep-case: a Latin"
        + " term with a capital (iPhone) is not found there (leave out --keep-case to fold case in"
        + " both)"), io.errLines());
  }

  @Test
  void domain_profileBuiltFoldingCaseWithCapitalWhoseLowerCaseIsNoLatinLetter_loads()
      throws Exception {
    // Lower-cased, Ə would be ə (U+0259), no Latin letter: the profile's line 'ə' would be no
    // gram, and the default profile unreadable.
    Path text = Files.writeString(dir.resolve("names.txt"),
        "阿塞拜疆总统Əliyev访问北京，ƏLIYEV表示感谢。\n".repeat(3), StandardCharsets.UTF_8);
    Path profile = dir.resolve("folded.profile");
    assertEquals(0, Main.execute("domain", "-q", "--build-profile", "--profile-min-count", "1",
        text.toString(), "-o", profile.toString()), io::err);
    io.reset();
    assertEquals(0, Main.execute("domain", "-q", "--top", "3", "--reference",
        profile.toString(), LAWS), io::err);
  }

  @Test
  void domain_termWithCaseVariants_foundOnceInItsMostFrequentFormWithTheProfilesFormsAdded()
      throws Exception {
    // A profile that kept case: CPU 3 times, cpu twice.
    List<String> reference = new java.util.ArrayList<>(
        Files.readAllLines(Path.of(LAWS)).subList(0, 300));
    reference.addAll(List.of("电脑CPU温度", "电脑CPU温度", "电脑CPU温度", "手机cpu很快", "手机cpu很快"));
    Path text = Files.write(dir.resolve("reference.txt"), reference);
    Path profile = dir.resolve("kept.profile");
    assertEquals(0, Main.execute("domain", "-q", "--build-profile", "--keep-case",
        "--profile-min-count", "1", text.toString(), "-o", profile.toString()), io::err);
    String fixture = "src/test/resources/fixtures/latin-case.txt";
    // Folded: CPU (60), cpu (40) and Cpu (3) are one term, CPU; its reference count is 3 + 2.
    assertEquals(List.of("CPU\t103\t5"), termRows(fixture, "cpu", "--reference",
        profile.toString()));
    assertEquals(List.of("cpu\t103\t5"), termRows(fixture, "cpu", "--lowercase", "--reference",
        profile.toString()));
    assertEquals(List.of("CPU\t60\t3", "cpu\t40\t2", "Cpu\t3\t0"), termRows(fixture, "cpu",
        "--keep-case", "--reference", profile.toString()));
    // A reference corpus is read as the domain corpus is: folded, it counts every form.
    assertEquals(List.of("CPU\t103\t5"), termRows(fixture, "cpu", "--reference",
        text.toString()));
  }

  /** The term, domain count and reference count of the terms that are a case of {@code word}. */
  private List<String> termRows(String corpus, String word, String... options) {
    List<String> args = new java.util.ArrayList<>(List.of("domain", "-q", "--top", "0", corpus));
    args.addAll(List.of(options));
    io.reset();
    assertEquals(0, Main.execute(args.toArray(new String[0])), io::err);
    List<String> rows = new java.util.ArrayList<>();
    for (String line : io.outLines()) {
      String[] f = line.split("\t");
      if (f[0].equalsIgnoreCase(word)) {
        rows.add(f[0] + "\t" + f[1] + "\t" + f[2]);
      }
    }
    return rows;
  }

  @Test
  void domain_patternFileAsJsonLinesOrTar_refusedAsOtherWordLists() throws Exception {
    Path jsonl = Files.writeString(dir.resolve("words.jsonl"),
        "{\"word\":\"法规\",\"count\":3}\n", StandardCharsets.UTF_8);
    for (String option : new String[] {"--stopwords", "--generic-heads"}) {
      io.reset();
      assertEquals(CikuException.DATA, Main.execute("domain", "-q", option, jsonl.toString(),
          LAWS));
      assertEquals(List.of("ciku domain: " + jsonl + ": holds JSON lines, not a word list: write"
          + " it with '--format tsv'"), io.errLines());
    }
    Path tar = Files.write(dir.resolve("stop.tar"), dev.ciku.corpus.TestBytes.tar("stop.txt",
        "法规\n".getBytes(StandardCharsets.UTF_8), false));
    io.reset();
    assertEquals(CikuException.NO_INPUT, Main.execute("domain", "-q", "--stopwords",
        tar.toString(), LAWS));
    assertEquals(List.of("ciku domain: " + tar + ": a tar archive; ciku reads text, so pipe its"
        + " files in: 'tar -xOf FILE | ciku ... -'"), io.errLines());
  }

  @Test
  void domain_damagedProfile_dataErrorNamingIt_beforeTheCorpusIsRead() throws Exception {
    byte[] whole;
    try (java.io.InputStream in = new java.util.zip.GZIPInputStream(
        Files.newInputStream(smallProfile()))) {
      whole = in.readAllBytes();
    }
    Path cut = dir.resolve("cut.profile");
    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
    try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(whole);
      out.write("法院\t1\n".repeat(5000).getBytes(StandardCharsets.UTF_8));
    }
    Files.write(cut, java.util.Arrays.copyOf(gz.toByteArray(), gz.size() - 20));
    Path bad = dir.resolve("bad.profile");
    Files.write(bad, (new String(whole, StandardCharsets.UTF_8) + "法院 1\n")
        .getBytes(StandardCharsets.UTF_8));
    int badLine = new String(whole, StandardCharsets.UTF_8).split("\n").length + 1;
    io.reset();
    // Without -q: discovery would log its stages; the error must come before any of them.
    assertEquals(CikuException.DATA, Main.execute("domain", "--reference", cut.toString(), LAWS));
    List<String> err = io.errLines();
    assertEquals(1, err.size(), err::toString);
    assertTrue(err.get(0).startsWith("ciku domain: " + cut + ": truncated or corrupt gzip data"),
        err.get(0));
    io.reset();
    assertEquals(CikuException.DATA, Main.execute("domain", "--reference", bad.toString(), LAWS));
    assertEquals(List.of("ciku domain: " + bad + ":" + badLine + ": expected gram<TAB>count"),
        io.errLines());
    assertEquals("", io.out());
  }

  /** Runs the command line with {@code stdin} as standard input. */
  private static int withStdin(byte[] stdin, String... args) {
    java.io.InputStream saved = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream(stdin));
      return Main.execute(args);
    } finally {
      System.setIn(saved);
    }
  }

  private static List<Path> files(Path d) throws java.io.IOException {
    try (java.util.stream.Stream<Path> s = Files.list(d)) {
      return s.toList();
    }
  }

  @Test
  void domain_referenceOnStandardInput_copyDeletedWhenMinedRefusedOrFailed() throws Exception {
    Path temp = Files.createDirectory(dir.resolve("temp"));
    byte[] profile = Files.readAllBytes(smallProfile());
    io.reset();
    // Each run copies standard input into --temp-dir (else the checks that nothing is left
    // there would hold whatever became of the copy).
    assertEquals(List.of("ciku-input-"), copiesMadeIn(temp, () -> assertEquals(0,
        withStdin(Files.readAllBytes(Path.of(WIKI)), "domain", "-q", "--temp-dir",
            temp.toString(), "--reference", "-", "--top", "5", LAWS), io::err)));
    assertEquals(6, io.outLines().size(), io::out);
    assertEquals(List.of(), files(temp), "after mining");
    io.reset();
    // Copied, then refused as a reference: a profile must be the only one.
    assertEquals(List.of("ciku-input-"), copiesMadeIn(temp, () -> assertEquals(
        CikuException.USAGE, withStdin(profile, "domain", "-q", "--temp-dir", temp.toString(),
            "--reference", "-", "--reference", WIKI, LAWS))));
    assertTrue(io.err().contains("a profile must be the only --reference"), io::err);
    assertEquals(List.of(), files(temp), "after the refusal");
    io.reset();
    assertEquals(List.of("ciku-input-"), copiesMadeIn(temp, () -> assertEquals(
        CikuException.DATA, withStdin("，。！\n".getBytes(StandardCharsets.UTF_8), "domain", "-q",
            "--temp-dir", temp.toString(), "--reference", "-", LAWS))));
    assertTrue(io.err().contains("holds no text"), io::err);
    assertEquals(List.of(), files(temp), "after the failure");
  }

  /**
   * The copies of standard input ({@code ciku-input-N.txt}, by their prefix) created in
   * {@code d} while {@code work} ran.
   */
  private static List<String> copiesMadeIn(Path d, CreatedFiles.Work work) throws Exception {
    return CreatedFiles.in(d, work).stream().filter(n -> n.startsWith("ciku-input-"))
        .map(n -> n.replaceAll("[0-9]+\\.txt$", "")).toList();
  }

}
