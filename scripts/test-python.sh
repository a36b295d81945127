#!/usr/bin/env bash
# Tests the Python package (crates/python), its spaCy component and the
# Spark job (examples/spark). scripts/test.sh runs each part as a step;
# run them alone with
#
#   scripts/test-python.sh lint    cargo fmt --check and clippy -D warnings on crates/python
#   scripts/test-python.sh wheel   build the abi3 wheel (maturin) and the CLI (release),
#                                  install the wheel into a fresh venv
#   scripts/test-python.sh api     pytest: the API, CLI parity, bad input, GIL, spaCy
#   scripts/test-python.sh spark   pytest: the Spark job in local[2] against the CLI
#   scripts/test-python.sh all     all four (the default)
#
# The pinned test tools live in a cached venv (setup_python in setup.sh).
# Each `wheel` makes a new venv, $PACTLENS_PY_OUT/venv, holding only the
# wheel; a .pth file puts the cached tools (pytest, spaCy, PySpark) on its
# path. The tests import pactlens from there, never from the source tree.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup.sh
source "$ROOT/scripts/setup.sh"
setup_python
cd "$ROOT"

export PACTLENS_SHARED="${PACTLENS_SHARED:-$ROOT/../shared}"
CRATE="$ROOT/crates/python"
OUT="${PACTLENS_PY_OUT:-$CRATE/target/test}"
FRESH="$OUT/venv"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
export PACTLENS_CLI="${PACTLENS_CLI:-$TARGET/release/pactlens}"

lint() {
    cargo fmt --manifest-path "$CRATE/Cargo.toml" -p pactlens-python --check
    cargo clippy --quiet --locked --manifest-path "$CRATE/Cargo.toml" --all-targets -- -D warnings
}

wheel() {
    rm -rf "$OUT/wheels"
    "$PACTLENS_VENV/bin/maturin" build --quiet --release --locked \
        -m "$CRATE/Cargo.toml" -i "$PACTLENS_VENV/bin/python" -o "$OUT/wheels"
    cargo build --quiet --release --locked -p pactlens
    rm -rf "$FRESH"
    python3 -m venv --without-pip "$FRESH"
    local tools site
    tools="$("$PACTLENS_VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    site="$("$FRESH/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    printf '%s\n' "$tools" >"$site/_pactlens_test_tools.pth"
    "$PACTLENS_VENV/bin/pip" --python "$FRESH/bin/python" install --quiet --disable-pip-version-check \
        --no-deps --no-index "$OUT"/wheels/pactlens-*.whl
    "$FRESH/bin/python" -c 'import pactlens; print("pactlens", pactlens.__version__, "from", pactlens.__file__)'
}

run_pytest() {
    [ -x "$FRESH/bin/python" ] || { say "no wheel installed yet: run scripts/test-python.sh wheel first"; exit 1; }
    (cd "$CRATE" && PYTHONDONTWRITEBYTECODE=1 PYSPARK_PYTHON="$FRESH/bin/python" \
        "$FRESH/bin/python" -m pytest -q -p no:cacheprovider "$@")
}

api() { run_pytest tests --ignore=tests/test_spark.py; }
spark() { run_pytest tests/test_spark.py; }

case "${1:-all}" in
    lint) lint ;;
    wheel) wheel ;;
    api) api ;;
    spark) spark ;;
    all) lint && wheel && api && spark ;;
    *) say "usage: scripts/test-python.sh [lint|wheel|api|spark|all]"; exit 2 ;;
esac
