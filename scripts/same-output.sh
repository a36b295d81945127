#!/usr/bin/env bash
# Checks that a refactoring changed no output: annotates the dev articles,
# the Wikinews articles and every NER corpus's dev split with the CLI built
# from the working tree and with a reference CLI (built from an earlier
# commit), and compares the JSON Lines byte for byte. With a reference
# pactlens-train too, it also compares the learned parts alone
# (--learned-only) and the name decisions after the rules (--name-decisions).
#
#   scripts/same-output.sh REFERENCE_PACTLENS [REFERENCE_PACTLENS_TRAIN]
#
# Prints one line per file (same, or the number of documents that differ)
# and exits non-zero when any file differs.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="${PACTLENS_SHARED:-$ROOT/../shared}"
REF="${1:?usage: scripts/same-output.sh REFERENCE_PACTLENS [REFERENCE_PACTLENS_TRAIN]}"
REF_TRAIN="${2:-}"
cd "$ROOT"
cargo build --quiet --locked --release -p pactlens -p pactlens-train
NEW="$ROOT/target/release/pactlens"
NEW_TRAIN="$ROOT/target/release/pactlens-train"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

status=0
compare() {
    if cmp -s "$OUT/$1.ref" "$OUT/$1.new"; then
        echo "same      $1"
    else
        differ="$(diff "$OUT/$1.ref" "$OUT/$1.new" | grep -c '^>' || true)"
        echo "DIFFERENT $1 ($differ documents)"
        status=1
    fi
}
for input in "$SHARED"/data/dev/dev.jsonl "$SHARED"/data/wikinews/dev.jsonl "$SHARED"/data/ner/*/dev.jsonl; do
    name="$(basename "$(dirname "$input")")"
    "$REF" annotate --jsonl "$input" >"$OUT/$name.ref"
    "$NEW" annotate --jsonl "$input" >"$OUT/$name.new"
    compare "$name"
    if [ -n "$REF_TRAIN" ]; then
        for mode in learned-only name-decisions; do
            "$REF_TRAIN" annotate "--$mode" "$input" >"$OUT/$name.$mode.ref"
            "$NEW_TRAIN" annotate "--$mode" "$input" >"$OUT/$name.$mode.new"
            compare "$name.$mode"
        done
    fi
done
exit $status
