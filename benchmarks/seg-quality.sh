#!/usr/bin/env bash
# Segmentation quality on the SIGHAN 2005 PKU and MSR test sets (../shared/gold/sighan2005).
#
#   benchmarks/seg-quality.sh [--vocab FILE] [--learn CORPUS...] [--min-f1 X]
#
# Segments pku_test.utf8 and msr_test.utf8 with 'bin/ciku segment' (the embedded default
# vocabulary unless --vocab FILE; with --learn, a vocabulary learned first by 'ciku vocab' from
# the given raw corpora), scores each with 'ciku eval seg' AND the independent
# ../shared/tools/seg_score.py, and fails if the two disagree at the 4th decimal or if an F1 is
# below --min-f1 (default 0.80). Prints one TSV row per test set; takes ~15 s (+~10 s for --learn
# on general-reference). Last line: 'N passed, M failed'.
set -uo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
SHARED="${CIKU_SHARED:-$(dirname "$ROOT")/shared}"
CIKU="$ROOT/bin/ciku"
G="$SHARED/gold/sighan2005"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
vocab=()
min_f1=0.80
learn=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --vocab) vocab=(--vocab "$2"); shift 2 ;;
    --min-f1) min_f1="$2"; shift 2 ;;
    --learn) shift; while [[ $# -gt 0 && "$1" != --* ]]; do learn+=("$1"); shift; done ;;
    *) echo "usage: $0 [--vocab FILE] [--learn CORPUS...] [--min-f1 X]" >&2; exit 2 ;;
  esac
done
[[ -d "$G" ]] || { echo "seg-quality: $G not found" >&2; exit 2; }
if [[ ${#learn[@]} -gt 0 ]]; then
  "$CIKU" vocab -q "${learn[@]}" -o "$TMP/vocab.tsv" --stats "$TMP/vocab.stats" || exit 1
  vocab=(--vocab "$TMP/vocab.tsv")
  sed 's/^/# /' "$TMP/vocab.stats"
fi
passed=0
failed=0
printf 'set\tvocab\tP\tR\tF1\tOOV_R\tIV_R\tF1_seg_score.py\tseconds\n'
for t in pku msr; do
  start=$(date +%s.%N)
  "$CIKU" segment -q "${vocab[@]}" "$G/${t}_test.utf8" >"$TMP/$t.out" || { failed=$((failed+1)); continue; }
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  row=$("$CIKU" eval seg --no-header --gold "$G/${t}_test_gold.utf8" --pred "$TMP/$t.out" \
      --train-words "$G/${t}_training_words.utf8") || { failed=$((failed+1)); continue; }
  ref=$(python3 "$SHARED/tools/seg_score.py" "$G/${t}_test_gold.utf8" "$TMP/$t.out" \
      "$G/${t}_training_words.utf8" | awk '/^F1/ {print $2}')
  IFS=$'\t' read -r _ _ _ p r f _ oov iv <<<"$row"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.1f\n' "$t" "${vocab[1]:-embedded}" "$p" "$r" "$f" \
      "$oov" "$iv" "$ref" "$secs"
  if [[ "$f" != "$ref" ]]; then
    echo "FAIL  $t: ciku eval seg F1 $f, seg_score.py $ref"; failed=$((failed+1))
  elif (( $(echo "$f < $min_f1" | bc) )); then
    echo "FAIL  $t: F1 $f below $min_f1"; failed=$((failed+1))
  else
    passed=$((passed+1))
  fi
done
echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
