#!/usr/bin/env bash
# 'ciku discover' across domains and corpus sizes, side by side with HanLP's NewWordDiscover.
#
#   benchmarks/discover-domains.sh [--no-peer] [--top K] [CORPUS...] [-- DISCOVER_OPTIONS...]
#
# For every corpus (default: each of ../shared/corpora/{car,reviews,web,weibo,wiki,legal,general},
# 0.3 M to 20 M characters), runs 'ciku discover --top K' (default 1000) and, unless --no-peer,
# benchmarks/peers/run-hanlp.sh on the same file, both under /usr/bin/time -v, and scores each
# list with ../shared/tools/term_pk.py against the general lexicon union (P@100, P@500, P@K);
# ciku's lists are written with --no-header, since the script scores any first line as a word.
# Prints one Markdown table row per corpus and program; outputs are kept in $OUT (default: a
# temporary directory). The thresholds are ciku's defaults, which adapt to the corpus size, so
# the small corpora show whether they still hold 100 times below the news corpus.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
SHARED="${CIKU_SHARED:-$(dirname "$ROOT")/shared}"
CIKU="$ROOT/bin/ciku"
peer=1
top=1000
corpora=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-peer) peer=0; shift ;;
    --top) top="$2"; shift 2 ;;
    --) shift; break ;;
    -h | --help) sed -n '2,/^set -/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "discover-domains.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) corpora+=("$1"); shift ;;
  esac
done
if [[ ${#corpora[@]} -eq 0 ]]; then
  for d in car reviews web weibo wiki legal general; do
    for f in "$SHARED/corpora/$d"/*; do
      [[ -f "$f" ]] && corpora+=("$f")
    done
  done
fi
union="$SHARED/lexicons/union/general-lexicon-union.tsv"
[[ -r "$union" ]] || { echo "discover-domains.sh: cannot read $union" >&2; exit 66; }
out="${OUT:-$(mktemp -d)}"
mkdir -p "$out"
cut="$(IFS=,; echo "100,500,$top")"

# row NAME PROGRAM CHARS TIMEFILE LIST: one table row from a /usr/bin/time -v report and a list.
row() {
  local wall rss pk n
  wall=$(awk '/Elapsed \(wall/ {print $NF}' "$4")
  rss=$(awk '/Maximum resident/ {printf "%.0f", $NF / 1024}' "$4")
  n=$(grep -vc '^word'$'\t' "$5" || true)
  pk=$(python3 "$SHARED/tools/term_pk.py" "$5" "$union" --k "$cut" \
    | awk '{printf "%s%s", sep, $2; sep=" / "}')
  printf '| %s | %s | %s | %s | %s MB | %s | %s |\n' "$1" "$3" "$2" "$wall" "$rss" "$n" "$pk"
}

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg), top $top"
echo
echo "| corpus | chars | program | wall | peak RSS | words | P@100 / P@500 / P@$top |"
echo "| --- | ---: | --- | ---: | ---: | ---: | --- |"
for c in "${corpora[@]}"; do
  [[ -r "$c" ]] || { echo "discover-domains.sh: cannot read $c" >&2; exit 66; }
  name="$(basename "$(dirname "$c")")/$(basename "$c")"
  key="${name//\//-}"
  chars=$(gzip -dcf "$c" | wc -m | awk '{printf "%.2f M", $1 / 1e6}')
  /usr/bin/time -v -o "$out/$key.ciku.time" "$CIKU" discover -q --no-header "$c" --top "$top" "$@" \
    > "$out/$key.ciku.tsv"
  row "$name" ciku "$chars" "$out/$key.ciku.time" "$out/$key.ciku.tsv"
  if [[ $peer == 1 ]]; then
    "$ROOT/benchmarks/peers/run-hanlp.sh" "$c" "$top" > "$out/$key.hanlp.tsv" \
      2> "$out/$key.hanlp.time"
    row "$name" HanLP "$chars" "$out/$key.hanlp.time" "$out/$key.hanlp.tsv"
  fi
done
echo
echo "outputs in $out"
