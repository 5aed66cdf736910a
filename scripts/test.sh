#!/usr/bin/env bash
# Runs every test: service, host, rendering and browser tests. Installs what the browser tests
# need first (Debian's Chromium and CJK fonts, LibreOffice Calc for the workbook tests) and the SSO tests' OpenID provider (npm oidc-provider
# under tests/HomeVisit.Tests/Sso/provider), so it works on a fresh machine and in CI.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
# The workbook tests open exported ledgers in LibreOffice, one of the three spreadsheet programs users have.
command -v libreoffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
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

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet test HomeVisit.Portal.sln --logger "console;verbosity=normal" "$@"

# Decision 0013's "one line": with each module project left out in turn, the portal still builds, starts and serves
# (a run with test filters skips it).
if [ $# -eq 0 ]; then
  ./scripts/check-module-removal.sh
fi
