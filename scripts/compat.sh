#!/usr/bin/env bash
# The compatibility matrix. Runs each adapter's CompatibilitySmokeTest (an XML configuration with the default options,
# events delivered to the strict fake CloudWatch Logs service on 127.0.0.1 and read back; for Log4j2 behind async
# loggers on the Disruptor the application supplies) against every Logback and Log4j2 line we support, and checks the
# oldest supported AWS SDK and the refusal of an older one. The adapters' classes are used as built (against the
# versions in the parent POM): only the test class path changes, as it does for a user. Prints a table at the end and
# exits 1 if any row failed.
#
# Needs the modules installed first (scripts/test.sh does that): mvn install -DskipTests is enough.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

repo="${MAVEN_REPO:-$HOME/.m2/repository}"
log_dir="target/compat"
mkdir -p "$log_dir"

# name | module | test (class or class#method) | Maven properties | artifact path under the local repository
rows=(
  "Logback 1.3.15|appender-logback|CompatibilitySmokeTest|-Dlogback.version=1.3.15|ch/qos/logback/logback-classic/1.3.15"
  "Logback 1.4.14|appender-logback|CompatibilitySmokeTest|-Dlogback.version=1.4.14|ch/qos/logback/logback-classic/1.4.14"
  "Logback 1.5.18|appender-logback|CompatibilitySmokeTest|-Dlogback.version=1.5.18|ch/qos/logback/logback-classic/1.5.18"
  "Logback 1.6.6|appender-logback|CompatibilitySmokeTest|-Dlogback.version=1.6.6|ch/qos/logback/logback-classic/1.6.6"
  "Log4j2 2.20.0 + Disruptor 3.4.4|appender-log4j2|CompatibilitySmokeTest|-Dlog4j.version=2.20.0 -Ddisruptor.version=3.4.4|org/apache/logging/log4j/log4j-core/2.20.0"
  "Log4j2 2.22.1 + Disruptor 3.4.4|appender-log4j2|CompatibilitySmokeTest|-Dlog4j.version=2.22.1 -Ddisruptor.version=3.4.4|org/apache/logging/log4j/log4j-core/2.22.1"
  "Log4j2 2.24.3 + Disruptor 4.0.0|appender-log4j2|CompatibilitySmokeTest|-Dlog4j.version=2.24.3 -Ddisruptor.version=4.0.0|org/apache/logging/log4j/log4j-core/2.24.3"
  "Log4j2 2.25.3 + Disruptor 4.0.0|appender-log4j2|CompatibilitySmokeTest|-Dlog4j.version=2.25.3 -Ddisruptor.version=4.0.0|org/apache/logging/log4j/log4j-core/2.25.3"
  "Log4j2 2.26.1 + Disruptor 4.0.0|appender-log4j2|CompatibilitySmokeTest|-Dlog4j.version=2.26.1 -Ddisruptor.version=4.0.0|org/apache/logging/log4j/log4j-core/2.26.1"
  "AWS SDK 2.26.0 (oldest supported)|appender-logback|CompatibilitySmokeTest#anXmlConfiguredAppenderDeliversEveryEventInOrderOnTheLogbackVersionOfThisBuild|-Daws.sdk.version=2.26.0|software/amazon/awssdk/cloudwatchlogs/2.26.0"
  "AWS SDK 2.25.70 (refused at start)|appender-logback|CompatibilitySmokeTest#onAnSdkOlderThanTheOldestSupportedTheAppenderDoesNotStartAndSaysWhy|-Daws.sdk.version=2.25.70|software/amazon/awssdk/cloudwatchlogs/2.25.70"
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

start=$(date +%s)
results=()
failed=0
for row in "${rows[@]}"; do
  IFS='|' read -r name module test props artifact <<<"$row"
  # Offline when the row's artifacts are already in the local repository; otherwise Maven fetches them once.
  offline=()
  [ -d "$repo/$artifact" ] && offline=(-o)
  log="$log_dir/$(echo "$name" | tr -c 'A-Za-z0-9.\n' '-').log"
  class="${test%%#*}"
  package=$([ "$module" = appender-logback ] && echo logback || echo log4j2)
  report="$module/target/surefire-reports/TEST-io.github.cwlappender.$package.$class.xml"
  rm -f "$report"
  echo "== $name"
  row_start=$(date +%s)
  # shellcheck disable=SC2086
  if mvn -B -ntp "${offline[@]}" -pl "$module" test -Dmaven.main.skip=true -Dmaven.compiler.proc=none \
      -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false $props >"$log" 2>&1 && ran_without_skips "$report"; then
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
