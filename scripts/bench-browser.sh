#!/usr/bin/env bash
# Prints the engine's timings in headless Chromium (first call, the sample
# article, 1 MB of text), for the notes. Not part of the test suite.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup.sh
source "$ROOT/scripts/setup.sh"
setup_test
cd "$ROOT"
CHROMEDRIVER=/usr/bin/chromedriver PACTLENS_BROWSER_TIMINGS=1 \
    cargo test --locked --release -p pactlens-engine --target wasm32-unknown-unknown --test browser -- --nocapture 2>&1 |
    grep -E "browser timings|test result"
