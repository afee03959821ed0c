#!/usr/bin/env bash
# Times 'ciku count' against the Spark count job in local[N] on one file; prints one line per run
# (wall seconds, peak RSS, load average before the run). Usage:
#   spark/bench-local.sh FILE [RUN...]   RUN = cli | spark:MASTER_THREADS:PARTITIONS:INPUT[:REDUCE]
# where INPUT is 'gz' (FILE as given) or 'plain' (an uncompressed copy in /tmp, splittable).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(dirname "$here")"
file="$1"; shift
out="${BENCH_OUT:-/tmp/ciku-spark-bench}"
mkdir -p "$out"
cp_file="$out/provided.classpath"
if [[ ! -s "$cp_file" ]]; then
  # Spark and its dependencies only: ciku, fastutil and picocli come from the job jar.
  "$here/provided-classpath.sh" >"$cp_file"
fi
job="$here/target/ciku-spark-0.1.0-job.jar"
[[ -f "$job" ]] || { echo "build the job jar first: mvn -q -B -DskipTests install && (cd spark && mvn -q -B -DskipTests package)" >&2; exit 69; }
plain="$out/$(basename "${file%.gz}")"
# The driver writes the store (Chronicle Map): the flags of the root pom's chronicle.jvm.flags.
store_flags="$(sed -n 's|.*<store.jvm.flags>\(.*\)</store.jvm.flags>.*|\1|p' "$here/pom.xml")"
timed() { # name, command...
  local name="$1"; shift
  local load; load="$(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -v "$@" >"$out/$name.out" 2>"$out/$name.err"
  local wall rss cpu
  wall="$(grep 'Elapsed (wall clock)' "$out/$name.err" | awk '{print $NF}')"
  rss="$(grep 'Maximum resident set size' "$out/$name.err" | awk '{print $NF}')"
  cpu="$(grep -e 'User time' -e 'System time' "$out/$name.err" | awk '{s += $NF} END {print s}')"
  printf '%s\twall %s\tCPU %s s\tpeak RSS %d MB\tload before %s\n' "$name" "$wall" "$cpu" \
    $((rss / 1024)) "$load"
}
for run in "$@"; do
  case "$run" in
    cli)
      timed cli "$root/bin/ciku" count "$file" -o "$out/cli.ngrams" --no-progress ;;
    spark:*)
      IFS=: read -r _ threads parts input reduce <<<"$run"
      reduce="${reduce:-0}"
      in="$file"
      if [[ "$input" == plain ]]; then
        [[ -f "$plain" ]] || zcat -f "$file" >"$plain"
        in="$plain"
      fi
      # shellcheck disable=SC2086
      timed "spark-local$threads-p$parts-r$reduce-$input" java -Xmx4g -XX:+UseParallelGC $store_flags \
        -Dspark.master="local[$threads]" -Dspark.ui.enabled=false \
        -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1 \
        -Dlog4j2.configurationFile="$here/src/test/resources/log4j2.properties" \
        -cp "$job:$(cat "$cp_file")" dev.ciku.spark.Main count --partitions "$parts" --reduce-partitions "$reduce" \
        -o "$out/spark-$input-p$parts.ngrams" "$in"
      grep -h '^ciku-spark: .*partition' "$out/spark-local$threads-p$parts-r$reduce-$input.err" | head -1 || true
      if [[ -f "$out/cli.ngrams" ]]; then
        cmp -s "$out/cli.ngrams" "$out/spark-$input-p$parts.ngrams" \
          && echo "  store identical to the CLI's" || echo "  store DIFFERS from the CLI's"
      fi ;;
  esac
done
