#!/usr/bin/env bash
# Quick end-to-end checks against the shared corpora (../shared beside the repository). .ci/run
# calls this after 'mvn verify'; the whole run must stay within a few minutes.
#
# A check is a shell function named check_*; it passes when it returns 0. Each runs in a subshell
# with the repository root as working directory; $SHARED, $CIKU and $TMP are set. Add a check by
# writing a function; they run in the order they are defined. The last line printed is
# 'N passed, M failed'; the exit status is non-zero if any check failed.
set -uo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
SHARED="${CIKU_SHARED:-$(dirname "$ROOT")/shared}"
CIKU="$ROOT/bin/ciku"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
export ROOT SHARED CIKU TMP
export CIKU_OPTS="${CIKU_OPTS:--Xmx2g}"

if [[ ! -d "$SHARED/corpora" ]]; then
  echo "quick-checks: $SHARED/corpora not found" >&2
  exit 2
fi

# Build once up front (bin/ciku rebuilds a stale jar itself, but a failure is clearer here).
jar="$ROOT/target/ciku-0.1.0-all.jar"
if [[ ! -f "$jar" || -n "$(find "$ROOT/pom.xml" "$ROOT/src/main" -newer "$jar" -print -quit)" ]]; then
  echo "== building $jar"
  (cd "$ROOT" && mvn -q -B -DskipTests package) || { echo "0 passed, 1 failed"; exit 1; }
fi

# --- helpers ---------------------------------------------------------------------------------

fail() { echo "    $*"; return 1; }

# Value of column NAME for FILE in shared/STATS.tsv.
shared_stat() {
  awk -F'\t' -v f="$1" -v col="$2" '
    NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
    $1 == f { print $c; found = 1 } END { if (!found) exit 1 }' "$SHARED/STATS.tsv"
}

# Value of column NAME in 'ciku stats' TSV output on stdin.
ciku_stat() {
  awk -F'\t' -v col="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
    NR == 2 { print $c }'
}

# 'ciku stats' agrees with shared/STATS.tsv on lines, chars (code points, line ends excluded)
# and han_chars for FILE. ciku counts U+3007 〇 (used in dates) as Han, STATS.tsv does not, so
# the 〇 in the file are added to the STATS.tsv figure.
stats_match() {
  local rel="$1" out col want got ling
  out="$("$CIKU" stats -q "$SHARED/$rel")" || fail "ciku stats $rel failed" || return 1
  ling="$(zcat -f -- "$SHARED/$rel" | grep -o '〇' | wc -l)"
  for col in lines chars han_chars; do
    want="$(shared_stat "$rel" "$col")" || fail "$rel not in STATS.tsv" || return 1
    [[ $col == han_chars ]] && want=$((want + ling))
    got="$(ciku_stat "$col" <<<"$out")"
    [[ "$got" == "$want" ]] || fail "$rel: $col is $got, STATS.tsv says $want" || return 1
  done
}

# --- checks ----------------------------------------------------------------------------------

check_stats_demo_matches_shared_stats() { stats_match corpora/demo/xwlb-news-2022q4.txt; }
check_stats_waimai_matches_shared_stats() { stats_match corpora/reviews/waimai-10k.txt; }
check_stats_wiki_matches_shared_stats() { stats_match corpora/wiki/cmrc2018-wiki-paragraphs.txt; }
check_stats_msr_test_matches_shared_stats() { stats_match gold/sighan2005/msr_test.utf8; }

check_stats_gz_equals_plain() {
  gzip -c "$SHARED/corpora/demo/xwlb-news-2022q4.txt" >"$TMP/demo.txt.gz"
  diff <("$CIKU" stats -q "$SHARED/corpora/demo/xwlb-news-2022q4.txt") \
       <("$CIKU" stats -q "$TMP/demo.txt.gz") >&2
}

check_stats_stdin_equals_file() {
  diff <("$CIKU" stats -q "$SHARED/corpora/demo/xwlb-news-2022q4.txt") \
       <("$CIKU" stats -q - <"$SHARED/corpora/demo/xwlb-news-2022q4.txt") >&2
}

