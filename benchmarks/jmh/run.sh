#!/usr/bin/env bash
# Builds and runs the JMH benchmarks of ciku's counting kernel.
#
#   benchmarks/jmh/run.sh [JMH ARGS...]    e.g. run.sh CountingKernelBench.count -p order=2
#
# Installs the ciku jar into the local Maven repository (mvn -DskipTests install in the root),
# builds benchmarks/jmh/target/benchmarks.jar, and runs it on corpora-samples/laws-zh.txt (set
# CIKU_BENCH_CORPUS to use another UTF-8 text). JSON results go to benchmarks/jmh/target/jmh.json.
# Took about 2 minutes (plus the builds) with the defaults (@Fork(1), 3 warm-up and 5 measured iterations).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus="${CIKU_BENCH_CORPUS:-$root/corpora-samples/laws-zh.txt}"

(cd "$root" && mvn -q -B -DskipTests install)
(cd "$here" && mvn -q -B package)
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java" -Dciku.bench.corpus="$corpus" -jar "$here/target/benchmarks.jar" \
  -jvmArgsAppend "-Dciku.bench.corpus=$corpus" -rf json -rff "$here/target/jmh.json" "$@"
