#!/usr/bin/env bash
# The dashboard's figures (BENCHMARKS.md, issue 13): a server seeded by the load generator with
# N probes ("medium" reports: 10 containers, 50 processes, 100 connections each) that keep
# reporting every 15 s, then UiFigures in headless Chromium: first render, whole topology, report
# to screen, and the page's JS heap every minute.
# Needs: the jars (mvn -B -ntp -q package -DskipTests -pl orchestrator-server,orchestrator-loadgen,benchmarks -am),
# Debian's chromium and chromium-driver, curl.
# Usage: benchmarks/ui-bench.sh [probes=1000] [loads=5] [heap-minutes=10]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=benchmarks/lib.sh
source benchmarks/lib.sh
probes=${1:-1000}
loads=${2:-5}
minutes=${3:-10}
port=18098
work=$(mktemp -d)
java -Xms1g -Xmx1g -jar orchestrator-server/target/orchestrator-server.jar -host 127.0.0.1 \
  -port $port >"$work/server.log" 2>&1 &
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
await_health $port
base=http://127.0.0.1:$port
java -jar orchestrator-loadgen/target/orchestrator-loadgen.jar load --server $base \
  --probes "$probes" --interval 15s --duration $((minutes * 60 + 600))s --report-size medium \
  >"$work/load.txt" 2>&1 &
until [ "$(curl -s $base/api/v1/query/stats | python3 -c 'import json,sys; print(json.load(sys.stdin)["agents"])')" -ge "$probes" ]; do
  sleep 1
done
echo "$probes agents reporting every 15 s"
java -cp benchmarks/target/benchmarks.jar io.orchestrator.benchmarks.ui.UiFigures "$base" "$loads" "$minutes"
