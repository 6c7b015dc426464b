#!/usr/bin/env bash
# Runs tests/e2e against the built app (APP_BIN) in a private X server, through tauri-driver
# and WebKitWebDriver. Screenshots land in $E2E_SCREENSHOTS (default tests/e2e/screenshots).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${APP_BIN:?APP_BIN must point at the built rapport-app}"
export PATH="$HOME/.cargo/bin:$PATH"
export E2E_SCREENSHOTS=${E2E_SCREENSHOTS:-$PWD/tests/e2e/screenshots}
# No accessibility bus in Xvfb: keep GTK from looking for one.
export NO_AT_BRIDGE=1
# A private home for the run: the app's recent list, sample workspace, logs and the webview's
# storage never touch (or depend on) the user's own.
XDG_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/rapport-e2e-home.XXXXXX")
export XDG_DATA_HOME=$XDG_ROOT/data XDG_CONFIG_HOME=$XDG_ROOT/config XDG_STATE_HOME=$XDG_ROOT/state XDG_CACHE_HOME=$XDG_ROOT/cache
trap 'rm -rf "$XDG_ROOT"' EXIT
xvfb-run -a --server-args="-screen 0 1280x900x24" \
  node --test --test-concurrency=1 tests/e2e/*.test.mjs
