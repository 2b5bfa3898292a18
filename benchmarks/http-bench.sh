#!/usr/bin/env bash
# Server ingest vs. the stack's own limit, side by side (BENCHMARKS.md, server figure 1).
#
# Alternates a parse-only Javalin echo (EchoServer) and the real server, started the same way
# (same JVM flags, 127.0.0.1 only), under the same wrk load: POST of a ~5.6 KB realistic report
# spread over 1,000 agent ids. Prints requests/s, latency percentiles and CPU per request.
#
# Needs: the jars (mvn -B -ntp -q package -DskipTests -pl orchestrator-server,benchmarks -am),
# wrk (apt-get install -y wrk), python3, curl; psql and a local PostgreSQL for STORAGE=postgres.
# Usage: benchmarks/http-bench.sh [connections=64] [seconds=20] [rounds=2] [warmup-seconds=60]
# Environment: WORKLOAD=synthetic|real|… (the ~5.6 KB report, or the real Go probe's ~25 KB one; lib.sh);
# STORAGE=memory|postgres (postgres: each run of the server gets a fresh database, and every 202
# is committed first); SERVERS="echo orchestrator" (which to run, in order): also "orch-auth"
# (-auth on, every request with an API key) and "orch-tls" (HTTPS with a self-signed P-256
# certificate, TLS 1.3), and "orch-before" (the server jar at BEFORE_JAR, e.g. a build of an
# earlier commit, for a before/after in one run).
# (C2 keeps compiling for tens of seconds and its CPU counts against the process: warm up long.)
set -euo pipefail
cd "$(dirname "$0")/.."
conns=${1:-64}
secs=${2:-20}
rounds=${3:-2}
warmup=${4:-60}
# JVM_FLAGS overrides the flags both servers get, e.g. JVM_FLAGS="-Xms512m -Xmx512m -XX:+UseParallelGC".
# shellcheck source=benchmarks/lib.sh
source benchmarks/lib.sh
bench_setup "${WORKLOAD:-synthetic}"


measure() { # name, scheme, command...
  local name=$1 scheme=$2; shift 2
  "$@" >"$work/$name.log" 2>&1 &
  local pid=$!
  await_health 18090 "$scheme" || exit 1
  WRK_AUTH=""
  if [ "$name" = orch-auth ]; then # a probe key, as a real probe would send
    WRK_AUTH="Bearer $(curl -s -H "Authorization: Bearer $admin_key" -d '{"name":"bench","role":"probe"}' \
      http://127.0.0.1:18090/api/v1/admin/keys | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')"
  fi
  export WRK_AUTH
  local url="$scheme://127.0.0.1:18090"
  wrk -t2 -c"$conns" -d"${warmup}s" -s "$work/post.lua" "$url" >/dev/null   # warm-up
  local before; before=$(cpu_ticks "$pid")
  wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$work/post.lua" "$url" >"$work/wrk.txt"
  local after; after=$(cpu_ticks "$pid")
  local rps reqs p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  reqs=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
  local non2xx; non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.txt")
  local cpu_us=$(( (after - before) * 10000 * 1000 / reqs ))
  local rss; rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  printf '| %-12s | %9s | %8s | %8s | %6s µs | %7s MiB | %s |\n' "$name" "$rps" "$p50" "$p99" \
    "$((cpu_us / 1000))" "$((rss / 1024))" "${non2xx:-0}"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

echo "body: $(wc -c <"$work/body.json") bytes; $conns connections; ${warmup}s warm-up, ${secs}s per run; $(nproc) cores"
echo "| server       |     req/s |      p50 |      p99 | CPU/req   | RSS       | non-2xx |"
echo "|---|---|---|---|---|---|---|"
storage_flags() {
  if [ "${STORAGE:-memory}" = postgres ]; then
    echo "-storage postgres -database-url $(fresh_database)"
  fi
}
export ORCHESTRATOR_DATABASE_USER=postgres
admin_key=bench-admin-key-0123456789abcdef
if [[ " ${SERVERS:-} " == *" orch-tls "* ]]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj /CN=127.0.0.1 \
    -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
fi
server=(java "${jvm[@]}" -jar orchestrator-server/target/orchestrator-server.jar -host 127.0.0.1 -port 18090)
for _ in $(seq 1 "$rounds"); do
  for name in ${SERVERS:-echo orchestrator}; do
    read -r -a storage <<< "$(storage_flags)"
    case $name in
      echo) measure echo http java "${jvm[@]}" -cp benchmarks/target/benchmarks.jar io.orchestrator.benchmarks.http.EchoServer 18090 ;;
      orchestrator) measure "orch-${STORAGE:-memory}" http "${server[@]}" "${storage[@]}" ;;
      orch-before) measure orch-before http java "${jvm[@]}" -jar "${BEFORE_JAR:?set BEFORE_JAR}" -host 127.0.0.1 -port 18090 "${storage[@]}" ;;
      orch-auth) measure orch-auth http "${server[@]}" "${storage[@]}" -auth on -admin-key "$admin_key" ;;
      orch-tls) measure orch-tls https "${server[@]}" "${storage[@]}" -tls-cert "$work/cert.pem" -tls-key "$work/key.pem" ;;
    esac
  done
done
