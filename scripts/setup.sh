#!/usr/bin/env bash
# Installs what pactlens needs to build and test, skipping what is already
# there. Sourced by serve.sh and test.sh; safe to run on its own.
#
#   scripts/setup.sh          tools to build and serve the page
#   scripts/setup.sh --test   also Chromium, ChromeDriver and Node for the tests
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

setup_build
if [ "${1:-}" = "--test" ]; then setup_test; fi
