#!/usr/bin/env bash
# Scores the engine with ../shared/tools/score.py:
#   1. on the dev articles, cross-validated: K tagger models, each trained
#      without one fold of the articles, annotate that fold (the shipped model
#      has seen every dev article, so its own dev score is not a measure);
#   2. on each NER corpus's dev.jsonl, with the shipped model.
# Usage: scripts/eval.sh [K]   (default 5 folds)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="${PACTLENS_SHARED:-$ROOT/../shared}"
K="${1:-5}"
cd "$ROOT"
cargo build --quiet --release --locked -p pactlens -p pactlens-train
BIN="$ROOT/target/release"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
DEV="$SHARED/data/dev/dev.jsonl"

# Fold k holds the articles whose position in id order is k modulo K.
python3 - "$DEV" "$K" "$WORK" <<'PY'
import json, sys
dev, k, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
docs = sorted((json.loads(l) for l in open(dev, encoding="utf-8") if l.strip()), key=lambda d: d["id"])
for f in range(k):
    fold = [d for i, d in enumerate(docs) if i % k == f]
    with open(f"{work}/fold{f}.jsonl", "w", encoding="utf-8") as out:
        for d in fold:
            out.write(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n")
    with open(f"{work}/fold{f}.ids", "w") as out:
        out.write(",".join(d["id"] for d in fold))
PY
: >"$WORK/cv.jsonl"
for f in $(seq 0 $((K - 1))); do
    "$BIN/pactlens-train" train --ner-dir "$SHARED/data/ner" --dev "$DEV" \
        --exclude-dev-ids "$(cat "$WORK/fold$f.ids")" --out "$WORK/model$f.bin" >/dev/null 2>&1
    "$BIN/pactlens" annotate --jsonl "$WORK/fold$f.jsonl" --model "$WORK/model$f.bin" >>"$WORK/cv.jsonl"
done
# Keep the cross-validated output for error analysis when asked to.
if [ -n "${PACTLENS_EVAL_OUT:-}" ]; then cp "$WORK/cv.jsonl" "$PACTLENS_EVAL_OUT"; fi
echo "== dev articles, $K-fold cross-validated (tagger retrained without each fold)"
python3 "$SHARED/tools/score.py" "$DEV" "$WORK/cv.jsonl"
for corpus in "$SHARED"/data/ner/*/; do
    name="$(basename "$corpus")"
    [ -f "$corpus/dev.jsonl" ] || continue
    "$BIN/pactlens" annotate --jsonl "$corpus/dev.jsonl" >"$WORK/$name.jsonl" 2>/dev/null || true
    echo "== $name dev.jsonl (shipped model)"
    python3 "$SHARED/tools/score.py" "$corpus/dev.jsonl" "$WORK/$name.jsonl" | sed -n '1,4p'
done
