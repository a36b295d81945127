#!/usr/bin/env bash
# The whole page under long pastes: builds the app (release), serves dist/
# on a spare local port, and runs bench/app.mjs on the benchmark inputs
# (the ~740-word article, 1 MB and 10 MB of dev-article text). Prints a
# markdown table: paste to marks, longest main-thread task, peak JS heap.
set -euo pipefail
BENCH="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
# shellcheck source=../scripts/setup.sh
source "$ROOT/scripts/setup.sh"
setup_test
DEV="${BENCH_DEV_JSONL:-$ROOT/../shared/data/dev/dev.jsonl}"
cd "$BENCH"
[ -d node_modules/playwright-core ] || PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund >&2
node make_inputs.js "$DEV" out/inputs
(cd "$ROOT" && trunk build --release >&2)
PORT="${BENCH_PORT:-18490}"
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$ROOT/dist" >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
for _ in $(seq 50); do curl -fsS "http://127.0.0.1:$PORT/" >/dev/null 2>&1 && break; sleep 0.2; done
node app.mjs "http://127.0.0.1:$PORT/" out/inputs/article.txt out/inputs/1mb.txt out/inputs/10mb.txt
