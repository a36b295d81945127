#!/usr/bin/env bash
# Builds the page and serves it at http://127.0.0.1:${PACTLENS_PORT:-8080}
# (installing the build tools first if they are missing).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup.sh
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
PORT="${PACTLENS_PORT:-8080}"
say "building and serving pactlens at http://127.0.0.1:$PORT/ (Ctrl+C stops)"
exec trunk serve --release --port "$PORT" "$@"
