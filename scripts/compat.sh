#!/usr/bin/env bash
# The compatibility matrix. Runs each adapter's CompatibilitySmokeTest (an XML configuration with the default options,
# events delivered to the strict fake CloudWatch Logs service on 127.0.0.1 and read back; for Log4j2 behind async
# loggers on the Disruptor the application supplies) against every Logback and Log4j2 line we support, and checks the
# oldest supported AWS SDK and the refusal of an older one. On Logback 1.3 and 1.4 it also runs ReconfigurationTest (the
# appender tells a reset for a new configuration from a context stop by Logback's call stack), and on Log4j2 2.20 the
# Log4j2 one (the engine shared across configurations through Log4j2's manager registry). The adapters' classes
# are used as built (against the versions in the parent POM): only the test class path changes, as it does for a
# user. Prints a table at the end and exits 1 if any row failed.
#
# Needs the modules installed first (scripts/test.sh does that): mvn install -DskipTests is enough.
# Usage: scripts/compat.sh [part of a row name, to run only the rows that match]
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

log_dir="target/compat"
mkdir -p "$log_dir"

# name | module | test (class or class#method) | Maven properties
logback_smoke="CompatibilitySmokeTest#anXmlConfiguredAppenderDeliversEveryEventInOrderOnTheLogbackVersionOfThisBuild"
logback_old_sdk="CompatibilitySmokeTest#onAnSdkOlderThanTheOldestSupportedTheAppenderDoesNotStartAndSaysWhy"
rows=(
  "Logback 1.3.15|appender-logback|$logback_smoke|-Dlogback.version=1.3.15"
  "Logback 1.3.15 reconfiguration|appender-logback|ReconfigurationTest|-Dlogback.version=1.3.15"
  "Logback 1.4.14|appender-logback|$logback_smoke|-Dlogback.version=1.4.14"
  "Logback 1.4.14 reconfiguration|appender-logback|ReconfigurationTest|-Dlogback.version=1.4.14"
  "Logback 1.5.18|appender-logback|$logback_smoke|-Dlogback.version=1.5.18"
  "Logback 1.6.6|appender-logback|$logback_smoke|-Dlogback.version=1.6.6"
  "Log4j2 2.20.0 + Disruptor 3.4.4|appender-log4j2|CompatibilitySmokeTest|-Dlog4j.version=2.20.0 -Ddisruptor.version=3.4.4"
  "Log4j2 2.20.0 reconfiguration|appender-log4j2|ReconfigurationTest|-Dlog4j.version=2.20.0 -Ddisruptor.version=3.4.4"
  "Log4j2 2.22.1 + Disruptor 3.4.4|appender-log4j2|CompatibilitySmokeTest|-Dlog4j.version=2.22.1 -Ddisruptor.version=3.4.4"
  "Log4j2 2.24.3 + Disruptor 4.0.0|appender-log4j2|CompatibilitySmokeTest|-Dlog4j.version=2.24.3 -Ddisruptor.version=4.0.0"
  "Log4j2 2.25.3 + Disruptor 4.0.0|appender-log4j2|CompatibilitySmokeTest|-Dlog4j.version=2.25.3 -Ddisruptor.version=4.0.0"
  "Log4j2 2.26.1 + Disruptor 4.0.0|appender-log4j2|CompatibilitySmokeTest|-Dlog4j.version=2.26.1 -Ddisruptor.version=4.0.0"
  "AWS SDK 2.26.0 (oldest supported)|appender-logback|$logback_smoke|-Daws.sdk.version=2.26.0"
  "AWS SDK 2.25.70 (refused at start)|appender-logback|$logback_old_sdk|-Daws.sdk.version=2.25.70"
)

# The test report of a row must show one test or more run, none skipped, none failed.
ran_without_skips() {
  local report="$1"
  [ -f "$report" ] || return 1
  python3 - "$report" <<'EOF'
import sys, xml.etree.ElementTree as ET
suite = ET.parse(sys.argv[1]).getroot()
counts = {k: int(suite.get(k, "0")) for k in ("tests", "skipped", "failures", "errors")}
sys.exit(0 if counts["tests"] > 0 and counts["skipped"] == counts["failures"] == counts["errors"] == 0 else 1)
EOF
}

# One row's Maven run: the module's tests on the row's class path, with the module's classes as built. The tests
# are not compiled again either: by default the compiler plugin recompiles a module whose dependencies changed (a
# row's jars downloaded just now, on a fresh machine), and some tests use API newer than the oldest rows.
run_row() {
  # shellcheck disable=SC2086
  mvn -B -ntp "$@" -pl "$module" test -Dmaven.main.skip=true -Dmaven.compiler.proc=none \
    -Dmaven.compiler.useIncrementalCompilation=false \
    -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false $props >"$log" 2>&1
}

only="${1:-}"
start=$(date +%s)
results=()
failed=0
for row in "${rows[@]}"; do
  IFS='|' read -r name module test props <<<"$row"
  if [ -n "$only" ] && [[ "$name" != *"$only"* ]]; then continue; fi
  log="$log_dir/$(echo "$name" | tr -c 'A-Za-z0-9.\n' '-').log"
  class="${test%%#*}"
  package=$([ "$module" = appender-logback ] && echo logback || echo log4j2)
  report="$module/target/surefire-reports/TEST-io.github.cwlappender.$package.$class.xml"
  rm -f "$report"
  echo "== $name"
  row_start=$(date +%s)
  # Offline first; online once when an artifact of the row is not in the local repository yet.
  if ! run_row -o && grep -q 'has not been downloaded from it before' "$log"; then
    run_row
  fi
  if grep -q 'BUILD SUCCESS' "$log" && ran_without_skips "$report"; then
    result="PASS"
  else
    result="FAIL (see $log)"
    failed=1
  fi
  results+=("$(printf '%-36s %-18s %4ss  %s' "$name" "$module" "$(( $(date +%s) - row_start ))" "$result")")
done

echo
echo "Compatibility matrix ($(( $(date +%s) - start )) s)"
printf '%-36s %-18s %5s  %s\n' "versions" "module" "time" "result"
printf '%s\n' "${results[@]}"
exit "$failed"
