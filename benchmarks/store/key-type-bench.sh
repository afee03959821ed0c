#!/usr/bin/env bash
# Runs KeyTypeBench.java (single-file source launch) against the built ciku jar.
#   benchmarks/store/key-type-bench.sh STORE.ngrams gramkey|bytes|value
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$root/target/ciku-0.1.0-all.jar"
flags=$(sed -n 's:.*<chronicle.jvm.flags>\(.*\)</chronicle.jvm.flags>.*:\1:p' "$root/pom.xml")
# shellcheck disable=SC2086
exec java -Xmx2g $flags -cp "$jar" "$here/KeyTypeBench.java" "$@"
