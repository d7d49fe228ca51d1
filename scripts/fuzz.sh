#!/usr/bin/env bash
# Coverage-guided fuzzing (cargo-fuzz, libFuzzer) of every input path: bash scripts/fuzz.sh [SECONDS]
#
# Runs each target of fuzz/ (check, load, pair, docx, pdf, unzip: fuzz/harness.rs) for SECONDS (default 30),
# one after the other, single process, with a 2-second timeout per input and libFuzzer's default
# memory limit (2048 MB). Seeds come from the test files (examples/fuzz_seeds.rs, into
# fuzz/seeds/), the dictionary from fuzz/dict/*.dict; what a run learns stays in fuzz/corpus/.
# libFuzzer first runs all of that corpus, outside SECONDS: as it grows a run takes longer
# (rm -rf fuzz/corpus starts afresh; CI's fresh clone has none).
# Needs a nightly toolchain (`cargo +nightly`); without one it says so and exits 0. Installs
# cargo-fuzz from crates.io when missing (about 1–2 minutes; building the targets the first time
# takes about 4 more).
#
# A failing input lands in fuzz/artifacts/<target>/: minimise it with
#   cargo +nightly fuzz tmin <target> fuzz/artifacts/<target>/<file>
# fix the cause, and keep the input in tests/fuzz_regressions/<target>/ (replayed by cargo test).
set -euo pipefail
cd "$(dirname "$0")/.."

secs="${1:-30}"
if ! cargo +nightly --version >/dev/null 2>&1; then
    echo "fuzz: skipped: no nightly toolchain (cargo +nightly does not work) / 没有 nightly 工具链，跳过模糊测试"
    exit 0
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz: installing cargo-fuzz / 安装 cargo-fuzz"
    cargo install cargo-fuzz --locked
fi

cargo run --quiet --example fuzz_seeds -- fuzz/seeds
cat fuzz/dict/*.dict >fuzz/all.dict
cargo +nightly fuzz build

mkdir -p fuzz/logs
failed=()
for target in check load pair docx pdf unzip; do
    echo "==> fuzz $target: ${secs}s"
    mkdir -p "fuzz/corpus/$target"
    if cargo +nightly fuzz run "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
        -max_total_time="$secs" -timeout=2 -dict=fuzz/all.dict -print_final_stats=1 \
        >"fuzz/logs/$target.log" 2>&1; then
        # The last status line (runs, cov, ft, corpus) and the run's totals.
        grep -E '^#[0-9]+' "fuzz/logs/$target.log" | tail -n 1
        grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|Done )' "fuzz/logs/$target.log" || true
    else
        tail -n 40 "fuzz/logs/$target.log"
        failed+=("$target")
    fi
done

if ((${#failed[@]})); then
    echo "fuzz: FAILED: ${failed[*]} (inputs in fuzz/artifacts/, logs in fuzz/logs/) / 模糊测试发现问题"
    exit 1
fi
echo "fuzz: OK / 模糊测试通过"
