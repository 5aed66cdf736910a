#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into the database and uploads folder the portal is configured with.
# Stop the portal first. SQLite: refuses to replace an existing database file unless --force is given; the backup's
# database is integrity-checked before anything is written. PostgreSQL: pg_restore into a new, empty database
# (createdb), in one transaction; a database that has tables is refused.
#
#   scripts/restore.sh /backups/homevisit-2026-12-07 [--force]
#   PORTAL_DLL=/srv/homevisit/HomeVisit.Portal.dll scripts/restore.sh /backups/homevisit-2026-12-07 --force
#
# See docs/security.md and docs/operations.md, "Backups".
set -euo pipefail
source="${1:?usage: scripts/restore.sh <backup folder> [--force]}"
shift
source="$(cd "$source" && pwd)"
if [ -n "${PORTAL_DLL:-}" ]; then
  cd "$(dirname "$PORTAL_DLL")"
  exec dotnet "$PORTAL_DLL" --restore "$source" "$@"
fi
cd "$(dirname "$0")/.."
exec dotnet run --project src/HomeVisit.Portal -- --restore "$source" "$@"
