#!/usr/bin/env bash
# Quality of 'ciku discover', measured the way the peers report it.
#
#   benchmarks/discover-quality.sh [--quick] [--corpus FILE] [--min-f1 F] [-- DISCOVER_OPTIONS...]
#
# 1. SIGHAN protocol (the one bojone's word-discovery reports): discover on the corpus (default
#    ../shared/corpora/benchmark/bench-mixed.txt.gz; --quick: the 10 M-char news corpus), take the
#    top 50,000 words as a 'word count' dictionary, segment ../shared/gold/sighan2005/{pku,msr}_test
#    with the independent unigram maximum-probability segmenter ../shared/tools/unigram_seg.py and
#    score with ../shared/tools/seg_score.py.
# 2. (not with --quick) precision at K of the ranked list against the general lexicon union, on
#    the news corpus, side by side with HanLP's NewWordDiscover (benchmarks/peers/run-hanlp.sh).
# Exits non-zero if an F1 is below --min-f1 (default 0).
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
SHARED="${CIKU_SHARED:-$(dirname "$ROOT")/shared}"
CIKU="$ROOT/bin/ciku"
quick=0
min_f1=0
corpus="$SHARED/corpora/benchmark/bench-mixed.txt.gz"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=1; corpus="$SHARED/corpora/news/xwlb-news-2022-2026.txt.gz"; shift ;;
    --corpus) corpus="$2"; shift 2 ;;
    --min-f1) min_f1="$2"; shift 2 ;;
    --) shift; break ;;
    -h | --help) sed -n '2,/^set -/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "discover-quality.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
out="${OUT:-$(mktemp -d)}"
mkdir -p "$out"
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg), corpus $(basename "$corpus")"
/usr/bin/time -v -o "$out/discover.time" "$CIKU" discover -q "$corpus" --top 50000 --format dict \
  -o "$out/vocab.dict" "$@"
wall=$(grep 'Elapsed (wall' "$out/discover.time" | awk '{print $NF}')
rss=$(grep 'Maximum resident' "$out/discover.time" | awk '{printf "%.0f", $NF/1024}')
echo "discover: $(wc -l < "$out/vocab.dict") words, wall $wall, peak RSS ${rss} MB"
status=0
for t in pku msr; do
  python3 "$SHARED/tools/unigram_seg.py" "$out/vocab.dict" "$SHARED/gold/sighan2005/${t}_test.utf8" \
    "$out/$t.seg" --top 50000
  python3 "$SHARED/tools/seg_score.py" "$SHARED/gold/sighan2005/${t}_test_gold.utf8" "$out/$t.seg" \
    "$SHARED/gold/sighan2005/${t}_training_words.utf8" > "$out/$t.score"
  f1=$(awk '$1 == "F1" {print $2}' "$out/$t.score")
  echo "$t: $(tr '\n' ' ' < "$out/$t.score")"
  if awk -v f="$f1" -v m="$min_f1" 'BEGIN { exit !(f < m) }'; then
    echo "$t: F1 $f1 is below $min_f1" >&2
    status=1
  fi
done
if [[ $quick == 0 ]]; then
  news="$SHARED/corpora/news/xwlb-news-2022-2026.txt.gz"
  union="$SHARED/lexicons/union/general-lexicon-union.tsv"
  /usr/bin/time -v -o "$out/ciku-news.time" "$CIKU" discover -q --no-header "$news" --top 1000 > "$out/ciku-news.tsv"
  "$ROOT/benchmarks/peers/run-hanlp.sh" "$news" 1000 > "$out/hanlp-news.tsv" 2> "$out/hanlp-news.time"
  for who in ciku hanlp; do
    wall=$(grep 'Elapsed (wall' "$out/$who-news.time" | awk '{print $NF}')
    rss=$(grep 'Maximum resident' "$out/$who-news.time" | awk '{printf "%.0f", $NF/1024}')
    echo "$who on news: wall $wall, peak RSS ${rss} MB; against the lexicon union:" \
      "$(python3 "$SHARED/tools/term_pk.py" "$out/$who-news.tsv" "$union" --k 100,500,1000 | tr '\n' ' ')"
  done
fi
echo "outputs in $out"
exit $status
