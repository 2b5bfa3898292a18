#!/usr/bin/env bash
# Startup: `java -jar` to the first 200 on /health (BENCHMARKS.md, server figure 6), without and
# with an AppCDS archive (JDK 17 dynamic archive: -XX:ArchiveClassesAtExit / SharedArchiveFile).
# Needs: orchestrator-server/target/orchestrator-server.jar, curl, python3.
# Usage: benchmarks/startup-bench.sh [runs=5]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=orchestrator-server/target/orchestrator-server.jar
archive=$(mktemp -d)/orchestrator.jsa
port=18095

time_to_health() { # extra JVM flags...
  local start; start=$(date +%s%N)
  java "$@" -jar "$jar" -host 127.0.0.1 -port "$port" >/dev/null 2>&1 &
  local pid=$!
  until curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; do sleep 0.005; done
  local end; end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# Create the archive from one real run (classes loaded up to serving /health, then a clean exit).
time_to_health -XX:ArchiveClassesAtExit="$archive" >/dev/null
plain=$(for _ in $(seq 1 "$runs"); do time_to_health; done | median)
cds=$(for _ in $(seq 1 "$runs"); do time_to_health -XX:SharedArchiveFile="$archive"; done | median)
echo "| startup to first 200 on /health | plain: ${plain} ms | AppCDS: ${cds} ms | median of $runs, $(nproc) cores |"
