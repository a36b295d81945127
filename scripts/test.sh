#!/usr/bin/env bash
# Runs every test: formatting, lints (native and wasm32), engine and CLI
# tests, then builds the page and drives it in headless Chromium.
# Installs what is missing first (see setup.sh). CI runs exactly this.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup.sh
source "$ROOT/scripts/setup.sh"
setup_test
setup_python
cd "$ROOT"

step() {
    local name="$1"
    shift
    say "── $name"
    local t0=$SECONDS
    "$@"
    say "   $name: ok in $((SECONDS - t0)) s"
}

step "format" cargo fmt --all --check
step "clippy (native: engine, CLI, tools, app)" cargo clippy --locked --workspace --all-targets -- -D warnings
step "clippy (web app, wasm32)" cargo clippy --locked -p pactlens-app --target wasm32-unknown-unknown --all-targets -- -D warnings
step "engine and CLI tests" cargo test --locked --workspace
step "fuzz: libFuzzer targets, 15 s each (fuzz/README.md)" "$ROOT/scripts/fuzz.sh" 15
retrain_check() {
    local out data=(--ner-dir "$PACTLENS_SHARED/data/ner" --dev "$PACTLENS_SHARED/data/dev/dev.jsonl")
    out="$(mktemp -d)"
    cargo run --quiet --locked --release -p pactlens-train -- train "${data[@]}" --out "$out/tagger.bin" >/dev/null 2>&1
    cargo run --quiet --locked --release -p pactlens-train -- names "${data[@]}" --out "$out/names.tsv" >/dev/null 2>&1
    local f status=0
    for f in tagger.bin names.tsv; do
        if ! cmp -s "$out/$f" "crates/engine/data/$f"; then
            say "training does not reproduce crates/engine/data/$f (sha256 $(sha256sum <"$out/$f" | cut -c1-16) vs $(sha256sum <"crates/engine/data/$f" | cut -c1-16))"
            status=1
        fi
    done
    rm -rf "$out"
    return $status
}
export PACTLENS_SHARED="${PACTLENS_SHARED:-$ROOT/../shared}"
step "tagger and name model: retraining reproduces the shipped models bit for bit" retrain_check
step "engine in headless Chromium (wasm-bindgen-test)" env CHROMEDRIVER=/usr/bin/chromedriver \
    cargo test --locked --release -p pactlens-engine --target wasm32-unknown-unknown --test browser
step "build the page (trunk build --release)" trunk build --release
step "page size (gzipped wasm + JS within 1.5 MB)" "$ROOT/scripts/size.sh"

# Python and Spark (crates/python, examples/spark; scripts/test-python.sh).
step "Python: fmt and clippy -D warnings (crates/python)" "$ROOT/scripts/test-python.sh" lint
step "Python: build the wheel (maturin) and the CLI, install the wheel in a fresh venv" "$ROOT/scripts/test-python.sh" wheel
step "Python: pytest (API, CLI parity, bad input, GIL, spaCy)" "$ROOT/scripts/test-python.sh" api
step "Spark: the archive job with spark-submit in local[2], against the CLI" "$ROOT/scripts/test-python.sh" spark

# End-to-end: serve the page with the README's serve command on a spare port
# and drive it in real headless Chromium.
# A port nothing answers on, so a server the developer left running is
# never mistaken for the one under test.
PORT="${PACTLENS_E2E_PORT:-}"
if [ -z "$PORT" ]; then
    for candidate in $(seq 18080 18180); do
        if ! curl -s -o /dev/null "http://127.0.0.1:$candidate/"; then
            PORT=$candidate
            break
        fi
    done
fi
LOG="$(mktemp)"
PACTLENS_PORT="$PORT" "$ROOT/scripts/serve.sh" >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
# Ready when the built page (with its pinned CSP) is served, not just a socket.
ready() { curl -fsS "http://127.0.0.1:$PORT/" 2>/dev/null | grep -q "'sha256-"; }
for _ in $(seq 1 600); do
    ready && break
    kill -0 $SERVER 2>/dev/null || { cat "$LOG"; say "the serve command exited"; exit 1; }
    sleep 0.5
done
ready || { cat "$LOG"; say "the page was not served"; exit 1; }
export PACTLENS_URL="http://127.0.0.1:$PORT/"
step "end-to-end tests in headless Chromium" node --test --test-concurrency=1 e2e/
