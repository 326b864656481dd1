#!/usr/bin/env bash
# The CI fuzz smoke run: every target for FUZZ_SMOKE_SECONDS (default 30) from the seeded
# corpus. A crash, timeout or out-of-memory in any target fails (exit 1). A machine without
# the tools says the run was skipped and why, and does not fail: without nightly it builds
# with stable and RUSTC_BOOTSTRAP=1; if cargo-fuzz cannot be installed or that fallback
# build fails, it skips.
#
# The smoke build uses no sanitizer (`-s none`): the instrumented build would double CI's build
# time. gyre's unchecked register and instruction accesses (`vm::regs`) each carry a
# `debug_assert!`, which cargo-fuzz builds keep, so an out-of-bounds access still fails the
# smoke run. The long runs in RELIABILITY.md use the default address sanitizer.
set -uo pipefail
cd "$(dirname "$0")"
secs="${FUZZ_SMOKE_SECONDS:-30}"
targets=(parse compile exec structured)

toolchain=()
fallback=0
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    toolchain=(+nightly)
else
    echo "fuzz smoke: no nightly toolchain; building with stable and RUSTC_BOOTSTRAP=1"
    export RUSTC_BOOTSTRAP=1
    fallback=1
fi

if ! command -v cargo-fuzz >/dev/null; then
    if ! cargo install cargo-fuzz --locked; then
        echo "fuzz smoke SKIPPED: cargo-fuzz is not installed and could not be installed"
        exit 0
    fi
fi

./seed.sh
# One build for every target (they share the gyre build).
if ! cargo "${toolchain[@]}" fuzz build -s none; then
    if [ "$fallback" = 1 ]; then
        echo "fuzz smoke SKIPPED: the fuzz targets do not build with stable + RUSTC_BOOTSTRAP=1"
        exit 0
    fi
    echo "fuzz smoke FAILED: the fuzz targets do not build"
    exit 1
fi
mkdir -p target

failed=()
for t in "${targets[@]}"; do
    dict=()
    [ "$t" != structured ] && dict=(-dict=python.dict)
    echo "--- fuzz $t for ${secs}s"
    if ! cargo "${toolchain[@]}" fuzz run -s none "$t" "corpus/$t" -- "${dict[@]}" \
        -max_total_time="$secs" -timeout=30 -rss_limit_mb=2048 -detect_leaks=0 -print_final_stats=1 \
        > "target/smoke-$t.log" 2>&1; then
        failed+=("$t")
        tail -n 40 "target/smoke-$t.log"
    fi
    grep -E '^(Done|stat::number_of_executed_units)' "target/smoke-$t.log" || true
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz smoke FAILED: ${failed[*]} (inputs in fuzz/artifacts/; see fuzz/README.md)"
    exit 1
fi
echo "fuzz smoke: no crashes"
