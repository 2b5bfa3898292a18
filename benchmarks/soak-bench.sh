#!/usr/bin/env bash
# Bounded memory under sustained ingest (BENCHMARKS.md, server figure 1, RSS): the server with
# -Xmx256m takes six 30 s wrk rounds of 5.9 KB reports over 1,000 agents (about 1.5M reports);
# after each round it prints requests, errors, RSS and the stored points.
# Needs: orchestrator-server/target/orchestrator-server.jar, wrk, python3, curl.
set -u
cd "$(dirname "$0")/.."
java -Xmx256m -jar orchestrator-server/target/orchestrator-server.jar -host 127.0.0.1 -port 18096 > /tmp/soak-server.log 2>&1 &
pid=$!
sleep 3
# 1000 agent bodies as in http-bench
work=$(mktemp -d)
python3 - "$work/body.json" <<'PY'
import json, sys, copy
r = json.load(open("../shared/fixtures/report-full.json"))
procs, conns = r["processes_info"]["processes"], r["network_info"]["connections"]
i = 0
while len(json.dumps(r, separators=(",", ":"))) < 5600:
    p = copy.deepcopy(procs[1]); p["pid"] = 3000 + i; p["name"] = "worker-%d" % i; procs.append(p)
    c = copy.deepcopy(conns[1]); c["local_port"] = 44000 + i; c["pid"] = 3000 + i; conns.append(c)
    i += 1
r["agent_id"] = "AGENT"
open(sys.argv[1], "w").write(json.dumps(r, separators=(",", ":")))
PY
cat > "$work/post.lua" <<LUA
local reqs, n = {}, 0
function init(args)
  local f = io.open("$work/body.json", "r"); local body = f:read("*a"); f:close()
  for i = 0, 999 do
    reqs[i] = wrk.format("POST", "/api/v1/reports", {["Content-Type"] = "application/json"}, (body:gsub('"AGENT"', '"agent-' .. i .. '"')))
  end
end
request = function() n = (n + 1) % 1000; return reqs[n] end
LUA
for round in 1 2 3 4 5 6; do
  wrk -t2 -c64 -d30s -s "$work/post.lua" http://127.0.0.1:18096 > "$work/w.txt" 2>&1
  reqs=$(awk '/requests in/ {print $1}' "$work/w.txt"); non=$(awk '/Non-2xx/ {print $NF}' "$work/w.txt")
  rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  total=$(curl -s 127.0.0.1:18096/api/v1/query/stats | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["ingest"]["reports_total"], d["storage"]["total_points"], d["storage"]["memory_bytes"])')
  echo "round $round: requests $reqs non2xx ${non:-0} rss $((rss/1024)) MiB; reports_total points memory_bytes: $total"
done
kill $pid
