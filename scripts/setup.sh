#!/usr/bin/env bash
# Installs what pactlens needs to build and test, skipping what is already
# there. Sourced by serve.sh and test.sh; safe to run on its own.
#
#   scripts/setup.sh          tools to build and serve the page
#   scripts/setup.sh --test   also Chromium, ChromeDriver and Node for the tests
#   scripts/setup.sh --python the Python test tools (venv) and Java for Spark
#
# Tools built with cargo go to $PACTLENS_TOOLS (default ~/.cache/pactlens-tools),
# which is checked first, so a second run installs nothing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PACTLENS_TOOLS="${PACTLENS_TOOLS:-$HOME/.cache/pactlens-tools}"
export PATH="$PACTLENS_TOOLS/bin:$HOME/.cargo/bin:$PATH"
TRUNK_VERSION="0.21.14"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

# The wasm-bindgen version the app is locked to; the CLI must match it exactly.
wasm_bindgen_version() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

cargo_install() { # crate version
    say "installing $1 $2 with cargo into $PACTLENS_TOOLS (first time only, a few minutes)"
    cargo install --quiet --locked --root "$PACTLENS_TOOLS" "$1@$2" ||
        cargo install --quiet --root "$PACTLENS_TOOLS" "$1@$2"
}

apt_install() {
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    say "installing Debian packages: $*"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

setup_build() {
    command -v cargo >/dev/null || { say "cargo not found: install Rust with rustup first"; exit 1; }
    if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
        say "adding the wasm32-unknown-unknown target"
        rustup target add wasm32-unknown-unknown
    fi
    if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
        cargo_install trunk "$TRUNK_VERSION"
    fi
    local wb
    wb="$(wasm_bindgen_version)"
    [ -n "$wb" ] || { say "no wasm-bindgen in Cargo.lock"; exit 1; }
    if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wb" ]; then
        cargo_install wasm-bindgen-cli "$wb"
    fi
    # Trunk runs cargo with --offline (Trunk.toml), so fetch the crates first.
    (cd "$ROOT" && cargo fetch --locked --quiet)
    # Trunk finds tools on PATH and, with offline = true in Trunk.toml,
    # never downloads one itself.
    export TRUNK_TOOLS_WASM_BINDGEN="$wb"
}

setup_test() {
    local pkgs=()
    command -v chromium >/dev/null || pkgs+=(chromium)
    command -v chromedriver >/dev/null || pkgs+=(chromium-driver)
    command -v curl >/dev/null || pkgs+=(curl)
    command -v node >/dev/null || pkgs+=(nodejs)
    command -v npm >/dev/null || pkgs+=(npm)
    if [ ${#pkgs[@]} -gt 0 ]; then apt_install "${pkgs[@]}"; fi
    if [ ! -d "$ROOT/e2e/node_modules/playwright-core" ]; then
        say "installing the e2e test driver (playwright-core, no browser download)"
        (cd "$ROOT/e2e" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
    fi
}

# Python and Spark (crates/python): a venv with the pinned test tools of
# crates/python/requirements-test.txt (maturin, pytest, spaCy, PySpark,
# pyarrow, pandas) from PyPI, and Java for Spark. The venv is reused while
# the requirements file is unchanged (a stamp holds its hash), so a second
# run installs nothing.
PACTLENS_VENV="${PACTLENS_VENV:-$PACTLENS_TOOLS/venv}"
setup_python() {
    local pkgs=()
    command -v python3 >/dev/null || pkgs+=(python3)
    if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then pkgs+=(python3-venv); fi
    local java_major=""
    if command -v java >/dev/null; then
        java_major="$(java -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print v[1]; exit }')"
    fi
    # Spark 4 runs on Java 17 or later.
    if [ -z "$java_major" ] || [ "$java_major" -lt 17 ] 2>/dev/null; then pkgs+=(openjdk-17-jre-headless); fi
    if [ ${#pkgs[@]} -gt 0 ]; then apt_install "${pkgs[@]}"; fi
    local req="$ROOT/crates/python/requirements-test.txt"
    local want
    want="$(sha256sum <"$req" | cut -c1-64) $(python3 --version 2>&1)"
    if [ "$(cat "$PACTLENS_VENV/.pactlens-stamp" 2>/dev/null)" != "$want" ]; then
        say "installing the Python test tools into $PACTLENS_VENV (first time only, about 2 minutes)"
        rm -rf "$PACTLENS_VENV"
        python3 -m venv "$PACTLENS_VENV"
        "$PACTLENS_VENV/bin/pip" install --quiet --disable-pip-version-check --no-input -r "$req"
        printf '%s\n' "$want" >"$PACTLENS_VENV/.pactlens-stamp"
    fi
}

setup_build
if [ "${1:-}" = "--test" ]; then setup_test; fi
if [ "${1:-}" = "--python" ]; then setup_python; fi
