#!/usr/bin/env bash
# Builds ciku's core into the local Maven repository, then builds and tests ciku-spark
# (Spark local[2] in the test JVM; the first run downloads Spark into ~/.m2).
set -euo pipefail
# Spark binds to the loopback interface only (tests never leave this machine).
export SPARK_LOCAL_IP=127.0.0.1
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
echo "== install ciku core (mvn -q -B -DskipTests install)"
(cd "$here/.." && mvn -q -B -DskipTests install)
echo "== ciku-spark: mvn -B verify"
cd "$here"
mvn -B clean verify
