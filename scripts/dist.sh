#!/usr/bin/env bash
# Builds the release app and its Linux packages with the Tauri bundler (the npm package
# @tauri-apps/cli, a prebuilt binary): a .deb and an .rpm, with the desktop entry, the icons in
# every size and the version from Cargo.toml. An AppImage is not built: its bundler downloads
# linuxdeploy from GitHub at build time, which this project does not do.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
npm --prefix ui run build --silent
cargo build --release -p rapport-app
ui/node_modules/.bin/tauri bundle --bundles deb,rpm --ci
ls -1 "$CARGO_TARGET_DIR"/release/bundle/deb/*.deb "$CARGO_TARGET_DIR"/release/bundle/rpm/*.rpm