# Without --encoding, an input that is clearly not UTF-8 (GB18030, Big5, UTF-16 without a BOM)
# is read in the encoding detected in it, with one warning naming it, exit 0; each input of a
# directory decides on its own; an encoding given, UTF-8 included, is used as given.
check_default_encoding_reads_gb18030_big5_utf16() {
  local src="$SHARED/corpora/reviews/waimai-10k.txt" want got f
  mkdir -p "$TMP/enc"
  head -200 "$src" >"$TMP/enc/a-utf8.txt"
  iconv -f UTF-8 -t GB18030 "$TMP/enc/a-utf8.txt" >"$TMP/enc/b-gb18030.txt" || return 1
  iconv -f UTF-8 -t UTF-16LE "$TMP/enc/a-utf8.txt" >"$TMP/enc/c-utf16le.txt" || return 1
  want="$("$CIKU" stats -q "$TMP/enc/a-utf8.txt")"
  for f in b-gb18030.txt c-utf16le.txt; do
    got="$("$CIKU" stats "$TMP/enc/$f" 2>"$TMP/enc.err")" || fail "$f: exit $?" || return 1
    [[ "$got" == "$want" ]] || fail "$f: other stats than the UTF-8 file's: $got" || return 1
    [[ "$(grep -c . "$TMP/enc.err")" == 1 ]] && grep -q "^ciku: warning: $TMP/enc/$f: not UTF-8;" \
      "$TMP/enc.err" || fail "$f: stderr: $(cat "$TMP/enc.err")" || return 1
  done
  # Traditional text in Big5, read as Windows code page 950 (the ETEN superset) would read it.
  iconv -c -f UTF-8 -t BIG5 src/test/resources/fixtures/laws-zh-hant.txt >"$TMP/big5.txt"
  [[ "$("$CIKU" stats -q "$TMP/big5.txt" 2>/dev/null)" == \
     "$("$CIKU" stats -q --encoding x-windows-950 "$TMP/big5.txt")" ]] || fail "Big5" || return 1
  # A directory: the three files read as three UTF-8 copies are.
  mkdir -p "$TMP/same"
  for f in a b c; do cp "$TMP/enc/a-utf8.txt" "$TMP/same/$f.txt"; done
  [[ "$("$CIKU" stats -q "$TMP/enc" 2>/dev/null)" == "$("$CIKU" stats -q "$TMP/same")" ]] \
    || fail "a directory of UTF-8, GB18030 and UTF-16LE files" || return 1
  got="$("$CIKU" stats -q --encoding UTF-8 "$TMP/enc/b-gb18030.txt" 2>/dev/null \
    | ciku_stat malformed)"
  (( got > 1000 )) || fail "--encoding UTF-8 given: $got malformed, not read as given"
}

check_pipe_to_head_exits_0_quietly() {
  local rc
  "$CIKU" stats "$SHARED/corpora/demo/xwlb-news-2022q4.txt" 2>"$TMP/err" | head -1 >"$TMP/out"
  rc=${PIPESTATUS[0]}
  [[ $rc == 0 ]] || fail "exit $rc" || return 1
  [[ ! -s "$TMP/err" ]] || fail "stderr: $(head -3 "$TMP/err")" || return 1
  [[ "$(cat "$TMP/out")" == lines$'\t'chars* ]] || fail "first line: $(cat "$TMP/out")"
}

check_reader_gone_before_output_exits_0_quietly() {
  local rc
  # 'true' exits at once, so ciku's first write meets a closed pipe (EPIPE).
  "$CIKU" stats "$SHARED/corpora/demo/xwlb-news-2022q4.txt" 2>"$TMP/err" | true
  rc=${PIPESTATUS[0]}
  [[ $rc == 0 ]] || fail "exit $rc" || return 1
  [[ ! -s "$TMP/err" ]] || fail "stderr: $(head -3 "$TMP/err")"
}

check_missing_file_exits_66_one_line() {
  local rc
  "$CIKU" stats "$TMP/does-not-exist.txt" >"$TMP/out" 2>"$TMP/err"
  rc=$?
  [[ $rc == 66 ]] || fail "exit $rc" || return 1
  [[ "$(wc -l <"$TMP/err")" == 1 ]] || fail "stderr: $(cat "$TMP/err")" || return 1
  [[ ! -s "$TMP/out" ]] || fail "stdout not empty"
}

check_output_file_is_atomic() {
  "$CIKU" stats -q -o "$TMP/s.tsv" "$SHARED/corpora/demo/xwlb-news-2022q4.txt" || return 1
  [[ "$(ls -A "$TMP" | grep -c '\.tmp$')" == 0 ]] || fail "temporary file left: $(ls -A "$TMP")"
  [[ "$(wc -l <"$TMP/s.tsv")" == 2 ]] || fail "s.tsv: $(cat "$TMP/s.tsv")"
}

# Standard output appended to an input (`segment f >> f`) would read what it writes, as `cat f
# >> f` would: refused (exit 2, one line), the input left as it was.
check_stdout_redirected_to_an_input_is_refused() {
  local f="$TMP/self.txt" rc before
  head -50 corpora-samples/laws-zh.txt > "$f"
  before=$(md5sum < "$f")
  "$CIKU" segment -q "$f" >> "$f" 2>"$TMP/err"
  rc=$?
  [[ $rc == 2 ]] || fail "exit $rc" || return 1
  [[ "$(wc -l <"$TMP/err")" == 1 ]] && grep -q "standard output (redirected to .*) is also read" \
    "$TMP/err" || fail "stderr: $(cat "$TMP/err")" || return 1
  [[ "$(md5sum < "$f")" == "$before" ]] || fail "the input changed"
}

# --- runner ----------------------------------------------------------------------------------

# --- count and discover ----------------------------------------------------------------------

# Counting is exact and independent of threads and memory budget: the store written with one
# thread and a generous budget equals, byte for byte, the one written with two threads and a
# 16 MB budget that forces spills (the 10 M-char news corpus).
check_count_store_identical_across_threads_and_budgets() {
  local news="$SHARED/corpora/news/xwlb-news-2022-2026.txt.gz"
  # 512m: with -o a budget must fit three times in 80 % of the heap (2 GB here: at most 540m).
  "$CIKU" count -q --order 4 -t 1 --memory 512m "$news" -o "$TMP/a.ngrams" || return 1
  "$CIKU" count -q --order 4 -t 2 --memory 16m "$news" -o "$TMP/b.ngrams" || return 1
  cmp -s "$TMP/a.ngrams" "$TMP/b.ngrams" || fail "stores differ"
}

