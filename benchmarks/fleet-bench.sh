#!/usr/bin/env bash
# Many probes (BENCHMARKS.md, server figure 5): the server under the testkit's load generator —
# N simulated probes on their own schedule plus WebSocket clients — for a fixed time. Every 30 s
# it prints the server's RSS, CPU time and ingest counters, then the load generator's summary
# (accepted/failed, POST latency percentiles, report_update lag).
# Usage: benchmarks/fleet-bench.sh [probes=10000] [duration=10m] [ws-clients=100] [interval=15s]
#        [ws-types=server default, e.g. report_update]
# Needs: orchestrator-server/target/orchestrator-server.jar, orchestrator-loadgen/target/
# orchestrator-loadgen.jar, curl, python3.
set -u
cd "$(dirname "$0")/.."
# shellcheck source=benchmarks/lib.sh
source benchmarks/lib.sh
probes=${1:-10000}; duration=${2:-10m}; clients=${3:-100}; interval=${4:-15s}
types=()
if [ -n "${5:-}" ]; then types=(--ws-types "$5"); fi
port=18094
work=$(mktemp -d)
# SERVER_JVM_FLAGS adds JVM flags for the server (e.g. "-Xmx2g -Xlog:gc"), SERVER_FLAGS server
# flags (e.g. "-max-data-age 2m", so that retention, and memory, reach steady state in the run).
read -r -a server_jvm <<< "${SERVER_JVM_FLAGS:-}"
read -r -a server_flags <<< "${SERVER_FLAGS:-}"
java "${server_jvm[@]}" -jar orchestrator-server/target/orchestrator-server.jar -host 127.0.0.1 \
  -port $port "${server_flags[@]}" >"$work/server.log" 2>&1 &
pid=$!
# The server's log is kept in /tmp/fleet-server.log for a look at what it warned about.
trap 'kill $pid 2>/dev/null || true; cp "$work/server.log" /tmp/fleet-server.log; rm -rf "$work"' EXIT
await_health $port || exit 1
# 100 clients each assembling 30 MB topology frames need far more than the default heap.
java -Xmx12g -jar orchestrator-loadgen/target/orchestrator-loadgen.jar load --server http://127.0.0.1:$port \
  --probes "$probes" --interval "$interval" --duration "$duration" --ws-clients "$clients" \
  --report-size small "${types[@]}" >"$work/load.txt" 2>&1 &
load=$!
while kill -0 $load 2>/dev/null; do
  sleep 30
  rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
  cpu=$(awk '{print ($14+$15)/100}' /proc/$pid/stat)
  curl -s 127.0.0.1:$port/api/v1/query/stats | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("rss '"$rss"' MiB, cpu '"$cpu"' s, agents %d, reports %d, rejected %d, ws clients %d, dropped %d, nodes %d" % (
    d["agents"], d["ingest"]["reports_total"], d["ingest"]["reports_rejected"],
    d["websocket_clients"], d["websocket_clients_dropped"], d["topology"]["total_nodes"]))'
done
grep -v '^t=' "$work/load.txt"
