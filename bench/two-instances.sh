#!/usr/bin/env bash
# The two-instance load run of docs/performance.md: two portals (real Kestrel ports) on one throwaway PostgreSQL
# database, CLIENTS concurrent clients for ROUNDS rounds each, alternately on one instance and the other: sign in,
# open the visit list, plan a visit, open it on the other instance. It is the suite's
# TwoInstancesTests.Concurrent_clients_… test run with more clients and rounds; it fails on any error or a visit that
# is missing or saved twice, and prints the timings per step.
#   bench/two-instances.sh [OUT_FILE]      CLIENTS (24), ROUNDS (10), SKIP_BUILD=1
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-bench/results/two-instances-$(date -u +%Y%m%dT%H%MZ).txt}"
mkdir -p "$(dirname "$out")"
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
[ -n "${SKIP_BUILD:-}" ] || dotnet build tests/HomeVisit.Tests -v q -nologo
HOMEVISIT_LOAD_CLIENTS="${CLIENTS:-24}" HOMEVISIT_LOAD_ROUNDS="${ROUNDS:-10}" HOMEVISIT_LOAD_REPORT="$out" \
  dotnet test tests/HomeVisit.Tests --no-build \
  --filter "FullyQualifiedName~TwoInstancesTests.Concurrent_clients_alternating_between_the_instances"
cat "$out"
