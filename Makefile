# Rapport — the two commands: `make run` and `make test`. Everything else is a step of those.
SHELL := /bin/bash
export CARGO_TARGET_DIR ?= $(CURDIR)/target
export PATH := $(HOME)/.cargo/bin:$(PATH)
APP_DEBUG := $(CARGO_TARGET_DIR)/debug/rapport-app
# `cargo test` writes the TypeScript bindings here during `make test`, to compare with the
# committed ones (plain `cargo test` writes them into ui/src/bindings, see .cargo/config.toml).
BINDINGS_CHECK := $(CARGO_TARGET_DIR)/bindings-check

.PHONY: package-test dist dist-test run test setup setup-test ui app lint fmt-check clippy ui-check ui-test cargo-test e2e bindings bench clean

## Build and launch the app on your default workspace (~/.local/share/rapport/rapport.db).
run: setup ui
	cargo run --release -p rapport-app

## Every check and test: format, lints, type-check, unit, integration and end-to-end.
test: setup-test ui fmt-check ui-check clippy ui-test cargo-test app e2e package-test

setup:
	@scripts/setup.sh

setup-test:
	@scripts/setup.sh test

ui:
	npm --prefix ui run build --silent

app: ui
	cargo build -p rapport-app

fmt-check:
	cargo fmt --all --check

clippy: ui
	cargo clippy --workspace --all-targets -- -D warnings

ui-check:
	npm --prefix ui run typecheck --silent
	npm --prefix ui run lint --silent

ui-test:
	npm --prefix ui test --silent

cargo-test: ui
	rm -rf $(BINDINGS_CHECK)
	RAPPORT_REQUIRE_EXTERNAL=1 TS_RS_EXPORT_DIR=$(BINDINGS_CHECK) cargo test --workspace
	@diff -r $(BINDINGS_CHECK) ui/src/bindings >/dev/null || { \
	  diff -r $(BINDINGS_CHECK) ui/src/bindings | head -20; \
	  echo "ui/src/bindings is stale: run 'make bindings' and commit the result" >&2; exit 1; }

e2e: app
	APP_BIN=$(APP_DEBUG) scripts/e2e.sh

## Regenerate ui/src/bindings from the Rust types and the IPC contract (commit the result).
bindings:
	rm -rf ui/src/bindings
	cargo test --workspace --quiet

## Release packages (.deb, .rpm) with the Tauri bundler, into $(CARGO_TARGET_DIR)/release/bundle.
dist: setup
	scripts/dist.sh

## The package test on the debug build (part of `make test`): bundle it as a .deb, install it
## with dpkg, start the installed app under Xvfb on a new workspace and find its window.
package-test: app
	scripts/dist.sh debug
	scripts/test-dist.sh debug

## Install the release .deb, start the installed app under Xvfb on a new workspace, find its window.
dist-test: dist
	@scripts/setup.sh dist
	scripts/test-dist.sh release

clean:
	rm -rf ui/dist tests/e2e/screenshots

## Benchmarks (release build): the checker against its 1 s / 100k target, and CSV export of a
## generated 100k-note workspace next to `sqlite3 -csv`, plus import time; then the real app
## (scripts/bench-app.sh): binary size, start-up and memory next to a bare Tauri app, and every
## screen's click-to-painted time on a team-scale workspace next to an empty one.
bench:
	@scripts/setup.sh bench
	cargo bench -p rapport --bench lint
	cargo bench -p rapport --bench csv
	cargo bench -p rapport --bench transcripts
	cargo bench -p rapport --bench scale
	cargo bench -p rapport --bench concurrency
	scripts/bench-app.sh
