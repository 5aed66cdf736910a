#!/usr/bin/env bash
# Vendors FullCalendar (npm `fullcalendar`, MIT) into src/HomeVisit.Portal/wwwroot/lib/fullcalendar/: the standard
# global bundle (core, day grid, time grid, list, interaction), the zh-cn locale, the licence and a VERSION file.
# The portal serves these files itself (no CDN: intranet, and the Content-Security-Policy allows only 'self').
# Usage: scripts/update-fullcalendar.sh [version]   (default: the version in the VERSION file)
# Needs npm; nothing is installed into the repository (npm pack into a temporary folder).
set -euo pipefail
cd "$(dirname "$0")/.."

dest=src/HomeVisit.Portal/wwwroot/lib/fullcalendar
version="${1:-$(cat "$dest/VERSION" 2>/dev/null || echo 6.1.22)}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# The bundle's zh-cn locale lives in @fullcalendar/core; both packages are released with the same version.
(cd "$tmp" && npm pack --silent "fullcalendar@$version" "@fullcalendar/core@$version" >/dev/null)
mkdir -p "$tmp/bundle" "$tmp/core"
tar -xzf "$tmp/fullcalendar-$version.tgz" -C "$tmp/bundle"
tar -xzf "$tmp/fullcalendar-core-$version.tgz" -C "$tmp/core"

mkdir -p "$dest/locales"
cp "$tmp/bundle/package/index.global.min.js" "$dest/index.global.min.js"
cp "$tmp/core/package/locales/zh-cn.global.min.js" "$dest/locales/zh-cn.global.min.js"
cp "$tmp/bundle/package/LICENSE.md" "$dest/LICENSE.md"
echo "$version" > "$dest/VERSION"
echo "FullCalendar $version vendored into $dest; check the calendars (tests/HomeVisit.Tests/Calendar) before committing."
