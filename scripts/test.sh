#!/usr/bin/env bash
# THE test command: everything CI checks. Run from anywhere: bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "wasm32 target / 确认 wasm32-unknown-unknown 目标已安装"
rustup target add wasm32-unknown-unknown

step "cargo fmt --check / 格式"
cargo fmt --check

step "cargo clippy --all-targets -- -D warnings / 静态检查"
cargo clippy --all-targets -- -D warnings

step "cargo test / 全部测试"
cargo test

# Coverage-guided fuzzing, 30 s a target (scripts/fuzz.sh; four targets). Needs nightly: skipped
# without it. On a fresh machine installing cargo-fuzz takes ~1.5 min and building the targets
# ~4.5 min, so the step costs ~8 min; ~2.5 min once both are there.
step "scripts/fuzz.sh 30 / 模糊测试（每个目标 30 秒）"
if cargo +nightly --version >/dev/null 2>&1; then
    bash scripts/fuzz.sh 30
else
    echo "skipped: cargo +nightly does not work / 没有 nightly 工具链，跳过"
fi

step "cargo build --lib --target wasm32-unknown-unknown / 核心库能编译为 wasm"
cargo build --lib --target wasm32-unknown-unknown

step "cargo bench --no-run / 基准测试能编译"
cargo bench --no-run

# ---- the web app ----------------------------------------------------------------------------
step "web tools / 网页版工具 (scripts/setup-web.sh: trunk, wasm-bindgen-cli, wasm-opt, chromium)"
bash scripts/setup-web.sh
. scripts/web-env.sh

step "cargo clippy (wasm32, --features engine) -- -D warnings / 网页版静态检查"
cargo clippy --target wasm32-unknown-unknown --features engine --bin nianbao-web --lib --test wasm_api -- -D warnings
# The browser build itself leaves the native HTML tokenizer out (index.html, build-engine.sh).
cargo clippy --target wasm32-unknown-unknown --no-default-features --features web --bin nianbao-web --lib -- -D warnings

step "trunk build --release --offline / 编译网页版到 dist/"
trunk build --release --offline

# The same app with the cargo feature test-panic (words in the text that make the worker or the
# page panic, or a check take ten seconds longer), for tests/e2e/worker.test.mjs. Trunk takes its
# features from the HTML file, so a copy of index.html asks for them. About 1 minute.
step "trunk build (feature test-panic) → dist-test/ / 测试版网页（含崩溃触发词）"
sed 's/data-cargo-features="web"/data-cargo-features="web,test-panic"/' index.html > index.test-panic.html
trap 'rm -f index.test-panic.html' EXIT
trunk build index.test-panic.html --release --offline --dist dist-test
rm -f index.test-panic.html

step "wasm-bindgen-test: tests/wasm_api.rs in headless Chromium / wasm 导出在浏览器中测试"
CHROMEDRIVER="$(command -v chromedriver)" \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}" \
    cargo test --target wasm32-unknown-unknown --features engine --test wasm_api

step "node --test tests/e2e/ / 浏览器端到端测试 (screenshots: tests/output/)"
node --test --test-reporter=tap tests/e2e/

step "OK / 全部通过"
