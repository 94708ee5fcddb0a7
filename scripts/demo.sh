#!/usr/bin/env bash
# Shows both appenders end to end against a local CloudWatch Logs emulator (moto), with nothing sent to AWS:
# builds the project, starts moto on a free loopback port, runs four small example apps (Logback and Log4j2, each
# as plain text and as JSON lines), then reads every event back with GetLogEvents and prints it with a summary.
# Needs only a JDK (17+), Maven and Python 3; run it from anywhere: ./scripts/demo.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
started=$SECONDS
work="$(mktemp -d "${TMPDIR:-/tmp}/cwl-demo.XXXXXX")"
moto_pid=""

cleanup()
{
  if [ -n "$moto_pid" ]; then
    kill "$moto_pid" 2>/dev/null || true
    wait "$moto_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

step()
{
  echo "==> $*"
}

step "Installing moto into .tools/moto-venv (only the first time)"
scripts/install-moto.sh

step "Building the appenders and the examples (tests skipped)"
# Quiet unless it fails; then its whole output is shown.
if ! mvn -q -B -Dmaven.test.skip=true -pl examples -am package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >"$work/build.log" 2>&1; then
  cat "$work/build.log"
  exit 1
fi

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
endpoint="http://127.0.0.1:$port"
step "Starting moto_server on $endpoint"
.tools/moto-venv/bin/moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto_pid=$!
python3 - "$port" <<'EOF'
import socket, sys, time
deadline = time.time() + 30
while True:
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1).close()
        break
    except OSError:
        if time.time() > deadline:
            sys.exit("moto_server did not start within 30 s")
        time.sleep(0.2)
EOF

# Each app sees only its own logging framework, as a real application would.
all_cp="examples/target/classes:$(cat examples/target/classpath.txt)"
only_without()
{
  tr ':' '\n' <<<"$all_cp" | grep -v -E "$1" | paste -sd: -
}
logback_cp="$(only_without '/(log4j-core|log4j-slf4j2-impl|log4j-layout-template-json)-[^/]*\.jar$')"
log4j2_cp="$(only_without '/logback-(classic|core)-[^/]*\.jar$')"

# Dummy credentials: moto accepts any, and nothing here can reach AWS.
java_opts=(-Dcwl.endpoint="$endpoint" -Dcwl.region=us-east-1 -Dcwl.demo.summaryDir="$work"
  -Daws.accessKeyId=demo -Daws.secretAccessKey=demo -Daws.disableEc2Metadata=true)

step "Running the example apps"
java -cp "$logback_cp" "${java_opts[@]}" -Dlogback.configurationFile=logback-example.xml \
  io.github.cwlappender.examples.LogbackExample logback
java -cp "$logback_cp" "${java_opts[@]}" -Dlogback.configurationFile=logback-json-example.xml \
  io.github.cwlappender.examples.LogbackExample logback-json
java -cp "$log4j2_cp" "${java_opts[@]}" -Dlog4j2.configurationFile=log4j2-example.xml \
  io.github.cwlappender.examples.Log4j2Example log4j2
java -cp "$log4j2_cp" "${java_opts[@]}" -Dlog4j2.configurationFile=log4j2-json-example.xml \
  io.github.cwlappender.examples.Log4j2Example log4j2-json

step "Reading the events back from $endpoint with GetLogEvents"
java -cp "$log4j2_cp" "${java_opts[@]}" -Dlog4j2.configurationFile=log4j2-demo-reader.xml \
  io.github.cwlappender.examples.DemoReader "$endpoint" us-east-1 "$work" logback logback-json log4j2 log4j2-json

step "Done in $((SECONDS - started)) s"
