#!/usr/bin/env bash
# Bounded memory under sustained ingest (BENCHMARKS.md, server figure 1, RSS): the server with
# -Xmx256m takes six 30 s wrk rounds of 5.9 KB reports over 1,000 agents (about 1.5M reports);
# after each round it prints requests, errors, RSS and the stored points.
# Usage: benchmarks/soak-bench.sh [rounds=6]
# Needs: orchestrator-server/target/orchestrator-server.jar, wrk, python3, curl.
set -u
cd "$(dirname "$0")/.."
work=$(mktemp -d)
java -Xmx256m -jar orchestrator-server/target/orchestrator-server.jar -host 127.0.0.1 -port 18096 >"$work/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
# shellcheck source=benchmarks/lib.sh
source benchmarks/lib.sh
await_health 18096 || exit 1
report_workload "$work"
for round in $(seq 1 "${1:-6}"); do
  wrk -t2 -c64 -d30s -s "$work/post.lua" http://127.0.0.1:18096 > "$work/w.txt" 2>&1
  reqs=$(awk '/requests in/ {print $1}' "$work/w.txt"); non=$(awk '/Non-2xx/ {print $NF}' "$work/w.txt")
  rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  total=$(curl -s 127.0.0.1:18096/api/v1/query/stats | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["ingest"]["reports_total"], d["storage"]["total_points"], d["storage"]["memory_bytes"])')
  echo "round $round: requests $reqs non2xx ${non:-0} rss $((rss/1024)) MiB; reports_total points memory_bytes: $total"
done
