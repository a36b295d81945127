#!/usr/bin/env bash
# Prints the gzipped size of the page's wasm and JS in dist/ and fails when
# their sum is over the budget (1.5 MB, DESIGN.md).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUDGET=$((1536 * 1024))
total=0
for f in "$ROOT"/dist/*.wasm "$ROOT"/dist/*.js; do
    [ -e "$f" ] || { echo "size: no build in dist/ (run trunk build --release)" >&2; exit 1; }
    raw=$(wc -c <"$f")
    gz=$(gzip -9 -c "$f" | wc -c)
    total=$((total + gz))
    printf 'size: %-48s %9d bytes, %8d gzipped\n' "$(basename "$f")" "$raw" "$gz"
done
printf 'size: wasm + JS gzipped: %d bytes (budget %d)\n' "$total" "$BUDGET"
[ "$total" -le "$BUDGET" ] || { echo "size: over budget" >&2; exit 1; }