# Memory is bounded by --memory, not by the corpus: every gram of the news corpus, ranked by
# count, in a 160 MB heap with a 32 MB budget (ranking buffers and merge buffers spill or shrink)
# equals the default run; a heap too small for anything fails with one line and exit 70.
check_count_ranked_output_in_a_small_heap() {
  local news="$SHARED/corpora/news/xwlb-news-2022-2026.txt.gz" a b rc
  a="$("$CIKU" count -q --min-count 1 "$news" | md5sum)" || return 1
  b="$(CIKU_OPTS=-Xmx160m "$CIKU" count -q --min-count 1 --memory 32m -t 3 "$news" | md5sum)" \
    || fail "count in a 160 MB heap failed" || return 1
  [[ "$a" == "$b" ]] || fail "outputs differ: $a vs $b" || return 1
  CIKU_OPTS=-Xmx24m "$CIKU" count -q --min-count 1 --memory 16m "$news" >/dev/null 2>"$TMP/oom.err"
  rc=$?
  [[ $rc == 70 ]] || fail "exit $rc in a 24 MB heap, expected 70" || return 1
  [[ "$(wc -l <"$TMP/oom.err")" == 1 ]] && grep -q '^ciku count: out of memory in a [0-9,]* MB heap' "$TMP/oom.err" \
    || fail "not one line: $(head -3 "$TMP/oom.err")"
}

# Discovery holds only the grams that reach the min count; the rest are spilled and read back:
# the 40 M-character benchmark gives the same words in a 400 MB heap as in the default one
# (before the spill it ran out of memory at 600 MB).
check_discover_benchmark_in_a_small_heap() {
  local bench="$SHARED/corpora/benchmark/bench-mixed.txt.gz" a b
  a="$("$CIKU" discover -q "$bench" --top 0 | md5sum)" || return 1
  b="$(CIKU_OPTS=-Xmx400m "$CIKU" discover -q "$bench" --top 0 | md5sum)" \
    || fail "discover in a 400 MB heap failed" || return 1
  [[ "$a" == "$b" ]] || fail "outputs differ: $a vs $b"
}

# Discovery lists the same words, byte for byte, at any thread count and memory budget (every
# word of the news corpus): one thread with 64 MB, the defaults, three threads with 16 MB.
check_discover_identical_across_threads_and_budgets() {
  local news="$SHARED/corpora/news/xwlb-news-2022-2026.txt.gz" a b c
  a="$("$CIKU" discover -q -t 1 --memory 64m "$news" --top 0 | md5sum)" || return 1
  b="$("$CIKU" discover -q "$news" --top 0 | md5sum)" || return 1
  c="$("$CIKU" discover -q -t 3 --memory 16m "$news" --top 0 | md5sum)" || return 1
  [[ "$a" == "$b" && "$b" == "$c" ]] || fail "outputs differ: $a / $b / $c"
}

# News words against the general lexicon union: P@1000 at least 0.90 (HanLP's NewWordDiscover:
# 0.846; ciku 0.943 in session 13, with the list's header no longer scored as a word); and the first 300 new words (--new-only) hold no measure-word
# or phrase-suffix glue that the two glue tests drop (人死亡, 会谈后, ...) but hold new words of
# the corpus (新质生产力, 算力, 赋能).
check_discover_news_precision_and_no_glue() {
  local news="$SHARED/corpora/news/xwlb-news-2022-2026.txt.gz" p w
  "$CIKU" discover -q "$news" --top 1000 --format dict | cut -d' ' -f1 > "$TMP/news.top" \
    || return 1
  p="$(python3 "$SHARED/tools/term_pk.py" "$TMP/news.top" \
    "$SHARED/lexicons/union/general-lexicon-union.tsv" --k 1000 | grep -o 'P@1000 [0-9.]*')" \
    || fail "term_pk.py failed" || return 1
  echo "    news $p"
  awk -v p="${p#P@1000 }" 'BEGIN { exit !(p >= 0.90) }' || fail "news $p < 0.90" || return 1
  "$CIKU" discover -q --new-only "$news" --top 300 --format dict | cut -d' ' -f1 \
    > "$TMP/news.new" || return 1
  for w in 人死亡 枚金牌 级地震 人受伤 会谈后 建成后 通车后 框架下 报道说 考察时 个百分点 个月 三个月; do
    grep -qxF "$w" "$TMP/news.new" && { fail "--new-only lists the glue $w"; return 1; }
  done
  for w in 新质生产力 算力 赋能 个体工商户; do
    grep -qxF "$w" "$TMP/news.new" || { fail "--new-only misses $w"; return 1; }
  done
}

