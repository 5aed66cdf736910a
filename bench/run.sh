#!/usr/bin/env bash
# The benchmark of docs/performance.md: builds the county-scale database and the demo database, measures the
# service queries (BenchmarkDotNet), the reminder job and concurrent writers, then starts the real portal on
# each database and the bare Blazor page, drives them in Chromium, and prints the table against the budgets.
# Not part of the test command (it takes 20-40 minutes); tests/…/Performance is its smoke version.
#   bench/run.sh [OUT_DIR]       (default: bench/results/<UTC date>)
# Environment: SCALE (1), WRITERS_SECONDS (60), SKIP_QUERIES=1 to leave BenchmarkDotNet out, SKIP_BUILD=1,
#   PROVIDER=Sqlite (default) | PostgreSQL | both: the database engine(s) measured. PostgreSQL runs on a throwaway
#   cluster of Debian's postgresql started here (as the postgres user when run as root) and stopped at the end; the
#   county database is the generated SQLite file copied into it, so both engines hold the same rows.
#   SKIP_BROWSER=1 leaves the Chromium part out (the service queries and jobs only).
#   REUSE=1 measures the SQLite databases an earlier run left in OUT_DIR again (no generation, results appended);
#   SKIP_JOBS=1 leaves the reminder job and the writers out (they change the database).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-bench/results/$(date -u +%Y%m%dT%H%MZ)}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
results="$out/results.jsonl"
[ -n "${REUSE:-}" ] || : > "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ -z "${SKIP_BUILD:-}" ]; then
  dotnet build tools/HomeVisit.DataGen -c Release -v q -nologo
  dotnet build bench/HomeVisit.Bench -c Release -v q -nologo
  dotnet build bench/HomeVisit.Bench.Bare -c Release -v q -nologo
fi
bench="dotnet bench/HomeVisit.Bench/bin/Release/net10.0/HomeVisit.Bench.dll"
provider="${PROVIDER:-Sqlite}"
case "$provider" in Sqlite|sqlite) sqlite=1; pg= ;; PostgreSQL|postgresql) sqlite=; pg=1 ;; both) sqlite=1; pg=1 ;;
  *) echo "PROVIDER is $provider; use Sqlite, PostgreSQL or both"; exit 2 ;; esac

PGDIR=
stop_postgres() {
  if [ -n "$PGDIR" ] && [ -f "$PGDIR/data/postmaster.pid" ]; then
    $as_pg "$pgbin/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null || true
    rm -rf "$PGDIR"
  fi
}
# The bare page and the portals run in the background: a failed step must not leave them holding their ports.
trap 'kill $(jobs -p) 2>/dev/null || true; stop_postgres' EXIT
if [ -n "$pg" ]; then
  pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  PGDIR="$(mktemp -d /tmp/homevisit-bench-pg-XXXXXX)"
  pgport="${PG_PORT:-55432}"
  as_pg=""; if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PGDIR"; as_pg="runuser -u postgres --"; fi
  $as_pg "$pgbin/initdb" -D "$PGDIR/data" -U postgres --auth-local=trust --auth-host=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # Defaults of Debian's PostgreSQL (shared_buffers 128 MB, fsync on), on loopback only.
  $as_pg "$pgbin/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w start -o "-p $pgport -k $PGDIR -c listen_addresses=127.0.0.1 -c max_connections=200" >/dev/null
  for db in county demo; do $as_pg "$pgbin/psql" -h "$PGDIR" -p "$pgport" -U postgres -qc "CREATE DATABASE $db" postgres; done
  pg_county="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=county"
  pg_demo="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=demo"
  "$pgbin/postgres" --version | tee "$out/postgres-version.txt"
fi

if [ -z "${REUSE:-}" ]; then
  echo "== generating the county-scale database"
  dotnet tools/HomeVisit.DataGen/bin/Release/net10.0/HomeVisit.DataGen.dll --out "$out/county.db" --scale "${SCALE:-1}" \
    ${pg:+--postgres "$pg_county"} | tee "$out/generator.txt"
  rm -f "$out/demo.db"*
fi

start_portal() { # DB PORT SEED -> sets PID; DB is a SQLite file or a PostgreSQL connection string (Host=…)
  local engine=Sqlite cs="Data Source=$1"
  case "$1" in *Host=*) engine=PostgreSQL; cs="$1" ;; esac
  (cd src/HomeVisit.Portal && ASPNETCORE_ENVIRONMENT=Development Database__Provider="$engine" ConnectionStrings__Portal="$cs" Demo__Seed="$3" \
     Reminders__Enabled=false Logging__LogLevel__Default=Warning \
     exec dotnet bin/Release/net10.0/HomeVisit.Portal.dll --urls "http://127.0.0.1:$2") > "$out/portal-$2.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$2/healthz" >/dev/null && return 0; sleep 0.5; done
  echo "portal on $2 did not start"; cat "$out/portal-$2.log"; exit 1
}

# The demo database is seeded by the portal itself on first start.
if [ -n "$sqlite" ] && [ -z "${REUSE:-}" ]; then start_portal "$out/demo.db" 5191 true; kill "$PID"; wait "$PID" 2>/dev/null || true; fi
if [ -n "$pg" ]; then start_portal "$pg_demo" 5191 true; kill "$PID"; wait "$PID" 2>/dev/null || true; fi

# label and database of each run: county and demo on each engine measured
runs=()
if [ -n "$sqlite" ]; then runs+=("county|$out/county.db" "demo|$out/demo.db"); fi
if [ -n "$pg" ]; then runs+=("county-pg|$pg_county" "demo-pg|$pg_demo"); fi

if [ -z "${SKIP_QUERIES:-}" ]; then
  echo "== service queries"
  for run in "${runs[@]}"; do $bench queries "${run#*|}" "$results" "${run%%|*}" > "$out/queries-${run%%|*}.txt"; done
fi

if [ -z "${SKIP_JOBS:-}" ]; then
  echo "== reminder job and writers"
  for run in "${runs[@]}"; do
    case "${run%%|*}" in county*) secs="${WRITERS_SECONDS:-60}" ;; *) secs=10 ;; esac
    $bench jobs "${run#*|}" "$results" "${run%%|*}" "$secs"
  done
fi

if [ -z "${SKIP_BROWSER:-}" ]; then
  echo "== browser"
  (cd bench/HomeVisit.Bench.Bare && ASPNETCORE_ENVIRONMENT=Development exec dotnet bin/Release/net10.0/HomeVisit.Bench.Bare.dll --urls http://127.0.0.1:5193) > "$out/bare.log" 2>&1 &
  BARE=$!
  for _ in $(seq 1 600); do curl -sf http://127.0.0.1:5193/ >/dev/null && break; sleep 0.5; done
  $bench bare http://127.0.0.1:5193 "$BARE" "$results"
  for run in "${runs[@]}"; do
    case "${run%%|*}" in demo*) seed=true ;; *) seed=false ;; esac
    start_portal "${run#*|}" 5190 "$seed"; PORTAL=$PID
    $bench browser "${run%%|*}" http://127.0.0.1:5190 "$PORTAL" "$results"
    kill "$PORTAL"; wait "$PORTAL" 2>/dev/null || true
  done
  $bench bare http://127.0.0.1:5193 "$BARE" "$results"
  kill "$BARE"
fi

$bench report "$results" | tee "$out/report.md"
