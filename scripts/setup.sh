#!/usr/bin/env bash
# Installs what Rapport needs on Debian/Ubuntu, only what is missing, so it is safe to rerun.
#   scripts/setup.sh        – build and run: system libraries, Node packages
#   scripts/setup.sh test   – also what the tests need: Xvfb, WebKitWebDriver, tauri-driver,
#                             LibreOffice (CSV round trip), Python's iCalendar, xwininfo
#   scripts/setup.sh bench  – also the sqlite3 shell the benchmarks compare against, and what the
#                             real-app benchmark needs: Xvfb, xwininfo, WebKitWebDriver, tauri-driver
#   scripts/setup.sh dist   – also what the package test needs: Xvfb and xwininfo
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=${1:-}
packages=(build-essential pkg-config libwebkit2gtk-4.1-dev)
if [[ $want_test == test ]]; then
  # LibreOffice: the CSV round trip through a real spreadsheet; x11-utils: the package test.
  packages+=(xvfb xauth webkit2gtk-driver python3 python3-icalendar python3-recurring-ical-events
    libreoffice-calc-nogui x11-utils)
fi
if [[ $want_test == bench ]]; then
  packages+=(sqlite3 xvfb xauth webkit2gtk-driver x11-utils)
fi
if [[ $want_test == dist ]]; then
  packages+=(xvfb xauth x11-utils)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

for tool in cargo node npm; do
  command -v "$tool" >/dev/null || { echo "setup: $tool is required (Rust via rustup, Node.js >= 20.19 with npm)" >&2; exit 1; }
done

# Node packages: reinstall only when the lockfile changed since the last install.
if [[ ! -f ui/node_modules/.package-lock.json || ui/package-lock.json -nt ui/node_modules/.package-lock.json ]]; then
  echo "setup: installing UI packages"
  npm --prefix ui ci --no-fund --no-audit --loglevel=error
fi

if [[ $want_test == test || $want_test == bench ]] && ! command -v tauri-driver >/dev/null; then
  echo "setup: installing tauri-driver"
  cargo install tauri-driver --version '^2.0' --locked
fi
