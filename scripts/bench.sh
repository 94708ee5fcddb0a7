#!/usr/bin/env bash
# Builds the benchmarks and runs both: the JMH application-thread benchmark (our ring buffer beside the queue shapes
# of other appenders) and the end-to-end delivery harness (strict fake endpoint on loopback). Results go to
# target/bench/; docs/benchmarks.md records a run. Run it on a quiet machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
events="${1:-1000000}"
out="target/bench"
mkdir -p "$out"
mvn -B -ntp -q -pl benchmarks -am package -DskipTests
java -jar benchmarks/target/benchmarks.jar AppendBenchmark -prof gc -rf text -rff "$out/append.txt" \
  | tee "$out/append.log"
java -cp benchmarks/target/benchmarks.jar io.github.cwlappender.benchmarks.DeliveryThroughput "$events" 30 \
  2>/dev/null | tee "$out/delivery.txt"
