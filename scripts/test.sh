#!/usr/bin/env bash
# Runs the whole test suite: installs the local CloudWatch Logs emulator (moto) if needed, then builds and tests
# every module on the default JDK, and again on a JDK 25 when one is installed. Emulator-backed tests must run:
# a missing emulator fails the build instead of skipping.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash scripts/install-moto.sh

mvn_args=(-B -ntp -Dcwl.requireEmulator=true)

echo "== Tests on $(java -version 2>&1 | head -n 1)"
mvn "${mvn_args[@]}" install

# Every benchmark runs once, briefly, on the jar just built (report under target/bench/report/, docs/ untouched);
# fails if a system fails or throws, or if our appenders lose an event against the healthy endpoint.
echo "== Benchmark smoke"
BENCH_SKIP_BUILD=1 bash scripts/bench.sh --smoke
bash scripts/compat.sh  # Logback 1.3-1.6, Log4j2 2.20-2.26, oldest AWS SDK: the adapters as just built (JDK 17 only)

jdk25="${JAVA25_HOME:-}"
if [ -z "$jdk25" ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk* /usr/lib/jvm/java-25-*; do
    if [ -x "$candidate/bin/java" ]; then jdk25="$candidate"; break; fi
  done
fi
if [ -n "$jdk25" ]; then
  echo "== Tests on $("$jdk25/bin/java" -version 2>&1 | head -n 1)"
  JAVA_HOME="$jdk25" mvn "${mvn_args[@]}" -o verify
else
  echo "== No JDK 25 found (set JAVA25_HOME to test on it too); tested on the default JDK only"
fi
