# Shared by the HTTP benchmark scripts; source it, do not run it.

# bench_setup WORKLOAD: what the ingest benchmarks share: JVM flags in $jvm (JVM_FLAGS, default a
# fixed 512 MB heap), a temp dir in $work removed on exit along with every background job, and the
# workload (see report_workload) written into it.
bench_setup() {
  read -r -a jvm <<< "${JVM_FLAGS:--Xms512m -Xmx512m}"
  work=$(mktemp -d)
  trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
  report_workload "$work" "$1"
}

# report_workload DIR [synthetic|real|real-distinct|real-changing]: writes DIR/body.json, agent id
# "AGENT", its second version DIR/body2.json, and DIR/post.lua (wrk: POSTs over 1,000 agent ids,
# "AGENT" replaced by each, every agent its first version and then its second). synthetic
# (default): the full example grown to ~5.6 KB with processes and connections; real: the real Go
# probe's report (docs/examples, ~25 KB, 97 processes, 34 sockets) as the probe sent it;
# real-distinct: the same with every process's cmdline made unique to the agent, so that hosts
# share no more than process names, states and the like; real-changing: real-distinct where an
# agent's reports alternate between two versions (DIR/body2.json) that differ in the timestamps
# and in the CPU time, memory and threads of every third process, as a host's consecutive reports
# do. The other workloads write the same body twice.
report_workload() {
  local dir=$1
  if [[ "${2:-synthetic}" = real* ]]; then
    python3 - "$dir/body.json" "$2" <<'PY'
import json, sys
r = json.load(open("docs/examples/report-real-probe.json"))
r["agent_id"] = "AGENT"
if sys.argv[2] in ("real-distinct", "real-changing"):
    for p in r["processes_info"]["processes"]:
        p["cmdline"] = (p.get("cmdline") or "") + " AGENT"
open(sys.argv[1], "w").write(json.dumps(r, separators=(",", ":")))
if sys.argv[2] == "real-changing":
    later = lambda t: t[:17] + "59" + t[19:]  # the seconds of an RFC 3339 time
    r["timestamp"] = later(r["timestamp"])
    for section in ("host_info", "processes_info", "network_info", "docker_info"):
        if isinstance(r.get(section), dict) and "timestamp" in r[section]:
            r[section]["timestamp"] = later(r[section]["timestamp"])
    for p in r["processes_info"]["processes"][::3]:
        p["cpu_time"] = p.get("cpu_time", 0) + 7
        p["memory_mb"] = p.get("memory_mb", 0) + 1
        p["threads"] = p.get("threads", 0) + 1
open(sys.argv[1].replace("body.json", "body2.json"), "w").write(json.dumps(r, separators=(",", ":")))
PY
  [ -f "$dir/body2.json" ] || cp "$dir/body.json" "$dir/body2.json"
  else
    python3 - "$dir/body.json" <<'PY'
import json, sys, copy
r = json.load(open("docs/examples/report-full.json"))
procs, conns = r["processes_info"]["processes"], r["network_info"]["connections"]
i = 0
while len(json.dumps(r, separators=(",", ":"))) < 5600:
    p = copy.deepcopy(procs[1]); p["pid"] = 3000 + i; p["name"] = "worker-%d" % i; procs.append(p)
    c = copy.deepcopy(conns[1]); c["local_port"] = 44000 + i; c["pid"] = 3000 + i; conns.append(c)
    i += 1
r["agent_id"] = "AGENT"
open(sys.argv[1], "w").write(json.dumps(r, separators=(",", ":")))
PY
    cp "$dir/body.json" "$dir/body2.json"
  fi
  cat > "$dir/post.lua" <<LUA
local reqs, n = {}, 0
-- built in init: wrk sets the Host header only after the script has loaded
function init(args)
  local bodies = {}
  for v, name in ipairs({"body.json", "body2.json"}) do
    local f = io.open("$dir/" .. name, "r"); bodies[v] = f:read("*a"); f:close()
  end
  local headers = {["Content-Type"] = "application/json"}
  local auth = os.getenv("WRK_AUTH") -- "Bearer <key>" when the server wants credentials
  if auth and auth ~= "" then headers["Authorization"] = auth end
  -- agents 0..999 send their first version, then their second
  for i = 0, 1999 do
    reqs[i] = wrk.format("POST", "/api/v1/reports", headers,
                         (bodies[1 + math.floor(i / 1000)]:gsub('AGENT', 'agent-' .. (i % 1000))))
  end
end
request = function() n = (n + 1) % 2000; return reqs[n] end
LUA
}

# await_health PORT [SCHEME]: waits up to 10 s for the server on PORT to answer /health; fails
# otherwise. SCHEME https accepts the server's self-signed certificate.
await_health() {
  for _ in $(seq 1 100); do
    curl -kfs "${2:-http}://127.0.0.1:$1/health" >/dev/null && return 0
    sleep 0.1
  done
  echo "server on port $1 did not answer /health within 10 s" >&2
  return 1
}

# fresh_database: creates an empty database on the local PostgreSQL and prints its JDBC URL.
fresh_database() {
  local name="orch_bench_$RANDOM$RANDOM"
  psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $name" >/dev/null
  echo "jdbc:postgresql://127.0.0.1:5432/$name"
}

# cpu_ticks PID: the process's user + system CPU time so far, in clock ticks (1/100 s).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# wrk_turn PID URL SECONDS: one measured wrk run (the connections in $conns, the workload in
# $work/post.lua, credentials in $WRK_AUTH) against the server PID; prints "req/s cpu_us p99_ms"
# (CPU per request of that process alone). Fails on any non-2xx answer.
wrk_turn() {
  local before after
  before=$(cpu_ticks "$1")
  wrk -t2 -c"$conns" -d"$3s" --latency -s "$work/post.lua" "$2" >"$work/wrk.txt"
  after=$(cpu_ticks "$1")
  ! grep -q Non-2xx "$work/wrk.txt" || { echo "$2: non-2xx answers" >&2; cat "$work/wrk.txt" >&2; return 1; }
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
