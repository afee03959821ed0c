#!/usr/bin/env bash
# Runs the HanLP 1.x new-word peer (benchmarks/peers/hanlp) on CORPUS and prints its top K words
# as word<TAB>frequency on stdout; the /usr/bin/time -v report goes to stderr. Builds the runner
# jar first if it is missing or older than its sources. JVM options: HANLP_OPTS (default -Xmx8g).
#
#   benchmarks/peers/run-hanlp.sh CORPUS K > words.tsv 2> time.txt
set -euo pipefail
[[ $# -eq 2 ]] || { sed -n '2,6p' "$0" >&2; exit 2; }
corpus="$1"
k="$2"
[[ -r "$corpus" ]] || { echo "run-hanlp.sh: cannot read $corpus" >&2; exit 66; }
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
project="$here/hanlp"
jar="$project/target/hanlp-newword.jar"
if [[ ! -f "$jar" || -n "$(find "$project/pom.xml" "$project/src" -newer "$jar" -print -quit)" ]]; then
  echo "run-hanlp.sh: building $jar" >&2
  (cd "$project" && mvn -q -B -Dstyle.color=never package) >&2
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# shellcheck disable=SC2086
exec /usr/bin/time -v "$java" ${HANLP_OPTS:--Xmx8g} -jar "$jar" "$corpus" "$k"
