#!/usr/bin/env bash
# Times a command on a corpus, REPEATS times, under /usr/bin/time -v.
#
#   benchmarks/bench.sh CORPUS REPEATS -- COMMAND...   e.g. bench.sh c.txt.gz 3 -- bin/ciku stats c.txt.gz
#   benchmarks/bench.sh --baseline CORPUS REPEATS      times 'zcat -f CORPUS | wc -m' the same way
#
# Prints one TSV row per run: run wall_s MB_per_s Mchars_per_s peak_rss_MB user_s sys_s, where MB
# (10^6 bytes) and chars are of the uncompressed corpus text (zcat -f | wc -c, and wc -m under
# C.UTF-8), whatever the command reads. The command's stdout goes to /dev/null; its stderr is kept
# in a temporary file and shown only if the command fails. peak_rss_MB is the largest RSS of one
# process (for the baseline pipeline: of the shell running it, zcat and wc are smaller).
set -euo pipefail

usage() { sed -n '2,11p' "$0" >&2; exit 2; }

baseline=0
if [[ "${1:-}" == "--baseline" ]]; then
  baseline=1
  shift
fi
[[ $# -ge 2 ]] || usage
corpus="$1"
repeats="$2"
shift 2
if [[ $baseline == 1 ]]; then
  [[ $# -eq 0 ]] || usage
  cmd=(bash -c 'zcat -f -- "$1" | LC_ALL=C.UTF-8 wc -m' _ "$corpus")
else
  [[ "${1:-}" == "--" ]] || usage
  shift
  [[ $# -ge 1 ]] || usage
  cmd=("$@")
fi
[[ -r "$corpus" ]] || { echo "bench.sh: cannot read $corpus" >&2; exit 66; }
[[ "$repeats" =~ ^[1-9][0-9]*$ ]] || { echo "bench.sh: REPEATS must be a positive integer" >&2; exit 2; }
timebin=/usr/bin/time
[[ -x $timebin ]] || { echo "bench.sh: $timebin missing (Debian package 'time')" >&2; exit 69; }

bytes=$(zcat -f -- "$corpus" | wc -c)
chars=$(zcat -f -- "$corpus" | LC_ALL=C.UTF-8 wc -m)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "# corpus=$corpus bytes=$bytes chars=$chars"
echo "# command: ${cmd[*]}"
echo "# date: $(date -u) load: $(cut -d' ' -f1-3 /proc/loadavg) cores: $(nproc)"
printf 'run\twall_s\tMB_per_s\tMchars_per_s\tpeak_rss_MB\tuser_s\tsys_s\n'
for ((i = 1; i <= repeats; i++)); do
  if ! "$timebin" -v -o "$tmp/time" "${cmd[@]}" >/dev/null 2>"$tmp/err"; then
    echo "bench.sh: run $i failed:" >&2
    cat "$tmp/err" "$tmp/time" >&2
    exit 1
  fi
  awk -v run="$i" -v bytes="$bytes" -v chars="$chars" -F': ' '
    /Elapsed \(wall clock\)/ {
      n = split($2, p, ":"); wall = 0
      for (k = 1; k <= n; k++) wall = wall * 60 + p[k]
    }
    /Maximum resident set size/ { rss = $2 / 1024 }
    /User time \(seconds\)/ { user = $2 }
    /System time \(seconds\)/ { sys = $2 }
    END {
      printf "%d\t%.2f\t%.2f\t%.3f\t%.0f\t%.2f\t%.2f\n", run, wall, bytes / 1e6 / wall,
        chars / 1e6 / wall, rss, user, sys
    }' "$tmp/time"
done
