#!/usr/bin/env bash
# Online backup of the portal's data while it runs: the database (SQLite: VACUUM INTO; PostgreSQL: pg_dump
# --format=custom; each a consistent copy as of one moment) and the uploads folder, into an empty folder with a
# manifest.json. Reads the portal's own configuration (Database__Provider, ConnectionStrings__Portal, Uploads__Root,
# appsettings*.json), so run it where and as the portal runs.
#
#   scripts/backup.sh /backups/homevisit-$(date +%F)                  # from the repository (dotnet run)
#   PORTAL_DLL=/srv/homevisit/HomeVisit.Portal.dll scripts/backup.sh /backups/homevisit-$(date +%F)   # a published portal
#
# See docs/security.md and docs/operations.md, "Backups".
set -euo pipefail
target="${1:?usage: scripts/backup.sh <empty target folder>}"
mkdir -p "$target"
target="$(cd "$target" && pwd)"
if [ -n "${PORTAL_DLL:-}" ]; then
  cd "$(dirname "$PORTAL_DLL")"
  exec dotnet "$PORTAL_DLL" --backup "$target"
fi
cd "$(dirname "$0")/.."
exec dotnet run --project src/HomeVisit.Portal -- --backup "$target"
