#!/usr/bin/env bash
# Replicas (DESIGN §11), side by side in one run (BENCHMARKS.md, cluster figures):
#   1. ingest: wrk POSTs (~5.6 KB report, 1,000 agent ids) to one replica, then through HAProxy
#      to three replicas (each on a fresh database, all on this machine);
#   2. cross-replica visibility: a report POSTed to replica 1, polled on replica 2 every 2 ms until
#      served, idle and while wrk loads the cluster;
#   3. failover: SIGKILL of the lease holder until another replica reports it leads.
# Needs: the server jar (mvn -B -ntp -q package -DskipTests -pl orchestrator-server -am), wrk,
# haproxy, nats-server, python3, curl, psql and the local PostgreSQL.
# Usage: benchmarks/cluster-bench.sh [connections=64] [seconds=20] [lag-samples=200]
set -euo pipefail
cd "$(dirname "$0")/.."
conns=${1:-64}
secs=${2:-20}
samples=${3:-200}
jar=orchestrator-server/target/orchestrator-server.jar
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
# shellcheck source=benchmarks/lib.sh
source benchmarks/lib.sh
report_workload "$work"

nats-server -js -a 127.0.0.1 -p 14222 -sd "$work/nats" >"$work/nats.log" 2>&1 &
sleep 1

start_replicas() { # count database-url
  for i in $(seq 1 "$1"); do
    ORCHESTRATOR_DATABASE_USER=postgres java -Xms512m -Xmx512m -jar "$jar" -host 127.0.0.1 \
      -port $((18090 + i)) -node-id "r$i" -storage postgres -database-url "$2" \
      -cluster nats://127.0.0.1:14222 >"$work/r$i.log" 2>&1 &
    echo $! >"$work/r$i.pid"
  done
  for i in $(seq 1 "$1"); do
    for _ in $(seq 1 600); do # three JVMs starting on two cores take a while
      curl -fs "http://127.0.0.1:$((18090 + i))/health" >/dev/null && break
      sleep 0.1
    done
    curl -fs "http://127.0.0.1:$((18090 + i))/health" >/dev/null || { echo "r$i not healthy" >&2; exit 1; }
  done
}

stop_replicas() {
  for f in "$work"/r*.pid; do kill "$(cat "$f")" 2>/dev/null || true; rm -f "$f"; done
  sleep 2
}

run_wrk() { # url
  wrk -t2 -c"$conns" -d20s -s "$work/post.lua" "$1" >/dev/null # warm-up
  wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$work/post.lua" "$1" >"$work/wrk.txt"
  printf '%s req/s, p50 %s, p99 %s, non-2xx %s\n' "$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")" \
    "$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")" "$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")" \
    "$(awk '/Non-2xx/ {print $NF}' "$work/wrk.txt" | grep . || echo 0)"
}

echo "== ingest, one replica (direct)"
start_replicas 1 "$(fresh_database)"
run_wrk http://127.0.0.1:18091
stop_replicas

echo "== ingest, three replicas behind HAProxy (round robin)"
start_replicas 3 "$(fresh_database)"
cat >"$work/haproxy.cfg" <<CFG
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
frontend fleet
  bind 127.0.0.1:18090
  default_backend replicas
backend replicas
  balance roundrobin
  option httpchk GET /health
  server r1 127.0.0.1:18091 check
  server r2 127.0.0.1:18092 check
  server r3 127.0.0.1:18093 check
CFG
haproxy -db -f "$work/haproxy.cfg" >"$work/haproxy.log" 2>&1 &
sleep 1
run_wrk http://127.0.0.1:18090

cat >"$work/lag.py" <<'PY'
import json, sys, time, urllib.request
body, n, label = open(sys.argv[1]).read(), int(sys.argv[2]), sys.argv[3]
lags = []
for i in range(n):
    agent = "lag-%s-%d" % (label, i)
    req = urllib.request.Request("http://127.0.0.1:18091/api/v1/reports",
        data=body.replace('"AGENT"', '"%s"' % agent).encode(), headers={"Content-Type": "application/json"})
    urllib.request.urlopen(req).read()
    t0 = time.perf_counter()
    while True:
        try:
            urllib.request.urlopen("http://127.0.0.1:18092/api/v1/query/agents/%s/latest" % agent).read()
            break
        except urllib.error.HTTPError:
            time.sleep(0.002)
    lags.append((time.perf_counter() - t0) * 1000)
lags.sort()
print("visibility on replica 2 after the 202 of replica 1 (%s, %d reports): p50 %.1f ms, p99 %.1f ms, max %.1f ms"
      % (label, n, lags[len(lags) // 2], lags[int(len(lags) * 0.99) - 1], lags[-1]))
PY
echo "== cross-replica visibility"
python3 "$work/lag.py" "$work/body.json" "$samples" idle
wrk -t1 -c16 -d120s -s "$work/post.lua" http://127.0.0.1:18090 >/dev/null &
load=$!
sleep 5
python3 "$work/lag.py" "$work/body.json" "$samples" loaded
kill "$load" 2>/dev/null || true
wait_leader() {
  for _ in $(seq 1 600); do
    for p in "$@"; do
      # this replica's own flag (the members list names the leader too)
      if curl -fs "http://127.0.0.1:$p/api/v1/cluster" | grep -q '^{"node_id":"[^"]*","leader":true'; then
        echo "$p"; return 0
      fi
    done
    sleep 0.05
  done
  return 1
}
echo "== failover"
leader=$(wait_leader 18091 18092 18093)
others=()
for p in 18091 18092 18093; do [ "$p" != "$leader" ] && others+=("$p"); done
t0=$(date +%s%N)
kill -9 "$(cat "$work/r$((leader - 18090)).pid")"
next=$(wait_leader "${others[@]}")
echo "lease holder on port $leader SIGKILLed; port $next leads after $(( ($(date +%s%N) - t0) / 1000000 )) ms"
stop_replicas
