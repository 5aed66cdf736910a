#!/usr/bin/env bash
# The benchmark of docs/performance.md: builds the county-scale database and the demo database, measures the
# service queries (BenchmarkDotNet), the reminder job and concurrent writers, then starts the real portal on
# each database and the bare Blazor page, drives them in Chromium, and prints the table against the budgets.
# Not part of the test command (it takes 20-40 minutes); tests/…/Performance is its smoke version.
#   bench/run.sh [OUT_DIR]       (default: bench/results/<UTC date>)
# Environment: SCALE (1), WRITERS_SECONDS (60), SKIP_QUERIES=1 to leave BenchmarkDotNet out, SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-bench/results/$(date -u +%Y%m%dT%H%MZ)}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
results="$out/results.jsonl"
: > "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ -z "${SKIP_BUILD:-}" ]; then
  dotnet build tools/HomeVisit.DataGen -c Release -v q -nologo
  dotnet build bench/HomeVisit.Bench -c Release -v q -nologo
  dotnet build bench/HomeVisit.Bench.Bare -c Release -v q -nologo
fi
bench="dotnet bench/HomeVisit.Bench/bin/Release/net10.0/HomeVisit.Bench.dll"

echo "== generating the county-scale database"
dotnet tools/HomeVisit.DataGen/bin/Release/net10.0/HomeVisit.DataGen.dll --out "$out/county.db" --scale "${SCALE:-1}" | tee "$out/generator.txt"
rm -f "$out/demo.db"*

start_portal() { # DB PORT SEED -> sets PID
  (cd src/HomeVisit.Portal && ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Portal="Data Source=$1" Demo__Seed="$3" \
     Reminders__Enabled=false Logging__LogLevel__Default=Warning \
     exec dotnet bin/Release/net10.0/HomeVisit.Portal.dll --urls "http://127.0.0.1:$2") > "$out/portal-$2.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$2/healthz" >/dev/null && return 0; sleep 0.5; done
  echo "portal on $2 did not start"; cat "$out/portal-$2.log"; exit 1
}

# The demo database is seeded by the portal itself on first start.
start_portal "$out/demo.db" 5191 true; kill "$PID"; wait "$PID" 2>/dev/null || true

if [ -z "${SKIP_QUERIES:-}" ]; then
  echo "== service queries"
  $bench queries "$out/county.db" "$results" county > "$out/queries-county.txt"
  $bench queries "$out/demo.db" "$results" demo > "$out/queries-demo.txt"
fi

echo "== reminder job and writers"
$bench jobs "$out/county.db" "$results" county "${WRITERS_SECONDS:-60}"
$bench jobs "$out/demo.db" "$results" demo 10

echo "== browser"
(cd bench/HomeVisit.Bench.Bare && ASPNETCORE_ENVIRONMENT=Development exec dotnet bin/Release/net10.0/HomeVisit.Bench.Bare.dll --urls http://127.0.0.1:5193) > "$out/bare.log" 2>&1 &
BARE=$!
for _ in $(seq 1 600); do curl -sf http://127.0.0.1:5193/ >/dev/null && break; sleep 0.5; done
$bench bare http://127.0.0.1:5193 "$BARE" "$results"
start_portal "$out/county.db" 5190 false; COUNTY=$PID
$bench browser county http://127.0.0.1:5190 "$COUNTY" "$results"
kill "$COUNTY"
start_portal "$out/demo.db" 5191 true; DEMO=$PID
$bench browser demo http://127.0.0.1:5191 "$DEMO" "$results"
$bench bare http://127.0.0.1:5193 "$BARE" "$results"
kill "$DEMO" "$BARE"

$bench report "$results" | tee "$out/report.md"
