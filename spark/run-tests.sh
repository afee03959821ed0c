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

# The tests run with the core's class path, which holds more than a cluster does: run the job
# jar as spark-submit would (Spark's jars only beside it) and compare it with the CLI.
echo "== the job jar on Spark's class path alone: count equals ciku count"
job="$here/target/ciku-spark-0.1.0-job.jar"
cp="$("$here/provided-classpath.sh")"
flags="$(sed -n 's|.*<store.jvm.flags>\(.*\)</store.jvm.flags>.*|\1|p' "$here/pom.xml")"
sample="$here/../corpora-samples/laws-zh.txt"
java -cp "$job:$cp" dev.ciku.spark.Main --help >/dev/null
# shellcheck disable=SC2086
spark_err="$(mktemp)"
trap 'rm -f "$spark_err"' EXIT
spark_tsv="$(java -Xmx1g $flags -Dspark.master='local[2]' -cp "$job:$cp" dev.ciku.spark.Main \
  count --tsv - --top 200 -n 4 "$sample" 2>"$spark_err")"
# The job jar's log4j2.properties: Spark's warnings only, not its INFO lines.
if grep -q ' INFO ' "$spark_err"; then
  echo "the job jar's run logged Spark's INFO lines:" >&2
  grep -m 3 ' INFO ' "$spark_err" >&2
  exit 1
fi
cli_tsv="$(java -jar "$here/../target/ciku-0.1.0-all.jar" count -q --top 200 -n 4 "$sample")"
if [[ "$spark_tsv" != "$cli_tsv" || -z "$cli_tsv" ]]; then
  echo "the job jar's count differs from ciku count on $sample" >&2
  exit 1
fi
echo "   same 200 rows"
