#!/usr/bin/env bash
# Scores the engine with ../shared/tools/score.py on text its learned parts
# did not see. The gold articles are the dev set (tech news, BBC, Reuters),
# which the shipped tagger and name model train on, and the Wikinews set,
# which no model trains on (see `pactlens-train train --help`, --dev).
#   1. dev articles, K-fold cross-validated: for each fold, a tagger and a
#      name-decision model trained without the fold annotate it;
#   2. leave one source out: the same, with tech / BBC / Reuters / Wikinews
#      in turn as the held-out articles;
#   3. the learned parts alone (tagger, lexicon and name decisions, no hand
#      rules), cross-validated and per source;
#   4. each NER corpus's dev.jsonl, with the shipped models.
# The hand rules were written while reading the dev articles, so only the
# learned parts are held out; Wikinews is the source the rules saw least.
# Usage: scripts/eval.sh [K]   (default 5 folds)
#        PACTLENS_EVAL_OUT=DIR keeps every system output for error analysis.
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
WIKI="$SHARED/data/wikinews/dev.jsonl"
NER="$SHARED/data/ner"

# Groups of held-out articles: cv0..cvK-1 (dev articles whose position in id
# order is k modulo K) and one per source. Each group gets NAME.jsonl (gold)
# and NAME.ids.
python3 - "$DEV" "$WIKI" "$K" "$WORK" <<'PY'
import json, sys
dev, wiki, k, work = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
load = lambda p: sorted((json.loads(l) for l in open(p, encoding="utf-8") if l.strip()), key=lambda d: d["id"])
dev_docs, wiki_docs = load(dev), load(wiki)
def source(d):
    i = d["id"]
    if i.startswith("wikinews-"): return "wikinews"
    if i.startswith("bbc-"): return "bbc"
    if i.startswith("reuters"): return "reuters"
    return "tech"
groups = {f"cv{f}": [d for i, d in enumerate(dev_docs) if i % k == f] for f in range(k)}
for s in ["tech", "bbc", "reuters", "wikinews"]:
    groups[s] = [d for d in dev_docs + wiki_docs if source(d) == s]
for name, docs in groups.items():
    with open(f"{work}/{name}.jsonl", "w", encoding="utf-8") as out:
        for d in docs:
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
    with open(f"{work}/{name}.ids", "w") as out:
        out.write(",".join(d["id"] for d in docs))
PY

# Trains both models without a group and annotates the group with them, with
# and without the hand rules.
held_out() {
    local g="$1"
    local ids
    ids="$(cat "$WORK/$g.ids")"
    "$BIN/pactlens-train" train --ner-dir "$NER" --dev "$DEV" \
        --exclude-dev-ids "$ids" --out "$WORK/$g.bin" >/dev/null 2>&1
    "$BIN/pactlens-train" names --ner-dir "$NER" --dev "$DEV" \
        --exclude-dev-ids "$ids" --out "$WORK/$g.tsv" >/dev/null 2>&1
    "$BIN/pactlens-train" annotate "$WORK/$g.jsonl" --model "$WORK/$g.bin" --names "$WORK/$g.tsv" >"$WORK/$g.out.jsonl"
    "$BIN/pactlens-train" annotate "$WORK/$g.jsonl" --model "$WORK/$g.bin" --names "$WORK/$g.tsv" \
        --learned-only >"$WORK/$g.learned.jsonl"
    "$BIN/pactlens-train" annotate "$WORK/$g.jsonl" --model "$WORK/$g.bin" --names "$WORK/$g.tsv" \
        --name-decisions >"$WORK/$g.names.jsonl"
}
groups=()
for f in $(seq 0 $((K - 1))); do groups+=("cv$f"); done
groups+=(tech bbc reuters wikinews)
# Two groups at a time (each trains on one core).
for g in "${groups[@]}"; do
    held_out "$g" &
    while [ "$(jobs -rp | wc -l)" -ge 2 ]; do wait -n; done
done
wait
cat "$WORK"/cv*.out.jsonl >"$WORK/cv.out.jsonl"
cat "$WORK"/cv*.learned.jsonl >"$WORK/cv.learned.jsonl"
cat "$WORK"/cv*.names.jsonl >"$WORK/cv.names.jsonl"
if [ -n "${PACTLENS_EVAL_OUT:-}" ]; then
    mkdir -p "$PACTLENS_EVAL_OUT"
    cp "$WORK"/*.jsonl "$PACTLENS_EVAL_OUT/"
fi

score() { python3 "$SHARED/tools/score.py" "$@"; }
echo "== dev articles, $K-fold cross-validated (models trained without each fold)"
score "$DEV" "$WORK/cv.out.jsonl"
for s in tech bbc reuters wikinews; do
    echo "== leave one source out: $s (models trained without it)"
    score "$WORK/$s.jsonl" "$WORK/$s.out.jsonl"
done
echo "== learned parts alone (tagger, lexicon, name decisions; no hand rules), $K-fold cross-validated"
score "$DEV" "$WORK/cv.learned.jsonl" | sed -n '1,4p'
for s in tech bbc reuters wikinews; do
    echo "== learned parts alone, leave one source out: $s"
    score "$WORK/$s.jsonl" "$WORK/$s.learned.jsonl" | sed -n '1,4p'
done
echo "== the name decisions applied after the rules too (not shipped), COMPANY and PRODUCT F1"
for g in cv tech bbc reuters wikinews; do
    gold="$WORK/$g.jsonl"
    [ "$g" = cv ] && gold="$DEV"
    printf '%-9s shipped:        %s\n' "$g" "$(score "$gold" "$WORK/$g.out.jsonl" | awk '/^(COMPANY|PRODUCT)/ { printf "%s %s  ", $1, $4 }')"
    printf '%-9s with decisions: %s\n' "$g" "$(score "$gold" "$WORK/$g.names.jsonl" | awk '/^(COMPANY|PRODUCT)/ { printf "%s %s  ", $1, $4 }')"
done
for corpus in "$NER"/*/; do
    name="$(basename "$corpus")"
    [ -f "$corpus/dev.jsonl" ] || continue
    "$BIN/pactlens" annotate --jsonl "$corpus/dev.jsonl" >"$WORK/$name.jsonl" 2>/dev/null || true
    echo "== $name dev.jsonl (shipped models)"
    score "$corpus/dev.jsonl" "$WORK/$name.jsonl" | sed -n '1,4p'
done
