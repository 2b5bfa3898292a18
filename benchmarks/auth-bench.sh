#!/usr/bin/env bash
# Ingest with auth off vs on, interleaved: usage benchmarks/auth-bench.sh [conns] [secs] [rounds] [warmup]
# Both servers run side by side for the whole run (-auth off on 18091; -auth on with a probe API key
# on every request on 18092) and take turns under the same wrk load: ABBA order, `rounds` pairs of
# `secs` each after `warmup` seconds of load on each. Separate runs of one server each spread by
# more than the cost of auth (BENCHMARKS.md, issue 10); taking turns exposes both servers to the same
# drift of the machine. Prints one row per turn, then the medians of the pairs.
set -euo pipefail
cd "$(dirname "$0")/.."
conns=${1:-64}
secs=${2:-15}
rounds=${3:-8}
warmup=${4:-45}
# shellcheck source=benchmarks/lib.sh
source benchmarks/lib.sh
bench_setup "${WORKLOAD:-synthetic}"

admin_key=bench-admin-key-0123456789abcdef
jar=orchestrator-server/target/orchestrator-server.jar
java "${jvm[@]}" -jar "$jar" -host 127.0.0.1 -port 18091 >"$work/off.log" 2>&1 &
off_pid=$!
java "${jvm[@]}" -jar "$jar" -host 127.0.0.1 -port 18092 -auth on -admin-key "$admin_key" >"$work/auth.log" 2>&1 &
auth_pid=$!
await_health 18091 && await_health 18092 || exit 1
probe_key="Bearer $(curl -s -H "Authorization: Bearer $admin_key" -d '{"name":"bench","role":"probe"}' \
  http://127.0.0.1:18092/api/v1/admin/keys | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')"

load() { # name seconds: unmeasured wrk load (warm-up) against one of the two servers
  local port=18091 auth=""
  if [ "$1" = auth ]; then port=18092; auth=$probe_key; fi
  WRK_AUTH=$auth wrk -t2 -c"$conns" -d"$2s" -s "$work/post.lua" "http://127.0.0.1:$port"
}

turn() { # name: one measured turn; prints "name req/s cpu_us p99_ms"
  local pid=$off_pid port=18091 auth="" r
  if [ "$1" = auth ]; then pid=$auth_pid; port=18092; auth=$probe_key; fi
  r=$(WRK_AUTH=$auth wrk_turn "$pid" "http://127.0.0.1:$port" "$secs") || exit 1
  echo "$1 $r"
}

for name in off auth off auth; do load "$name" $((warmup / 2)) >/dev/null; done
echo "body: $(wc -c <"$work/body.json") bytes; $conns connections; ${warmup}s warm-up each; $rounds pairs of ${secs}s; $(nproc) cores"
echo "| pair | off req/s | auth req/s | change | off CPU/req | auth CPU/req | off p99 | auth p99 |"
echo "|---|---|---|---|---|---|---|---|"
for i in $(seq 1 "$rounds"); do
  if [ $((i % 2)) -eq 1 ]; then
    a=$(turn off) || exit 1; b=$(turn auth) || exit 1
  else
    b=$(turn auth) || exit 1; a=$(turn off) || exit 1
  fi
  read -r _ off_rps off_cpu off_p99 <<< "$a"
  read -r _ auth_rps auth_cpu auth_p99 <<< "$b"
  change=$(python3 -c "print(f'{($auth_rps / $off_rps - 1) * 100:+.1f} %')")
  echo "| $i | $off_rps | $auth_rps | $change | $off_cpu µs | $auth_cpu µs | $off_p99 ms | $auth_p99 ms |" | tee -a "$work/rows"
done
python3 - "$work/rows" <<'PY'
import statistics, sys
rows = [[c.strip() for c in l.split("|")[1:-1]] for l in open(sys.argv[1])]
ratio = statistics.median(float(r[2]) / float(r[1]) for r in rows)
cpu = statistics.median(float(r[5].split()[0]) / float(r[4].split()[0]) for r in rows)
print(f"median of pairs: throughput {(ratio - 1) * 100:+.1f} %, CPU per request {(cpu - 1) * 100:+.1f} %")
PY
