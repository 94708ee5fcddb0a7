#!/usr/bin/env bash
# The benchmarks from one command: builds benchmarks/target/benchmarks.jar, runs every JMH benchmark with JSON
# results, the end-to-end delivery run (every system against its own strict endpoint on 127.0.0.1, the bare-SDK
# ceiling in the same run) and the outage run, then renders docs/benchmarks.md's generated sections and the charts
# docs/img/bench-*.svg from that output. Raw results stay in target/bench/.
#
#   ./scripts/bench.sh [EVENTS]   the full run: EVENTS per system (default 1000000), 60 s outage. Takes 20 to 25
#                                 minutes on 2 cores; run it on a quiet machine, since every figure is relative to
#                                 what it can do.
#   ./scripts/bench.sh --smoke    CI's check that every benchmark still runs: one short JMH iteration each, 20,000
#                                 events, 3 s outage; the report goes to target/bench/report/, docs/ is not touched.
#                                 Fails if a system fails or throws, or if one of our appenders loses an event.
# BENCH_SKIP_BUILD=1 uses the jar already built (scripts/test.sh has just built it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

mode=full
events=1000000
case "${1:-}" in
  --smoke) mode=smoke ;;
  "") ;;
  *[!0-9_]*) echo "usage: $0 [EVENTS | --smoke]" >&2; exit 2 ;;
  *) events="${1//_/}" ;;
esac

out="target/bench"
jar="benchmarks/target/benchmarks.jar"
rm -rf "$out"
mkdir -p "$out"

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -f "$jar" ]; then
  echo "== Building $jar"
  mvn -B -ntp -q -pl benchmarks -am package -DskipTests
fi

if [ "$mode" = smoke ]; then
  # A smoke measures nothing, so another JMH run on the machine (JMH's lock) need not stop it.
  jmh_java=(-Djmh.ignoreLock=true)
  jmh_args=(-f 1 -wi 0 -i 1 -r 200ms)
  # Two rounds, so that the smoke also takes the path the full run's rounds take; one uncounted round of the ceiling
  # before them (the full run has seven) takes the warm-up's path too.
  e2e_args=(--events 20000 --warmup 0 --rounds 2 --endpoint-warmup-rounds 1 --cap-seconds 5 --quiet-millis 2500
            --recovery-quiet-millis 3000 --outage-seconds 3 --heap-sample-seconds 1 --child-heap 512m)
  render_args=(--out "$out/report/benchmarks.md" --img "$out/report/img")
else
  jmh_java=()
  jmh_args=(-prof gc)
  # Five rounds, the systems taking turns: each row is a system's median round, so a round or two slowed by
  # something else on the machine (rounds of one system have differed by a third on 2 cores) do not decide a ratio.
  e2e_args=(--events "$events" --rounds 5 --outage-seconds 60)
  render_args=(--out docs/benchmarks.md --img docs/img)
fi

# Every benchmark class the jar holds (AppendBenchmark, AdapterAppendBenchmark, ...), each into its own JSON file.
classes=$(java -jar "$jar" -l | sed -n 's/^.*\.\([A-Za-z0-9_]*Benchmark\)\.[A-Za-z0-9_]*$/\1/p' | sort -u)
for class in $classes; do
  echo "== JMH $class"
  java "${jmh_java[@]}" -jar "$jar" "\\.${class}\\." "${jmh_args[@]}" -rf json -rff "$out/jmh-$class.json" > "$out/jmh-$class.log" 2>&1 \
    || { tail -n 40 "$out/jmh-$class.log"; echo "== JMH $class failed (log: $out/jmh-$class.log)"; exit 1; }
  grep -E '^(Benchmark|[A-Za-z]+Benchmark\.)' "$out/jmh-$class.log" | grep -v ':' || true
done

echo "== End to end"
java -Xmx3g -cp "$jar" io.github.cwlappender.benchmarks.e2e.EndToEnd "${e2e_args[@]}" --out "$out"

echo "== Report"
java -cp "$jar" io.github.cwlappender.benchmarks.report.RenderReport --in "$out" --template docs/benchmarks.md \
  "${render_args[@]}"