# The same for domain terms and the learned vocabulary (car forum, 0.6 M characters).
check_domain_and_vocab_identical_across_threads() {
  local car="$SHARED/corpora/car/bdci2018-car-forum.txt" a b
  a="$("$CIKU" domain -q -t 1 "$car" | md5sum)" || return 1
  b="$("$CIKU" domain -q -t 3 --memory 16m "$car" | md5sum)" || return 1
  [[ "$a" == "$b" ]] || fail "domain outputs differ: $a vs $b" || return 1
  a="$("$CIKU" vocab -q -t 1 "$car" | md5sum)" || return 1
  b="$("$CIKU" vocab -q -t 3 "$car" | md5sum)" || return 1
  [[ "$a" == "$b" ]] || fail "vocab outputs differ: $a vs $b"
}

# The SIGHAN protocol of issue 4 itself: discover on bench-mixed, its top 50,000 words as a
# dictionary for the independent unigram segmenter, F1 at least 0.80 on PKU and on MSR (0.8229 /
# 0.8022 measured in sessions 12 and 13; the list is the same at any thread count, so the margin
# is not noise).
check_discover_sighan_protocol_bench_mixed() {
  local bench="$SHARED/corpora/benchmark/bench-mixed.txt.gz"
  OUT="$TMP/discover" "$ROOT/benchmarks/discover-quality.sh" --quick --corpus "$bench" \
    --min-f1 0.80 > "$TMP/dq.txt" || { cat "$TMP/dq.txt"; return 1; }
  grep -E '^(pku|msr):' "$TMP/dq.txt" | sed 's/^/    /'
}

# --- segment, vocab, eval --------------------------------------------------------------------

# PKU and MSR F1 >= 0.80 with the embedded vocabulary; ciku eval seg == seg_score.py (4 decimals).
check_segment_sighan_f1_embedded_vocab() {
  bash "$ROOT/benchmarks/seg-quality.sh" --min-f1 0.80 >"$TMP/q" 2>&1 || { cat "$TMP/q"; return 1; }
}

# Removing the separators gives back the input byte for byte (demo corpus + MSR full-width text).
check_segment_round_trip_exact() {
  local f
  for f in corpora/demo/xwlb-news-2022q4.txt gold/sighan2005/msr_test.utf8; do
    "$CIKU" segment -q --sep $'\x01' "$SHARED/$f" | tr -d '\001' | cmp -s - "$SHARED/$f" \
      || fail "$f: output without separators differs from the input" || return 1
  done
}

# One output line per input line, also through a pipe and for a file without a final newline.
check_segment_line_count_and_stdin() {
  local f="$SHARED/corpora/demo/xwlb-news-2022q4.txt"
  [[ "$("$CIKU" segment -q <"$f" | wc -l)" == "$(wc -l <"$f")" ]] || fail "line count" || return 1
  printf '中国人民' | "$CIKU" segment -q >"$TMP/o"
  [[ "$(cat "$TMP/o")" == "中国 人民" ]] || fail "got '$(cat "$TMP/o")'"
}

# A slow producer (tail -f, a log) gets each line back as soon as it is in: the producer
# waits (20 s at most) for the first line's segmentation before it writes the second.
check_segment_streams_a_slow_pipe_line_by_line() {
  local first="$TMP/slow-first.txt" flag="$TMP/slow-flag"
  rm -f "$first" "$flag"
  ( echo 中华人民共和国成立了
    for _ in $(seq 200); do [[ -s "$first" ]] && break; sleep 0.1; done
    [[ -s "$first" ]] && : > "$flag"
    echo 今天天气很好 ) | "$CIKU" segment -q | { IFS= read -r line; echo "$line" > "$first"; cat > /dev/null; }
  [[ -e "$flag" ]] || fail "the first line came out only when the input ended" || return 1
  [[ "$(cat "$first")" == "中华人民共和国 成立 了" ]] || fail "first line: $(cat "$first")"
}

# The same through a slow pipe in GBK, given no --encoding: the first line (a long one, enough
# to tell its encoding) is read as GB18030 and comes back before the second is written.
check_segment_streams_a_slow_gbk_pipe_line_by_line() {
  local first="$TMP/slow-gbk-first.txt" flag="$TMP/slow-gbk-flag" want
  local line="中华人民共和国成立了，全国人民热烈庆祝，今天天气很好，我们一起去北京大学参观访问。"
  rm -f "$first" "$flag"
  want="$(echo "$line" | "$CIKU" segment -q)"
  ( echo "$line" | iconv -f UTF-8 -t GBK
    for _ in $(seq 200); do [[ -s "$first" ]] && break; sleep 0.1; done
    [[ -s "$first" ]] && : > "$flag"
    echo 今天天气很好 | iconv -f UTF-8 -t GBK ) | "$CIKU" segment -q 2>"$TMP/slow-gbk.err" \
    | { IFS= read -r l; echo "$l" > "$first"; cat > /dev/null; }
  [[ -e "$flag" ]] || fail "the first line came out only when the input ended" || return 1
  [[ "$(cat "$first")" == "$want" ]] || fail "first line: $(cat "$first")" || return 1
  grep -q "^ciku: warning: <stdin>: not UTF-8; read as GB18030" "$TMP/slow-gbk.err" \
    || fail "stderr: $(cat "$TMP/slow-gbk.err")"
}

