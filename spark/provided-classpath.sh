#!/usr/bin/env bash
# Prints the class path a cluster gives ciku-spark's job jar: Spark and its dependencies only
# (the 'provided' scope), without what the job jar itself carries (ciku, fastutil, picocli) and
# without test libraries. Running the job jar on it is running it as spark-submit does.
#
#   spark/provided-classpath.sh > provided.classpath
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
all="$(mktemp "${TMPDIR:-/tmp}/ciku-spark-cp.XXXXXX")"
trap 'rm -f "$all"' EXIT
(cd "$here" && mvn -q -B dependency:build-classpath -Dmdep.includeScope=provided \
  -Dmdep.outputFile="$all" >/dev/null)
tr ':' '\n' <"$all" | grep -v -e /dev/ciku/ -e /info/picocli/ -e /it/unimi/dsi/ \
  -e /org/junit/ -e /org/opentest4j/ -e /org/apiguardian/ | paste -sd:
