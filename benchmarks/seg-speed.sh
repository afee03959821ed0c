#!/usr/bin/env bash
# Speed and memory of 'ciku segment' and 'ciku vocab' on a corpus (default: bench-mixed).
#
#   benchmarks/seg-speed.sh [CORPUS] [REPEATS]
#
# Each run is timed with /usr/bin/time -v; one TSV row per run: command, wall seconds, MB/s
# (uncompressed bytes, 10^6 to the MB, per wall second), peak RSS in MiB. The corpus is
# decompressed once to a temporary file so that zcat does not compete for the two cores; a
# second 'segment' row reads it through a pipe from zcat, as a user would.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
SHARED="${CIKU_SHARED:-$(dirname "$ROOT")/shared}"
CIKU="$ROOT/bin/ciku"
case "${1:-}" in
  -h | --help) sed -n '2,/^set -/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
esac
corpus="${1:-$SHARED/corpora/benchmark/bench-mixed.txt.gz}"
repeats="${2:-3}"
[[ "$repeats" =~ ^[1-9][0-9]*$ ]] || { echo "seg-speed.sh: REPEATS must be a positive number, not '$repeats' (see --help)" >&2; exit 2; }
[[ -r "$corpus" ]] || { echo "seg-speed.sh: cannot read $corpus" >&2; exit 66; }
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
zcat -f -- "$corpus" >"$TMP/corpus.txt"
bytes=$(wc -c <"$TMP/corpus.txt")
"$CIKU" --version >/dev/null
run() {
  local name="$1"; shift
  /usr/bin/time -v -o "$TMP/time" bash -c "$*" >/dev/null 2>"$TMP/err" || { cat "$TMP/err" >&2; exit 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed/ {n = split($2, a, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + a[i]; print s}' "$TMP/time")
  rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2 / 1024}' "$TMP/time")
  printf '%s\t%s\t%.1f\t%s\n' "$name" "$wall" "$(echo "$bytes / 1000000 / $wall" | bc -l)" "$rss"
}
echo "# corpus $corpus: $bytes bytes uncompressed; $(date -u); load $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'command\twall_s\tMB_per_s\tpeak_rss_MiB\n'
for ((i = 0; i < repeats; i++)); do
  run "segment <file" "'$CIKU' segment -q <'$TMP/corpus.txt'"
  run "segment -t 1 <file" "'$CIKU' segment -q -t 1 <'$TMP/corpus.txt'"
  run "zcat | segment" "zcat -f -- '$corpus' | '$CIKU' segment -q"
  run "vocab" "'$CIKU' vocab -q '$TMP/corpus.txt' -o '$TMP/v.tsv'"
done