# Regular files are not watched for stalls: a directory of 2,000 one-line files segments as
# fast as their concatenation (each file's end taken for a stall cost 3 ms: 8 s instead of 1 s).
check_segment_many_small_files_without_stall_waits() {
  local dir="$TMP/many" want got start secs
  mkdir -p "$dir"
  head -2000 corpora-samples/laws-zh.txt | (cd "$dir" && split -l 1 -a 4 - f)
  want=$(cat "$dir"/f* | "$CIKU" segment -q | md5sum)
  start=$(date +%s.%N)
  got=$("$CIKU" segment -q "$dir" | md5sum)
  secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
  [[ "$got" == "$want" ]] || fail "a directory of files: other output than their concatenation" \
    || return 1
  echo "    2,000 files: $secs s"
  awk -v s="$secs" 'BEGIN { exit !(s < 4) }' \
    || fail "2,000 one-line files took $secs s (about 1 s expected)"
}

check_segment_pipe_to_head_exits_0_quietly() {
  local rc
  "$CIKU" segment "$SHARED/corpora/demo/xwlb-news-2022q4.txt" 2>"$TMP/err" | head -1 >/dev/null
  rc=${PIPESTATUS[0]}
  [[ $rc == 0 ]] || fail "exit $rc" || return 1
  [[ ! -s "$TMP/err" ]] || fail "stderr: $(head -3 "$TMP/err")"
}

# ciku eval words agrees with tools/term_pk.py on a learned vocabulary.
check_vocab_and_eval_words_match_term_pk() {
  "$CIKU" vocab -q --no-header "$SHARED/corpora/demo/xwlb-news-2022q4.txt" -o "$TMP/v.tsv" || return 1
  local a b
  a=$("$CIKU" eval words --no-header "$TMP/v.tsv" --gold "$SHARED/lexicons/jieba/dict.txt" \
      --k 100,1000 | awk -F'\t' '{print $4}' | paste -sd' ')
  b=$(python3 "$SHARED/tools/term_pk.py" "$TMP/v.tsv" "$SHARED/lexicons/jieba/dict.txt" \
      --k 100,1000 | awk '{print $2}' | paste -sd' ')
  [[ "$a" == "$b" ]] || fail "ciku '$a' vs term_pk.py '$b'"
}

# --- domain ---------------------------------------------------------------------------------

# Domain terms of the car forum against the bundled reference: P@500 against THUOCL_car and the
# car-industry list stays above a floor under the measured 0.200.
check_domain_car_precision() {
  mkdir -p "$TMP/domain"
  OUT="$TMP/domain" MIN_P500=0.12 bash "$ROOT/benchmarks/domain-quality.sh" --quick > "$TMP/dom.txt" 2>&1 \
    || { cat "$TMP/dom.txt"; return 1; }
  grep -E '^\| car' "$TMP/dom.txt" | sed 's/^/    /'
}

# The launcher: runs started at once on a fresh checkout build the jar once, and all succeed; a
# stale jar without Maven runs with a warning; a missing java is one line and 69; JVM options
# are not glob-expanded.
check_launcher_builds_once_and_fails_clearly() {
  git clone -q "$ROOT" "$TMP/launch" || return 1
  local c="$TMP/launch/bin/ciku" i
  for i in 1 2 3; do
    (echo 今天天气很好 | "$c" segment -q > "$TMP/launch.out.$i" 2> "$TMP/launch.err.$i"; echo $? > "$TMP/launch.rc.$i") &
  done
  wait
  for i in 1 2 3; do
    [[ $(cat "$TMP/launch.rc.$i") == 0 && $(cat "$TMP/launch.out.$i") == "今天 天气 很好" ]] \
      || fail "run $i: rc $(cat "$TMP/launch.rc.$i"): $(cat "$TMP/launch.err.$i")" || return 1
  done
  [[ $(cat "$TMP/launch.err."* | grep -c 'ciku: building') == 1 ]] || fail "built more than once" || return 1
  mkdir -p "$TMP/nomvn"
  local t
  for t in bash env find dirname readlink stat mktemp flock rm mkdir; do
    ln -sf "$(command -v "$t")" "$TMP/nomvn/$t"
  done
  touch "$TMP/launch/src/main/java/dev/ciku/cli/Main.java"
  echo 今天 | PATH="$(dirname "$(readlink -f "$(command -v java)")"):$TMP/nomvn" "$c" segment -q \
    > "$TMP/launch.out" 2> "$TMP/launch.err" || fail "stale jar without mvn: $(cat "$TMP/launch.err")" || return 1
  grep -q 'Maven (mvn) is not installed' "$TMP/launch.err" || fail "no warning" || return 1
  local rc=0
  echo 今天 | JAVA_HOME="$TMP/nowhere" "$c" segment -q > /dev/null 2> "$TMP/launch.err" || rc=$?
  [[ $rc == 69 && $(wc -l < "$TMP/launch.err") == 1 ]] || fail "missing java: rc $rc: $(cat "$TMP/launch.err")" || return 1
  (cd "$TMP" && echo 今天 | CIKU_OPTS='-Xmx1g *' "$c" segment -q > /dev/null 2> "$TMP/launch.err")
  grep -q 'main class \*' "$TMP/launch.err" || fail "CIKU_OPTS glob-expanded: $(head -1 "$TMP/launch.err")"
}

