#!/usr/bin/env bash
# Proves the "one line" claim (decision 0013, "The one module list"): a copy of the repository with one programme module taken out
# (its line in the one module list, src/Programmes/Programmes.props, its folder and its solution entry; nothing else)
# builds, starts on a fresh database with the demo institution, lets the demo admin sign in and answers the module's
# home page exactly like an unknown address.
#
#   scripts/check-module-removal.sh [Name]      # Name of src/Programmes/HomeVisit.Programmes.<Name>; default: every module, one at a time
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
list=src/Programmes/Programmes.props

if [ $# -gt 0 ]; then
  names=("$@")
else
  mapfile -t names < <(ls src/Programmes | sed -n 's/^HomeVisit\.Programmes\.//p')
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for name in "${names[@]}"; do
  module="src/Programmes/HomeVisit.Programmes.$name"
  [ -f "$module/Module.cs" ] || { echo "no module $module" >&2; exit 2; }
  key=$(sed -n 's/.*ProgrammeKey = "\([a-z]*\)".*/\1/p' "$module/Module.cs" | head -1)
  [ -n "$key" ] || { echo "no ProgrammeKey in $module/Module.cs" >&2; exit 2; }

  tmp=$(mktemp -d)
  pid=""
  cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$tmp"; }
  trap cleanup EXIT

  # The working tree as it is (tracked and new files), without build output.
  (cd "$root" && git ls-files -co --exclude-standard -z | xargs -0 cp --parents -t "$tmp")

  # The one line, exactly; then the module's folder and its solution entry. No other file of src/ may name the module's
  # project (the host and the migrations projects get their references from the list).
  line="<PortalModule Include=\"${name}\" />"
  [ "$(grep -cF "$line" "$tmp/$list")" = 1 ] || { echo "$list has no single line $line" >&2; exit 1; }
  others=$(cd "$tmp" && grep -rlF --include='*.csproj' --include='*.props' --include='*.targets' "HomeVisit.Programmes.${name}" src | grep -v "^$module/" || true)
  [ -z "$others" ] || { echo "besides $list, these name the module's project: $others" >&2; exit 1; }
  grep -vF "$line" "$tmp/$list" >"$tmp/list.tmp" && mv "$tmp/list.tmp" "$tmp/$list"
  [ "$(diff <(cd "$root" && cat "$list") "$tmp/$list" | grep -c '^[<>]')" = 1 ] || { echo "removing $name changed more than one line of $list" >&2; exit 1; }
  dotnet sln "$tmp/HomeVisit.Portal.sln" remove "$tmp/$module/HomeVisit.Programmes.$name.csproj" >/dev/null
  rm -rf "$tmp/$module"

  echo "== $name ($key) left out: building the portal"
  dotnet build "$tmp/src/HomeVisit.Portal" -v q -nologo >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; exit 1; }

  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  base="http://127.0.0.1:$port"
  (cd "$tmp/src/HomeVisit.Portal" && ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Portal="Data Source=$tmp/check.db" \
     Reminders__Enabled=false exec dotnet run --no-build --no-launch-profile --urls "$base") >"$tmp/portal.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 180); do
    curl -fsS "$base/healthz" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { cat "$tmp/portal.log"; echo "the portal stopped" >&2; exit 1; }
    sleep 1
  done
  curl -fsS "$base/healthz" >/dev/null || { cat "$tmp/portal.log"; echo "the portal did not start" >&2; exit 1; }

  # Sign in as the demo admin with the form's antiforgery token.
  jar="$tmp/cookies"
  token=$(curl -fsS -c "$jar" "$base/account/login" | sed -n 's/.*name="__RequestVerificationToken"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
  [ -n "$token" ] || { echo "no antiforgery token on the sign-in page" >&2; exit 1; }
  curl -sS -b "$jar" -c "$jar" -o /dev/null --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "_handler=login" \
    --data-urlencode "Input.UserName=admin" --data-urlencode "Input.Password=Demo#2026" "$base/account/login"
  home=$(curl -sS -b "$jar" -o "$tmp/home.html" -w '%{http_code}' "$base/")
  [ "$home" = 200 ] && grep -q '家访项目' "$tmp/home.html" || { echo "signed-in start page: $home" >&2; exit 1; }

  gone=$(curl -sS -b "$jar" -o "$tmp/gone.html" -w '%{http_code}' "$base/programmes/$key")
  unknown=$(curl -sS -b "$jar" -o "$tmp/unknown.html" -w '%{http_code}' "$base/programmes/no-such-programme")
  [ "$gone" = 404 ] && [ "$unknown" = 404 ] || { echo "/programmes/$key: $gone, an unknown programme: $unknown (both must be 404)" >&2; exit 1; }
  if grep -q 'Exception\|fail:' "$tmp/portal.log"; then grep -n 'Exception\|fail:' "$tmp/portal.log" | head -20; echo "errors in the portal's log" >&2; exit 1; fi

  echo "== $name left out: builds, starts, signs in; /programmes/$key answers 404 like an unknown programme"
  cleanup
  trap - EXIT
done
