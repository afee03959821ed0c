#!/usr/bin/env bash
# Domain-term quality of 'ciku domain': P@100/500/1000 of the top 1000 terms against gold
# lexicons, scored by ../shared/tools/term_pk.py, with wall time and peak RSS (/usr/bin/time -v).
#
#   benchmarks/domain-quality.sh            legal and car pairs against the bundled reference
#   benchmarks/domain-quality.sh --quick    car pair only (1.7 MB; for CI, about 10 s)
#   EXTRA="--rank g2" benchmarks/domain-quality.sh   extra options for every ciku domain run
#   MIN_P500=0.12 benchmarks/domain-quality.sh --quick   exit 1 if any pair's P@500 is below
#                                                          (for CI; car measured 0.200)
#
# Results go to stdout as a Markdown table; the ranked lists stay in $OUT (default a temp dir).
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
SHARED="${CIKU_SHARED:-$(dirname "$ROOT")/shared}"
CIKU="$ROOT/bin/ciku"
quick=0
case "${1:-}" in
  "") ;;
  --quick) quick=1 ;;
  -h | --help) sed -n '2,/^set -/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "domain-quality.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
esac
[[ $# -le 1 ]] || { echo "domain-quality.sh: one argument at most (see --help)" >&2; exit 2; }
OUT="${OUT:-$(mktemp -d)}"
mkdir -p "$OUT"
EXTRA="${EXTRA:-}"
MIN_P500="${MIN_P500:-}"
status=0

if [[ ! -d "$SHARED/corpora" ]]; then
  echo "domain-quality: $SHARED/corpora not found" >&2
  exit 2
fi
LEX="$SHARED/lexicons"

run_pair() { # name corpus gold...
  local name="$1" corpus="$2"
  shift 2
  local ranked="$OUT/$name.tsv" timing="$OUT/$name.time"
  # shellcheck disable=SC2086
  /usr/bin/time -v "$CIKU" domain -q --no-progress --no-header --top 1000 $EXTRA "$corpus" \
    -o "$ranked" 2> "$timing"
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$timing")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$timing")
  local p
  p=$(python3 "$SHARED/tools/term_pk.py" "$ranked" "$@" --k 100,500,1000 \
    | awk '{printf "%s | ", $2}')
  echo "| $name | $p$wall | $rss MB |"
  if [[ -n "$MIN_P500" ]]; then
    local p500
    p500=$(python3 "$SHARED/tools/term_pk.py" "$ranked" "$@" --k 500 | awk '{print $2}')
    if ! awk -v a="$p500" -v b="$MIN_P500" 'BEGIN { exit !(a >= b) }'; then
      echo "domain-quality: $name P@500 $p500 is below $MIN_P500" >&2
      status=1
    fi
  fi
}

echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "options: ${EXTRA:-(defaults)}"
echo
echo "| pair | P@100 | P@500 | P@1000 | wall | peak RSS |"
echo "| --- | --- | --- | --- | --- | --- |"
run_pair car "$SHARED/corpora/car/bdci2018-car-forum.txt" \
  "$LEX/thuocl/THUOCL_car.txt" "$LEX/domain/domainwordsdict-汽车行业.txt"
if [[ $quick == 0 ]]; then
  run_pair legal "$SHARED/corpora/legal/lawrefbook-laws.txt.gz" \
    "$LEX/thuocl/THUOCL_law.txt" "$LEX/domain/domainwordsdict-法律诉讼.txt"
fi
echo
echo "ranked lists: $OUT"
exit $status