# A closed standard input (<&-) is an I/O error when read (exit 74, one line), through the
# launcher and with the jar run directly (the JVM would otherwise read its own lib/modules as the
# corpus, exit 0); files are read as usual with it closed.
check_closed_stdin_is_an_error() {
  local rc=0 jar="$ROOT/target/ciku-0.1.0-all.jar"
  "$CIKU" stats - <&- > "$TMP/stdin.out" 2> "$TMP/stdin.err" || rc=$?
  [[ $rc == 74 && $(wc -l < "$TMP/stdin.err") == 1 && ! -s "$TMP/stdin.out" ]] \
    || fail "launcher: rc $rc: $(cat "$TMP/stdin.err")" || return 1
  rc=0
  java -jar "$jar" stats - <&- > "$TMP/stdin.out" 2> "$TMP/stdin.err" || rc=$?
  [[ $rc == 74 && $(wc -l < "$TMP/stdin.err") == 1 ]] \
    || fail "java -jar: rc $rc: $(cat "$TMP/stdin.err")" || return 1
  "$CIKU" stats corpora-samples/laws-zh.txt <&- | grep -q '^11392'$'\t' || fail "a file, stdin closed"
}

check_closed_stdout_is_an_error_before_the_work() {
  local rc=0 jar="$ROOT/target/ciku-0.1.0-all.jar"
  # One line on standard error: the refusal came before the work, which logs its stages there.
  "$CIKU" discover corpora-samples/laws-zh.txt >&- 2> "$TMP/stdout.err" || rc=$?
  [[ $rc == 74 && $(wc -l < "$TMP/stdout.err") == 1 ]] \
    && grep -q 'standard output: it is closed' "$TMP/stdout.err" \
    || fail "launcher: rc $rc: $(cat "$TMP/stdout.err")" || return 1
  rc=0
  java -jar "$jar" count corpora-samples/laws-zh.txt >&- 2> "$TMP/stdout.err" || rc=$?
  [[ $rc == 74 && $(wc -l < "$TMP/stdout.err") == 1 ]] \
    || fail "java -jar: rc $rc: $(cat "$TMP/stdout.err")" || return 1
  # With -o, standard output is not needed.
  "$CIKU" discover corpora-samples/laws-zh.txt --top 5 -o "$TMP/stdout.tsv" >&- 2> /dev/null \
    && [[ $(wc -l < "$TMP/stdout.tsv") == 6 ]] || fail "-o with standard output closed"
}

check_launcher_jvm_options_keep_stdout_data() {
  local want o got
  want=$("$CIKU" stats corpora-samples/laws-zh.txt 2> /dev/null) || fail "default options" || return 1
  # A collector of the user's choice replaces the launcher's (the JVM refuses two).
  for o in -XX:+UseSerialGC -XX:+UseG1GC; do
    got=$(JAVA_OPTS=$o "$CIKU" stats corpora-samples/laws-zh.txt 2> /dev/null) \
      || fail "JAVA_OPTS=$o: the JVM did not start" || return 1
    [[ "$got" == "$want" ]] || fail "JAVA_OPTS=$o: other output" || return 1
  done
  # The same choice in the variables the JVM and the java launcher read themselves.
  got=$(JAVA_TOOL_OPTIONS=-XX:+UseSerialGC "$CIKU" stats corpora-samples/laws-zh.txt 2> /dev/null) \
    || fail "JAVA_TOOL_OPTIONS=-XX:+UseSerialGC: the JVM did not start" || return 1
  [[ "$got" == "$want" ]] || fail "JAVA_TOOL_OPTIONS=-XX:+UseSerialGC: other output" || return 1
  got=$(JDK_JAVA_OPTIONS=-XX:+UseG1GC "$CIKU" stats corpora-samples/laws-zh.txt 2> /dev/null) \
    || fail "JDK_JAVA_OPTIONS=-XX:+UseG1GC: the JVM did not start" || return 1
  [[ "$got" == "$want" ]] || fail "JDK_JAVA_OPTIONS=-XX:+UseG1GC: other output" || return 1
  # And in an @argfile, which the java launcher expands (a comment, a quoted option).
  printf -- '-XX:+UseG1GC # the collector\n"-Xmx512m"\n' > "$TMP/jvm.args"
  for v in JAVA_OPTS JDK_JAVA_OPTIONS; do
    got=$(env "$v=@$TMP/jvm.args" "$CIKU" stats corpora-samples/laws-zh.txt 2> /dev/null) \
      || fail "$v=@argfile choosing G1: the JVM did not start" || return 1
    [[ "$got" == "$want" ]] || fail "$v=@argfile: other output" || return 1
  done
  # ParallelGC's own switches choose no collector: ParallelGC and its young generation stay.
  # -XX:-UseParallelGC leaves the choice to the JVM, without the launcher's young generation.
  o=-XX:+UseMaximumCompactionOnSystemGC
  got=$(JAVA_OPTS="$o -XX:+PrintFlagsFinal" "$CIKU" --version 2>&1 > /dev/null) \
    || fail "$o: the JVM did not start" || return 1
  grep -q ' UseParallelGC *= true ' <<<"$got" || fail "$o: not ParallelGC" || return 1
  got=$(JAVA_OPTS="-XX:-UseParallelGC -XX:+PrintFlagsFinal" "$CIKU" --version 2>&1 > /dev/null) \
    || fail "-XX:-UseParallelGC: the JVM did not start" || return 1
  if grep -q ' MaxTenuringThreshold *= 0 ' <<<"$got"; then
    fail "-XX:-UseParallelGC: the launcher's young-generation flags kept"
    return 1
  fi
  # A young generation larger than the heap: the JVM warns on standard error, not in the data.
  got=$(JAVA_OPTS="-Xmx64m -Xmn80m" "$CIKU" stats corpora-samples/laws-zh.txt 2> "$TMP/jvm.err")
  [[ "$got" == "$want" ]] || fail "-Xmx64m -Xmn80m: standard output is not the data" || return 1
  grep -q 'MaxNewSize' "$TMP/jvm.err" || fail "-Xmx64m -Xmn80m: no JVM warning on stderr"
}

