#!/usr/bin/env bash
# Ingest of the echo, the server and (optionally) an earlier build, side by side and taking turns:
# usage benchmarks/interleaved-bench.sh [conns=64] [secs=10] [rounds=8] [warmup=45]
# All run for the whole benchmark (echo on 18091, this build on 18092, BEFORE_JAR on 18093) and take
# turns under the same wrk load, the order reversed every round. On a shared 2-vCPU machine the echo
# alone moved 2-4x between separate runs (BENCHMARKS.md, issue 16); turns of a few seconds expose
# every server to the same drift, and the medians of per-round ratios cancel most of it.
# Environment: WORKLOAD=synthetic|real|real-distinct|real-changing (see lib.sh),
# STORAGE=memory|postgres (the servers each get a fresh database), BEFORE_JAR (optional),
# JVM_FLAGS (default -Xms512m -Xmx512m).
set -euo pipefail
cd "$(dirname "$0")/.."
conns=${1:-64}
secs=${2:-10}
rounds=${3:-8}
warmup=${4:-45}
# shellcheck source=benchmarks/lib.sh
source benchmarks/lib.sh
bench_setup "${WORKLOAD:-synthetic}"
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

turn() { wrk_turn "${pid[$1]}" "http://127.0.0.1:${port[$1]}" "$secs"; }

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
    r=$(turn "$n") || exit 1
    read -r rps cpu p99 <<< "$r"
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
