#!/usr/bin/env bash
# Fuzzes pactlens-engine's entry points with libFuzzer (fuzz/, see
# fuzz/README.md), on the stable toolchain.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# SECONDS_PER_TARGET defaults to 20; 0 only replays the seed corpus.
# TARGETs default to all: annotate share_link json_import dictionary_import.
#
# Builds the targets in fuzz/target (never the root target/) with
# coverage instrumentation through RUSTFLAGS that stable rustc accepts
# (cargo fuzz needs nightly), optimised with debug assertions and overflow
# checks on. Each target runs on a temporary copy of fuzz/corpus/<target>,
# so the committed corpus is never changed. A crash, timeout or OOM leaves
# its input in fuzz/artifacts/<target>/ and makes the script exit non-zero.
# Needs only cargo (crates from the registry) and a C++ compiler (g++), which
# libfuzzer-sys uses to build libFuzzer.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FUZZ="$ROOT/fuzz"
ALL_TARGETS=(annotate share_link json_import dictionary_import)
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m[fuzz]\033[0m %s\n' "$*" >&2; }
usage() {
    sed -n '5,8s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
    exit 2
}

SECS="${1:-20}"
[ $# -gt 0 ] && shift
[[ "$SECS" =~ ^[0-9]+$ ]] || usage
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=("${ALL_TARGETS[@]}")
for t in "${TARGETS[@]}"; do
    [[ " ${ALL_TARGETS[*]} " == *" $t "* ]] || { say "unknown target '$t' (targets: ${ALL_TARGETS[*]})"; exit 2; }
done

command -v cargo >/dev/null || { say "cargo not found: install Rust with rustup first"; exit 1; }
command -v "${CXX:-c++}" >/dev/null || command -v g++ >/dev/null ||
    { say "no C++ compiler: libfuzzer-sys builds libFuzzer with one (apt-get install g++)"; exit 1; }

HOST="$(rustc -vV | sed -n 's/^host: //p')"
export CARGO_TARGET_DIR="$FUZZ/target"
# Flags that stable rustc accepts: the sanitizer-coverage pass that cargo
# fuzz enables, libFuzzer's counters, PC table and comparison tracing.
# With an explicit --target they reach only the targets' code, not build
# scripts or proc macros (which are not linked with libFuzzer).
FLAGS="--cfg fuzzing -Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4"
FLAGS+=" -Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table"
FLAGS+=" -Cllvm-args=-sanitizer-coverage-trace-compares -Cdebug-assertions -Coverflow-checks"
BIN_ARGS=()
for t in "${TARGETS[@]}"; do BIN_ARGS+=(--bin "$t"); done

T0=$SECONDS
say "building ${TARGETS[*]} (release, debug assertions on) in fuzz/target"
(cd "$FUZZ" && env -u CARGO_ENCODED_RUSTFLAGS -u CARGO_BUILD_RUSTFLAGS RUSTFLAGS="$FLAGS" \
    cargo build --quiet --locked --release --target "$HOST" "${BIN_ARGS[@]}")
say "built in $((SECONDS - T0)) s"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
FAILED=()
printf '%-18s %12s %8s  %s\n' target executions seconds result
for t in "${TARGETS[@]}"; do
    bin="$CARGO_TARGET_DIR/$HOST/release/$t"
    corpus="$WORK/$t"
    artifacts="$FUZZ/artifacts/$t"
    mkdir -p "$artifacts" "$corpus"
    cp -R "$FUZZ/corpus/$t/." "$corpus/"
    if [ "$SECS" = 0 ]; then
        mode=(-runs=0)
    else
        mode=(-max_total_time="$SECS")
    fi
    log="$WORK/$t.log"
    start=$(date +%s.%N)
    status=0
    "$bin" "$corpus" "${mode[@]}" -max_len=8192 -rss_limit_mb=2048 -timeout=30 \
        -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1 || status=$?
    took=$(echo "$start $(date +%s.%N)" | awk '{ printf "%.1f", $2 - $1 }')
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    if [ "$status" = 0 ]; then
        result=ok
    else
        result="FAILED (exit $status)"
        FAILED+=("$t")
    fi
    printf '%-18s %12s %8s  %s\n' "$t" "${execs:-?}" "$took" "$result"
    if [ "$status" != 0 ]; then
        cp "$log" "$artifacts/fuzz.log"
        echo "---- $t (libFuzzer's whole output: fuzz/artifacts/$t/fuzz.log)"
        # The panic message (up to the backtrace), then libFuzzer's verdict.
        said="$(awk '/panicked at/ { p = 1 } p && (/^stack backtrace:/ || /^ +[0-9]+: /) { exit } p' "$log")"
        said+=$'\n'"$(grep -E 'ERROR: libFuzzer|^SUMMARY: ' "$log" || true)"
        said="$(printf '%s' "$said" | sed '/^$/d')"
        if [ -n "$said" ]; then echo "$said"; else tail -20 "$log"; fi
        input=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
        if [ -n "$input" ]; then
            echo "---- the input is $input; replay it with"
            echo "  $bin $input"
            echo "  (built by this script), or minimise it with"
            echo "  $bin -minimize_crash=1 -runs=10000 $input"
        fi
        echo "----"
    fi
done
say "total $((SECONDS - T0)) s"
if [ ${#FAILED[@]} -gt 0 ]; then
    say "crashed: ${FAILED[*]} (inputs in fuzz/artifacts/)"
    exit 1
fi