# discover and segment run C1 alone on inputs under 64 MB; standard input redirected from a
# file is sized as that file, a pipe is not (C2 stays).
check_launcher_sizes_standard_input_redirected_from_a_file() {
  local level
  level=$(JAVA_OPTS=-XX:+PrintFlagsFinal "$CIKU" discover -q --top 1 < corpora-samples/laws-zh.txt \
    2>&1 > /dev/null | awk '$2 == "TieredStopAtLevel" { print $4 }')
  [[ "$level" == 1 ]] || fail "discover < small file: TieredStopAtLevel $level, not 1" || return 1
  level=$(cat corpora-samples/laws-zh.txt | JAVA_OPTS=-XX:+PrintFlagsFinal "$CIKU" segment -q \
    2>&1 > /dev/null | awk '$2 == "TieredStopAtLevel" { print $4 }')
  [[ "$level" == 4 ]] || fail "cat | segment: TieredStopAtLevel $level, not 4"
}

# On a terminal the progress bar fits its width (a wrapped line cannot be erased: each redraw
# left a copy behind): at 50 columns every frame is 49 characters at most.
check_launcher_progress_bar_fits_a_narrow_terminal() {
  local news="$SHARED/corpora/news/xwlb-news-2022-2026.txt.gz" frames longest
  command -v script > /dev/null || { echo "    (no script(1): skipped)"; return 0; }
  script -qfc "stty cols 50; '$CIKU' discover --top 1 '$news' > /dev/null" "$TMP/typescript" \
    > /dev/null || fail "discover under script(1) failed" || return 1
  frames="$(tr '\r' '\n' < "$TMP/typescript" | sed 's/\x1b\[K//g' | grep '^discover ')"
  [[ -n "$frames" ]] || fail "no progress bar drawn" || return 1
  longest="$(awk '{ if (length > n) n = length } END { print n }' <<< "$frames")"
  [[ "$longest" -le 49 ]] || fail "a frame of $longest characters on 50 columns: $(
    awk 'length > 49' <<< "$frames" | head -1)"
}

check_launcher_c_locale_reads_chinese_file_names() {
  local want got e
  want=$("$CIKU" stats corpora-samples/laws-zh.txt 2> /dev/null) || fail "default locale" || return 1
  cp corpora-samples/laws-zh.txt "$TMP/法律 样本.txt"
  # The C/POSIX locale (cron, containers): the JVM would read file names as ASCII.
  for e in LC_ALL=C LANG=C LC_ALL=POSIX LANG=; do
    got=$(env -u LANG -u LC_ALL -u LC_CTYPE "$e" "$CIKU" stats "$TMP/法律 样本.txt" 2>&1) \
      || fail "$e: $got" || return 1
    [[ "$got" == "$want" ]] || fail "$e: other output: $got" || return 1
  done
}

# dict/README.md says the bundled reference profile and vocabulary rebuild byte for byte from the
# general corpus: a change to the reader or the learner that moves them must rebuild them too.
check_bundled_data_rebuilds_byte_identical() {
  local general="$SHARED/corpora/general/general-reference.txt.gz"
  # Built with --keep-case: the bundled profile keeps the case of its corpus (dict/README.md).
  "$CIKU" domain -q --build-profile --keep-case "$general" -o "$TMP/profile.gz" || return 1
  cmp -s "$TMP/profile.gz" dict/general-reference.profile.gz \
    || fail "dict/general-reference.profile.gz differs from a rebuild" || return 1
  "$CIKU" vocab -q "$general" -o "$TMP/vocab.tsv" || return 1
  cmp -s "$TMP/vocab.tsv" dict/ciku-general.vocab.tsv \
    || fail "dict/ciku-general.vocab.tsv differs from a rebuild: $(diff "$TMP/vocab.tsv" \
      dict/ciku-general.vocab.tsv | grep -c '^[<>]') lines"
}

