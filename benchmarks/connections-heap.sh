#!/usr/bin/env bash
# Live heap held by idle keep-alive probe connections, as a fleet of real probes leaves them:
# usage benchmarks/connections-heap.sh [connections=1000]
# Starts the server jar (and BEFORE_JAR when set, one after the other), opens that many
# connections that each POST the real probe's report twice (its own agent id) and stay open, then
# prints the live heap (jmap -histo:live, which collects first) and its largest classes.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
# shellcheck source=benchmarks/lib.sh
source benchmarks/lib.sh

measure() { # measure NAME JAR PORT
  java -Xms1g -Xmx1g -jar "$2" -host 127.0.0.1 -port "$3" >"$work/$1.log" 2>&1 &
  local server=$!
  await_health "$3" || exit 1
  python3 - "$3" "$n" "$work/$1.ready" <<'PY' &
import http.client, signal, sys
port, n, ready = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
body = open("docs/examples/report-real-probe.json", "rb").read()
headers = {"Content-Type": "application/json", "User-Agent": "Go-http-client/1.1",
           "Accept-Encoding": "gzip"}
held = []
for i in range(n):
    c = http.client.HTTPConnection("127.0.0.1", port)
    b = body.replace(b'"agent_id":"', b'"agent_id":"conn-%d-' % i, 1)
    for _ in range(2):  # Jetty builds a connection's header cache at its second request
        c.request("POST", "/api/v1/reports", b, headers)
        r = c.getresponse()
        r.read()
        assert r.status == 202, r.status
    held.append(c)
with open(ready, "w") as f:
    f.write("open\n")
signal.pause()  # hold the connections until the shell kills this client
PY
  local client=$!
  # wait for the client to hold every connection, failing if it dies first
  for _ in $(seq 1 1200); do
    [ ! -e "$work/$1.ready" ] || break
    kill -0 "$client" 2>/dev/null || { echo "$1: the client failed" >&2; exit 1; }
    sleep 0.1
  done
  [ -e "$work/$1.ready" ] || { echo "$1: connections not open within 120 s" >&2; exit 1; }
  jmap -histo:live "$server" >"$work/$1.histo"
  local total
  total=$(awk '/^Total/ {print $3}' "$work/$1.histo")
  echo "$1: $n keep-alive connections, live heap $((total / 1024 / 1024)) MB," \
    "$((total / n / 1024)) KB per connection (agents' data included); largest classes:"
  sed -n '3,7p' "$work/$1.histo"
  kill "$client" "$server"
  wait "$server" 2>/dev/null || true
}

measure after orchestrator-server/target/orchestrator-server.jar 18094
[ -z "${BEFORE_JAR:-}" ] || measure before "$BEFORE_JAR" 18095
