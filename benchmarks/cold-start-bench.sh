#!/usr/bin/env bash
# Cold start at probe rates (BENCHMARKS.md, issue 16): a fresh server, one probe POSTing the real
# Go probe's report (~25 KB) over one keep-alive connection every 200 ms, as a probe would (only
# faster, so the run is short: the JIT counts invocations, not seconds). Prints the median and p90
# of requests 10..N and the first request's time, for each JVM configuration given.
# Needs: orchestrator-server/target/orchestrator-server.jar, python3, curl.
# Usage: benchmarks/cold-start-bench.sh [requests=60] [runs=3]
# Environment: JAR (default the server jar); CONFIGS, ';'-separated JVM flag sets ("" = plain).
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-60}
runs=${2:-3}
jar=${JAR:-orchestrator-server/target/orchestrator-server.jar}
port=18097
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
# shellcheck source=benchmarks/lib.sh
source benchmarks/lib.sh

# The AppCDS archive, from one run that served a report (for the "cds" configuration).
java -XX:ArchiveClassesAtExit="$work/app.jsa" -jar "$jar" -host 127.0.0.1 -port $port >/dev/null 2>&1 &
pid=$!
await_health $port
curl -fs -o /dev/null -X POST --data-binary @docs/examples/report-real-probe.json "http://127.0.0.1:$port/api/v1/reports"
kill "$pid"; wait "$pid" 2>/dev/null || true

IFS=';' read -r -a configs <<< "${CONFIGS:-;-XX:SharedArchiveFile=$work/app.jsa}"
echo "| JVM flags | first request | p50 of 10..$requests | p90 of 10..$requests |"
echo "|---|---|---|---|"
for config in "${configs[@]}"; do
  for _ in $(seq 1 "$runs"); do
    read -r -a flags <<< "$config"
    java "${flags[@]}" -jar "$jar" -host 127.0.0.1 -port $port >/dev/null 2>&1 &
    pid=$!
    await_health $port
    python3 - "$port" "$requests" "${config:-plain}" <<'PY'
import http.client, json, sys, time
port, n, name = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
body = open("docs/examples/report-real-probe.json", "rb").read()
conn = http.client.HTTPConnection("127.0.0.1", port)
times = []
for i in range(n):
    t0 = time.perf_counter()
    conn.request("POST", "/api/v1/reports", body, {"Content-Type": "application/json"})
    r = conn.getresponse(); r.read()
    assert r.status == 202, r.status
    times.append((time.perf_counter() - t0) * 1000)
    time.sleep(0.2)
rest = sorted(times[9:])
print("| %s | %.1f ms | %.2f ms | %.2f ms |" % (name.replace("|", "\\|")[:60], times[0],
      rest[len(rest) // 2], rest[int(len(rest) * 0.9)]))
PY
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
done