# vocab at its smallest budget spills its fragments and word pairs (general corpus: 568,624
# distinct fragments) and still writes the bundled vocabulary byte for byte, leaving no run.
check_vocab_spilling_at_16m_identical() {
  local general="$SHARED/corpora/general/general-reference.txt.gz"
  mkdir -p "$TMP/vspill"
  "$CIKU" vocab --no-progress --memory 16m --temp-dir "$TMP/vspill" "$general" \
    -o "$TMP/vocab16.tsv" 2> "$TMP/vocab16.err" || { cat "$TMP/vocab16.err"; return 1; }
  grep -q 'distinct fragments.*runs spilled to' "$TMP/vocab16.err" \
    || fail "vocab --memory 16m did not spill its fragments: $(cat "$TMP/vocab16.err")" || return 1
  cmp -s "$TMP/vocab16.tsv" dict/ciku-general.vocab.tsv \
    || fail "vocab --memory 16m differs from dict/ciku-general.vocab.tsv: $(diff \
      "$TMP/vocab16.tsv" dict/ciku-general.vocab.tsv | grep -c '^[<>]') lines" || return 1
  [[ -z "$(ls -A "$TMP/vspill")" ]] || fail "runs left in --temp-dir: $(ls -A "$TMP/vspill")"
}

check_tmpdir_is_the_default_spill_directory() {
  local err
  mkdir -p "$TMP/spill"
  TMPDIR="$TMP/spill" "$CIKU" discover -q corpora-samples/laws-zh.txt --top 1 > /dev/null \
    || fail "TMPDIR a directory: discover failed" || return 1
  [[ -z "$(ls -A "$TMP/spill")" ]] || fail "files left in TMPDIR: $(ls -A "$TMP/spill")" || return 1
  : > "$TMP/not-a-dir"
  err=$(TMPDIR="$TMP/not-a-dir" "$CIKU" discover -q corpora-samples/laws-zh.txt 2>&1 > /dev/null)
  [[ $? == 74 ]] || fail "TMPDIR a file: not exit 74" || return 1
  [[ "$err" == *"in TMPDIR $TMP/not-a-dir: not a directory"* ]] || fail "TMPDIR a file: $err"
}

check_output_over_bundled_data_it_reads_is_refused() {
  # A copy of the jar with ciku's dict/ beside it, as bin/ciku reads it: the copy's files are the
  # ones at risk, not the checkout's. Each command writing over a file it reads.
  local c="$TMP/copy" rc f before
  mkdir -p "$c" && cp "$ROOT/target/ciku-0.1.0-all.jar" "$c/" && cp -r "$ROOT/dict" "$c/" \
    || fail "copy" || return 1
  for f in measure-words.txt known-words.txt.gz general-reference.profile.gz \
      ciku-general.vocab.tsv t2s-chars.tsv stopwords.txt; do
    before=$(md5sum < "$c/dict/$f")
    rc=0
    case $f in
      general-reference.profile.gz)
        java -jar "$c/ciku-0.1.0-all.jar" domain -q corpora-samples/laws-zh.txt \
          -o "$c/dict/$f" 2> "$TMP/bundled.err" || rc=$? ;;
      ciku-general.vocab.tsv)
        java -jar "$c/ciku-0.1.0-all.jar" segment -q corpora-samples/laws-zh.txt \
          -o "$c/dict/$f" 2> "$TMP/bundled.err" || rc=$? ;;
      t2s-chars.tsv)
        java -jar "$c/ciku-0.1.0-all.jar" stats -q corpora-samples/laws-zh.txt \
          -o "$c/dict/$f" 2> "$TMP/bundled.err" || rc=$? ;;
      stopwords.txt)
        java -jar "$c/ciku-0.1.0-all.jar" vocab -q corpora-samples/laws-zh.txt \
          -o "$c/dict/$f" 2> "$TMP/bundled.err" || rc=$? ;;
      *)
        java -jar "$c/ciku-0.1.0-all.jar" discover -q --new-only corpora-samples/laws-zh.txt \
          -o "$c/dict/$f" 2> "$TMP/bundled.err" || rc=$? ;;
    esac
    [[ $rc == 2 && $(md5sum < "$c/dict/$f") == "$before" ]] \
      && grep -q "ciku's bundled data $c/dict/$f" "$TMP/bundled.err" \
      || fail "-o dict/$f: rc $rc: $(cat "$TMP/bundled.err")" || return 1
  done
  # vocab writes the vocabulary it does not read: the documented rebuild.
  java -jar "$c/ciku-0.1.0-all.jar" vocab -q corpora-samples/laws-zh.txt \
    -o "$c/dict/ciku-general.vocab.tsv" || fail "vocab -o dict/ciku-general.vocab.tsv" || return 1
  # A new file in dict/ is no bundled data.
  java -jar "$c/ciku-0.1.0-all.jar" discover -q --top 3 corpora-samples/laws-zh.txt \
    -o "$c/dict/mine.tsv" && [[ $(wc -l < "$c/dict/mine.tsv") == 4 ]] || fail "-o dict/mine.tsv"
}

passed=0
failed=0
cd "$ROOT" || exit 2
for check in $(grep -o '^check_[a-z0-9_]*' "$ROOT/benchmarks/quick-checks.sh"); do
  start=$SECONDS
  if ( set -o pipefail; "$check" ); then
    passed=$((passed + 1))
    printf 'ok    %-45s %3ds\n' "${check#check_}" $((SECONDS - start))
  else
    failed=$((failed + 1))
    printf 'FAIL  %-45s %3ds\n' "${check#check_}" $((SECONDS - start))
  fi
done
echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
