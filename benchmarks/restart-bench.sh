#!/usr/bin/env bash
# Restart and time travel with -storage postgres (BENCHMARKS.md, storage figures): a fleet of
# probes (the load generator, medium reports: 10 containers, 50 processes, 100 connections) fills
# a fresh database; the server is killed with SIGKILL and started again, and the time from
# `java -jar` to serving every agent (health 200 and the agent count back) is measured; then
# topology?at= is asked for at different instants (each uncached) and its latency percentiles
# printed.
# Needs: the jars (mvn -B -ntp -q package -DskipTests -pl orchestrator-server,orchestrator-loadgen -am),
# a local PostgreSQL, psql, curl, python3.
# Usage: benchmarks/restart-bench.sh [probes=1000] [fill-seconds=40] [time-travel-requests=100]
set -euo pipefail
cd "$(dirname "$0")/.."
probes=${1:-1000}
fill=${2:-40}
asks=${3:-100}
port=18096
jar=orchestrator-server/target/orchestrator-server.jar
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
# shellcheck source=benchmarks/lib.sh
source benchmarks/lib.sh
url=$(fresh_database)
export ORCHESTRATOR_DATABASE_USER=postgres
serve() { java -Xms2g -Xmx2g -jar "$jar" -host 127.0.0.1 -port $port -storage postgres -database-url "$url" >>"$work/server.log" 2>&1 & echo $!; }

pid=$(serve)
await_health $port
java -jar orchestrator-loadgen/target/orchestrator-loadgen.jar load --server "http://127.0.0.1:$port" \
  --probes "$probes" --interval 15s --duration "${fill}s" --report-size medium >"$work/load.log" 2>&1
grep -E 'reports|p99' "$work/load.log" | head -3
kill -9 "$pid"; wait "$pid" 2>/dev/null || true

start=$(date +%s%N)
pid=$(serve)
until curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; do sleep 0.01; done
until [ "$(curl -fs "http://127.0.0.1:$port/api/v1/query/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["agents"])')" -ge "$probes" ]; do sleep 0.05; done
end=$(date +%s%N)
nodes=$(curl -fs "http://127.0.0.1:$port/api/v1/query/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["topology"]["total_nodes"])')
echo "| restart to serving $probes agents ($nodes nodes) | $(( (end - start) / 1000000 )) ms |"

now=$(date -u +%s)
for i in $(seq 1 "$asks"); do
  at=$(date -u -d "@$(( now - 1 - (i % (fill - 5)) ))" +%Y-%m-%dT%H:%M:%S).$(printf '%03d' "$i")Z
  curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/api/v1/query/topology?at=$at"
done | sort -n | awk '{a[NR]=$1} END {printf "| topology?at= at %d agents, %d instants | p50 %.0f ms | p99 %.0f ms | max %.0f ms |\n", '"$probes"', NR, a[int(NR*0.5)]*1000, a[int(NR*0.99)]*1000, a[NR]*1000}'
kill "$pid"; wait "$pid" 2>/dev/null || true
