#!/usr/bin/env bash
# Checks that a refactoring changed no output: annotates the dev articles,
# the Wikinews articles and every NER corpus's dev split with the CLI built
# from the working tree and with a reference CLI (built from an earlier
# commit), and compares the JSON Lines byte for byte.
#
#   scripts/same-output.sh REFERENCE_PACTLENS_BINARY
#
# Prints one line per file (same, or the number of documents that differ)
# and exits non-zero when any file differs.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="${PACTLENS_SHARED:-$ROOT/../shared}"
REF="${1:?usage: scripts/same-output.sh REFERENCE_PACTLENS_BINARY}"
cd "$ROOT"
cargo build --quiet --locked --release -p pactlens
NEW="$ROOT/target/release/pactlens"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

status=0
for input in "$SHARED"/data/dev/dev.jsonl "$SHARED"/data/wikinews/dev.jsonl "$SHARED"/data/ner/*/dev.jsonl; do
    name="$(basename "$(dirname "$input")")"
    "$REF" annotate --jsonl "$input" >"$OUT/$name.ref"
    "$NEW" annotate --jsonl "$input" >"$OUT/$name.new"
    if cmp -s "$OUT/$name.ref" "$OUT/$name.new"; then
        echo "same      $name"
    else
        differ="$(diff <(cat "$OUT/$name.ref") <(cat "$OUT/$name.new") | grep -c '^>' || true)"
        echo "DIFFERENT $name ($differ documents)"
        status=1
    fi
done
exit $status
