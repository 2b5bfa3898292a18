#!/usr/bin/env bash
# Ingest of the echo, the server and (optionally) an earlier build, side by side and taking turns:
# usage benchmarks/interleaved-bench.sh [conns=64] [secs=10] [rounds=8] [warmup=45]
# All run for the whole benchmark (echo on 18091, this build on 18092, BEFORE_JAR on 18093) and take
# turns under the same wrk load, the order reversed every round. On a shared 2-vCPU machine the echo
# alone moved 2-4x between separate runs (BENCHMARKS.md, issue 16); turns of a few seconds expose
# every server to the same drift, and the medians of per-round ratios cancel most of it.
# Environment: WORKLOAD=synthetic|real, STORAGE=memory|postgres (the servers each get a fresh
# database), BEFORE_JAR (optional), JVM_FLAGS (default -Xms512m -Xmx512m).
set -euo pipefail
cd "$(dirname "$0")/.."
conns=${1:-64}
secs=${2:-10}
rounds=${3:-8}
warmup=${4:-45}
read -r -a jvm <<< "${JVM_FLAGS:--Xms512m -Xmx512m}"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

# shellcheck source=benchmarks/lib.sh
source benchmarks/lib.sh
report_workload "$work" "${WORKLOAD:-synthetic}"
export ORCHESTRATOR_DATABASE_USER=postgres
storage() { [ "${STORAGE:-memory}" != postgres ] || echo "-storage postgres -database-url $(fresh_database)"; }

declare -A port pid
names=(echo after)
port[echo]=18091
port[after]=18092
java "${jvm[@]}" -cp benchmarks/target/benchmarks.jar io.orchestrator.benchmarks.http.EchoServer 18091 \
  >"$work/echo.log" 2>&1 &
pid[echo]=$!
read -r -a flags <<< "$(storage)"
java "${jvm[@]}" -jar orchestrator-server/target/orchestrator-server.jar -host 127.0.0.1 -port 18092 \
  "${flags[@]}" >"$work/after.log" 2>&1 &
pid[after]=$!
if [ -n "${BEFORE_JAR:-}" ]; then
  names+=(before)
  port[before]=18093
  read -r -a flags <<< "$(storage)"
  java "${jvm[@]}" -jar "$BEFORE_JAR" -host 127.0.0.1 -port 18093 "${flags[@]}" >"$work/before.log" 2>&1 &
  pid[before]=$!
fi
for n in "${names[@]}"; do await_health "${port[$n]}" || exit 1; done

turn() { # name: one measured turn; prints "req/s cpu_us p99_ms"
  local before after
  before=$(cpu_ticks "${pid[$1]}")
  wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$work/post.lua" "http://127.0.0.1:${port[$1]}" >"$work/wrk.txt"
  after=$(cpu_ticks "${pid[$1]}")
  ! grep -q Non-2xx "$work/wrk.txt" || { echo "$1: non-2xx answers" >&2; cat "$work/wrk.txt" >&2; exit 1; }
  python3 - "$work/wrk.txt" "$((after - before))" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
reqs = int(re.search(r"(\d+) requests in", t).group(1))
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
v, unit = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)$", t, re.M).groups()
p99 = float(v) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
print(f"{rps:.0f} {int(sys.argv[2]) * 10000 / reqs:.0f} {p99:.1f}")
PY
}

for n in "${names[@]}" "${names[@]}"; do
  wrk -t2 -c"$conns" -d"$((warmup / 2))s" -s "$work/post.lua" "http://127.0.0.1:${port[$n]}" >/dev/null
done
echo "body: $(wc -c <"$work/body.json") bytes; $conns connections; ${warmup}s warm-up each; $rounds rounds of ${secs}s turns; $(nproc) cores; storage ${STORAGE:-memory}"
echo "| round | server | req/s | CPU/req | p99 |"
echo "|---|---|---|---|---|"
for i in $(seq 1 "$rounds"); do
  order=("${names[@]}")
  [ $((i % 2)) -eq 1 ] || order=($(printf '%s\n' "${names[@]}" | tac))
  for n in "${order[@]}"; do
    read -r rps cpu p99 <<< "$(turn "$n")"
    echo "| $i | $n | $rps | $cpu µs | $p99 ms |"
    echo "$i $n $rps $cpu $p99" >>"$work/rows"
  done
done
python3 - "$work/rows" <<'PY'
import collections, statistics, sys
rounds = collections.defaultdict(dict)
for line in open(sys.argv[1]):
    i, name, rps, cpu, p99 = line.split()
    rounds[i][name] = (float(rps), float(cpu), float(p99))
for name in ("after", "before"):
    rows = [r for r in rounds.values() if name in r]
    if not rows:
        continue
    share = statistics.median(r[name][0] / r["echo"][0] for r in rows)
    cpu = statistics.median(r[name][1] / r["echo"][1] for r in rows)
    p99 = statistics.median(r[name][2] for r in rows)
    print(f"{name}: median of rounds {share * 100:.0f} % of the echo's req/s, "
          f"{cpu:.2f}x its CPU per request, p99 {p99:.0f} ms (echo p99 "
          f"{statistics.median(r['echo'][2] for r in rows):.0f} ms)")
PY
