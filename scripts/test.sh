#!/usr/bin/env bash
# Runs every test: service, host, rendering and browser tests. Installs what the browser tests
# need first (Debian's Chromium and CJK fonts, LibreOffice Calc for the workbook tests, PostgreSQL for the provider tests)
# and the SSO tests' OpenID provider (npm oidc-provider under tests/HomeVisit.Tests/Sso/provider), so it works on a fresh
# machine and in CI. Starts a throwaway PostgreSQL cluster on loopback for the run and removes it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

# --fast: everything but the browser tests (those tagged Category=Browser) and the module-removal check, for a quick
# round while working. The README's command and CI run everything.
fast=0
if [ "${1:-}" = "--fast" ]; then fast=1; shift; set -- --filter "Category!=Browser" "$@"; fi

need=()
[ $fast -eq 1 ] || [ -x /usr/bin/chromium ] || need+=(chromium)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
# The workbook tests open exported ledgers in LibreOffice, one of the three spreadsheet programs users have.
command -v libreoffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
# The data-access and host tests also run on a real PostgreSQL server (docs/decisions/0014-postgresql.md).
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} for the tests..."
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi

provider=tests/HomeVisit.Tests/Sso/provider
if [ ! -d "$provider/node_modules/oidc-provider" ]; then
  echo "Installing the SSO tests' OpenID provider (npm ci in $provider)..."
  (cd "$provider" && npm ci --no-audit --no-fund --loglevel=error)
fi

# A throwaway cluster on a free loopback port: initdb + pg_ctl as the postgres user when run as root (initdb refuses
# root), as the current user otherwise. The tests read its administrator connection string from HOMEVISIT_TEST_POSTGRES
# and give each test class or test its own database; a filtered `dotnet test` without it starts its own cluster.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pg_dir=$(mktemp -d /tmp/homevisit-pg.XXXXXX)
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
pg_password=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
echo "$pg_password" > "$pg_dir/pw"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$pg_dir"; as_pg=(runuser -u postgres --); fi
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth-host=scram-sha-256 --auth-local=trust --pwfile="$pg_dir/pw" -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w start \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" >/dev/null
stop_pg() { "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap stop_pg EXIT
export HOMEVISIT_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$pg_password;Database=postgres"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results=$(mktemp -d /tmp/homevisit-results.XXXXXX)
rc=0
dotnet test HomeVisit.Portal.sln --logger "console;verbosity=normal" --logger "trx;LogFileName=tests.trx" --results-directory "$results" "$@" || rc=$?
# CI shows only the tail of a long log: repeat each failure, with its message, as the last thing printed.
if [ "$rc" -ne 0 ]; then
  python3 scripts/trx-failures.py "$results" || true
  rm -rf "$results"
  exit "$rc"
fi
rm -rf "$results"

# Decision 0013's "one line": with each module project left out in turn, the portal still builds, starts and serves
# (a run with test filters skips it).
if [ $# -eq 0 ] && [ $fast -eq 0 ]; then
  ./scripts/check-module-removal.sh
fi
