#!/usr/bin/env bash
# Search, filtered topology, exports and /metrics at fleet scale (BENCHMARKS.md, issues 10 and 11).
#
# Starts the server jar, seeds it with the testkit's load generator (1,000 probes with the
# "medium" report: 10 containers, 50 processes, 100 connections, ~61,000 nodes in all), then:
# search latency (wrk, one connection, so percentiles are per request) for a selective query and a
# regex; /metrics scrape latency and size; a filtered topology GET while probes keep reporting (a
# new version almost every request); CSV export throughput with the server's heap sampled by jstat.
#
# Needs: the jars (mvn -B -ntp -q package -DskipTests -pl orchestrator-server,orchestrator-loadgen
# -am), wrk, curl, python3, jstat (JDK).
# Usage: benchmarks/query-bench.sh [probes=1000] [seconds-per-measure=15]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=benchmarks/lib.sh
source benchmarks/lib.sh
probes=${1:-1000}
secs=${2:-15}
port=18096
work=$(mktemp -d)
java -Xms1g -Xmx1g -jar orchestrator-server/target/orchestrator-server.jar -host 127.0.0.1 \
  -port $port >"$work/server.log" 2>&1 &
pid=$!
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
await_health $port
base=http://127.0.0.1:$port
load() { # duration interval
  java -jar orchestrator-loadgen/target/orchestrator-loadgen.jar load --server $base \
    --probes "$probes" --interval "$2" --duration "$1" --report-size medium >"$work/load.txt" 2>&1
}
load 40s 10s
curl -s $base/api/v1/query/stats | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("seeded: %d agents, %d nodes, %d edges" % (d["agents"], d["topology"]["total_nodes"], d["topology"]["total_edges"]))'

latency() { # label url
  wrk -t1 -c1 -d"${secs}s" --latency "$2" >"$work/wrk.txt"
  printf '| %-44s | %8s | %8s | %8s | %9s |\n' "$1" \
    "$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")" \
    "$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")" \
    "$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")" \
    "$(curl -s "$2" | wc -c)"
}
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }

echo "| request | p50 | p99 | req/s | bytes |"
echo "|---|---|---|---|---|"
wrk -t1 -c1 -d5s "$base/api/v1/search?q=$(enc 'image:nginx cpu > 50')" >/dev/null # warm-up
latency 'GET /api/v1/ping (this setup'"'"'s floor)' "$base/api/v1/ping"
latency 'search `image:nginx cpu > 50`' "$base/api/v1/search?q=$(enc 'image:nginx cpu > 50')"
latency 'search `image:app-3 cpu > 50`' "$base/api/v1/search?q=$(enc 'image:app-3 cpu > 50')"
latency 'search `name:/^worker-4[0-9]$/`' "$base/api/v1/search?q=$(enc 'name:/^worker-4[0-9]$/')"
latency 'search `/svc-[27]$/` (regex over all text)' "$base/api/v1/search?q=$(enc '/svc-[27]$/')"
latency 'GET /metrics' "$base/metrics"
latency 'topology `?q=type:host` (unchanged version)' "$base/api/v1/query/topology?q=type:host"
# Probes keep reporting (1,000 every 5 s): nearly every GET sees a new version.
load 60s 5s &
loader=$!
sleep 10
latency 'topology `?q=type:host` (new versions)' "$base/api/v1/query/topology?q=type:host"
latency 'topology `?q=image:app-3` (new versions)' "$base/api/v1/query/topology?q=$(enc 'image:app-3')"
wait "$loader" # only the load generator: a bare wait would wait for the server too
echo
jstat -gc $pid 100 >"$work/jstat.txt" &
jst=$!
sleep 2
for i in 1 2 3 4 5; do
  curl -s -o /dev/null -w '%{size_download} %{time_total}\n' "$base/api/v1/export/topology?format=csv" >>"$work/csv.txt"
done
sleep 1
kill $jst
python3 - "$work/csv.txt" "$work/jstat.txt" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1])]
size = int(rows[0][0]); times = sorted(float(t) for _, t in rows)
print("CSV export of the whole topology: %.1f MB, median %.2f s, %.0f MB/s" % (size / 1e6, times[2], size / 1e6 / times[2]))
lines = [l.split() for l in open(sys.argv[2]) if l.strip() and l.split()[0] != "S0C"]
head = open(sys.argv[2]).readline().split()
used = []
for l in lines:
    d = dict(zip(head, l))
    used.append((float(d["S0U"]) + float(d["S1U"]) + float(d["EU"]) + float(d["OU"])) / 1024)
print("heap used while exporting (jstat every 100 ms): min %.0f MiB, max %.0f MiB, old gen after: %.0f MiB" % (min(used), max(used), float(dict(zip(head, lines[-1]))["OU"]) / 1024))
PY
