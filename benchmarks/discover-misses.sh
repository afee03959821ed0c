#!/usr/bin/env bash
# Where the SIGHAN protocol's misses come from: the gold words that the protocol splits with
# ciku's word list, grouped by the discovery stage that kept them out (ciku discover --explain).
#
#   benchmarks/discover-misses.sh DIR [-- DISCOVER_OPTIONS...]
#
# DIR is an output directory of benchmarks/discover-quality.sh (it reads DIR/pku.seg and
# DIR/msr.seg, the protocol's segmentations). Discovery runs again on the same corpus
# (../shared/corpora/benchmark/bench-mixed.txt.gz; CIKU_CORPUS overrides it) with the given
# options, which should be those of the quality run. For each test set it prints the split gold
# tokens that are Han words, by stage (share of the tokens), with the most frequent examples;
# the other split tokens hold full-width digits or letters, which the protocol's segmenter puts
# on their own whatever the list.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
SHARED="${CIKU_SHARED:-$(dirname "$ROOT")/shared}"
[[ $# -ge 1 && -d "$1" ]] || { sed -n '2,13p' "$0" >&2; exit 2; }
dir="$1"
shift
[[ "${1:-}" == "--" ]] && shift
corpus="${CIKU_CORPUS:-$SHARED/corpora/benchmark/bench-mixed.txt.gz}"
gold="$SHARED/gold/sighan2005"
for t in pku msr; do
  [[ -r "$dir/$t.seg" ]] || { echo "discover-misses.sh: no $dir/$t.seg" >&2; exit 66; }
  # Gold words of 2..12 Han characters that the segmentation splits, with their occurrences.
  python3 - "$gold/${t}_test_gold.utf8" "$dir/$t.seg" "$dir/$t.split" <<'EOF'
import collections, re, sys
han = re.compile(r'^[\u4e00-\u9fd5]{2,12}$')
split, other = collections.Counter(), 0
with open(sys.argv[1], encoding='utf-8') as g, open(sys.argv[2], encoding='utf-8') as p:
    for gl, pl in zip(g, p):
        bounds, i = set(), 0
        for w in pl.split():
            bounds.add(i); i += len(w); bounds.add(i)
        i = 0
        for w in gl.split():
            if len(w) > 1 and any(b in bounds for b in range(i + 1, i + len(w))):
                if han.match(w):
                    split[w] += 1
                else:
                    other += 1
            i += len(w)
with open(sys.argv[3], 'w', encoding='utf-8') as out:
    out.write(f"#other\t{other}\n")
    for w, n in split.most_common():
        out.write(f"{w}\t{n}\n")
EOF
  words=$(grep -v '^#' "$dir/$t.split" | cut -f1 | paste -sd, -)
  "$ROOT/bin/ciku" discover -q "$corpus" "$@" --explain "$words" > "$dir/$t.explain"
  python3 - "$t" "$dir/$t.split" "$dir/$t.explain" <<'EOF'
import collections, sys
name, split_file, explain_file = sys.argv[1:4]
n, other = {}, 0
for line in open(split_file, encoding='utf-8'):
    w, c = line.rstrip('\n').split('\t')
    if w == '#other':
        other = int(c)
    else:
        n[w] = int(c)
by, ex = collections.Counter(), collections.defaultdict(list)
rows = [l.rstrip('\n').split('\t') for l in open(explain_file, encoding='utf-8')][1:]
for r in rows:
    by[r[1]] += n[r[0]]
    ex[r[1]].append((n[r[0]], r[0]))
total = sum(by.values())
print(f"{name}: {total} split gold tokens are Han words ({len(rows)} words); {other} others")
for stage, c in by.most_common():
    top = " ".join(f"{w}:{k}" for k, w in sorted(ex[stage], key=lambda e: (-e[0], e[1]))[:10])
    print(f"  {stage:<10} {c:6d} {100 * c / total:5.1f}%  {top}")
EOF
done
