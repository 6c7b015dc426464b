#!/usr/bin/env bash
# Usage: scripts/test-dist.sh [release|debug]
# Checks the .deb built by scripts/dist.sh the way a user meets it: its metadata (version from
# Cargo.toml, desktop entry, icons in every size), then installs it with dpkg, starts the
# installed app under Xvfb on a new workspace, finds its window, and removes the package.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
deb=$(ls -t "$CARGO_TARGET_DIR/${1:-release}"/bundle/deb/*.deb | head -1)
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
fail() { echo "test-dist: $*" >&2; exit 1; }

[[ $(dpkg-deb -f "$deb" Version) == "$version" ]] || fail "the package version is not $version"
[[ $(dpkg-deb -f "$deb" Package) == rapport ]] || fail "the package is not called rapport"
files=$(dpkg-deb -c "$deb")
for want in usr/bin/rapport-app usr/share/applications/Rapport.desktop \
  usr/share/icons/hicolor/32x32/apps/rapport-app.png \
  usr/share/icons/hicolor/128x128/apps/rapport-app.png \
  usr/share/icons/hicolor/256x256@2/apps/rapport-app.png; do
  grep -q " $want\$" <<<"$files" || fail "$deb has no $want"
done

sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
$sudo dpkg -i "$deb" >/dev/null
trap '$sudo dpkg -r rapport >/dev/null' EXIT
desktop=/usr/share/applications/Rapport.desktop
grep -q '^Exec=rapport-app' "$desktop" || fail "the desktop entry does not start rapport-app"

home=$(mktemp -d "${TMPDIR:-/tmp}/rapport-dist.XXXXXX")
export XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config XDG_STATE_HOME=$home/state \
  XDG_CACHE_HOME=$home/cache NO_AT_BRIDGE=1 HOME_DB=$home/new.db
# Inside the X server: start the installed app on a new workspace and wait for its window.
xvfb-run -a bash -c '
  rapport-app --db "$HOME_DB" & pid=$!
  for _ in $(seq 1 120); do
    if xwininfo -root -tree | grep -q "\"Rapport\""; then kill $pid; exit 0; fi
    sleep 0.5
  done
  kill $pid; exit 1' || fail "the installed app showed no window named Rapport within 60 s"
[[ -s $HOME_DB ]] || fail "the installed app did not create its workspace"
rm -rf "$home"
echo "test-dist: $deb installs, starts on a new workspace and shows its window"
