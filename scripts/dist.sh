#!/usr/bin/env bash
# Usage: scripts/dist.sh [release|debug]  (debug: packages the debug build, for `make test`)
# Builds the app and its Linux packages with the Tauri bundler (the npm package
# @tauri-apps/cli, a prebuilt binary fetched by npx on first use): a .deb and an .rpm, with
# the desktop entry, the icons in every size and the version from Cargo.toml. An AppImage is not built: its bundler downloads
# linuxdeploy from GitHub at build time, which this project does not do.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
TAURI_CLI=2.12.5
profile=${1:-release}
npm --prefix ui run build --silent
if [[ $profile == debug ]]; then
  cargo build -p rapport-app
  flags=(--debug --bundles deb)
else
  cargo build --release -p rapport-app
  flags=(--bundles deb,rpm)
fi
# Not a dependency in ui/package.json: the registry offers only some of its per-platform
# binaries, which would break `npm ci` on a fresh clone.
npx --yes --package "@tauri-apps/cli@$TAURI_CLI" tauri bundle "${flags[@]}" --ci
# What was built (a debug build makes only the .deb).
shopt -s nullglob
printf '%s\n' "$CARGO_TARGET_DIR/$profile"/bundle/*/*.deb "$CARGO_TARGET_DIR/$profile"/bundle/*/*.rpm
