#!/usr/bin/env bash
# Quick checks of 'ciku segment', 'ciku vocab' and 'ciku eval' against ../shared (about 1 minute).
# Same conventions as benchmarks/quick-checks.sh in main: each check_* function passes when it
# returns 0; $SHARED, $CIKU, $TMP are set; the last line is 'N passed, M failed'. The functions
# can be pasted into quick-checks.sh as they are.
set -uo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
SHARED="${CIKU_SHARED:-$(dirname "$ROOT")/shared}"
CIKU="$ROOT/bin/ciku"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
export ROOT SHARED CIKU TMP
export CIKU_OPTS="${CIKU_OPTS:--Xmx2g}"
[[ -d "$SHARED/gold" ]] || { echo "quick-checks-segment: $SHARED/gold not found" >&2; exit 2; }
fail() { echo "    $*"; return 1; }

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

passed=0
failed=0
cd "$ROOT" || exit 2
for check in $(grep -o '^check_[a-z0-9_]*' "$ROOT/benchmarks/quick-checks-segment.sh"); do
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
