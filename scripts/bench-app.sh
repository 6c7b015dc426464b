#!/usr/bin/env bash
# The real-app benchmark (last step of `make bench`): builds the release rapport-app, the bare
# Tauri reference (benches/bare-tauri) and rapport-cli, then runs scripts/bench-app.mjs in a
# private X server with a private home, through tauri-driver and WebKitWebDriver like the E2E
# tests. Prints one Markdown table; the samples behind it go to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}

npm --prefix ui run build --silent
cargo build --release --quiet -p rapport -p rapport-app -p bare-tauri --bins

export APP_BIN=$CARGO_TARGET_DIR/release/rapport-app
export BARE_BIN=$CARGO_TARGET_DIR/release/bare-tauri
export CLI_BIN=$CARGO_TARGET_DIR/release/rapport-cli
# No accessibility bus in Xvfb: keep GTK from looking for one.
export NO_AT_BRIDGE=1
# A private home and scratch directory: workspaces, the recent list, logs and the webviews'
# caches never touch (or depend on) the user's own.
BENCH_WORK=$(mktemp -d "${TMPDIR:-/tmp}/rapport-bench-app.XXXXXX")
export BENCH_WORK E2E_SCREENSHOTS=$BENCH_WORK
export XDG_DATA_HOME=$BENCH_WORK/data XDG_CONFIG_HOME=$BENCH_WORK/config XDG_STATE_HOME=$BENCH_WORK/state XDG_CACHE_HOME=$BENCH_WORK/cache
trap 'rm -rf "$BENCH_WORK"' EXIT
xvfb-run -a --server-args="-screen 0 1280x900x24" node scripts/bench-app.mjs
