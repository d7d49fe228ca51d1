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

step "cargo build --lib --target wasm32-unknown-unknown / 核心库能编译为 wasm"
cargo build --lib --target wasm32-unknown-unknown

step "cargo bench --no-run / 基准测试能编译"
cargo bench --no-run

# ---- the web app ----------------------------------------------------------------------------
step "web tools / 网页版工具 (scripts/setup-web.sh: trunk, wasm-bindgen-cli, wasm-opt, chromium)"
bash scripts/setup-web.sh
. scripts/web-env.sh

step "cargo clippy (wasm32, --features web) -- -D warnings / 网页版静态检查"
cargo clippy --target wasm32-unknown-unknown --features web --bin nianbao-web --lib --test wasm_api -- -D warnings
# The browser build itself leaves the native HTML tokenizer out (index.html, build-engine.sh).
cargo clippy --target wasm32-unknown-unknown --no-default-features --features web --bin nianbao-web --lib -- -D warnings

step "trunk build --release --offline / 编译网页版到 dist/"
trunk build --release --offline

step "wasm-bindgen-test: tests/wasm_api.rs in headless Chromium / wasm 导出在浏览器中测试"
CHROMEDRIVER="$(command -v chromedriver)" \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}" \
    cargo test --target wasm32-unknown-unknown --features web --test wasm_api

step "node --test tests/e2e/ / 浏览器端到端测试 (screenshots: tests/output/)"
node --test --test-reporter=tap tests/e2e/

step "OK / 全部通过"
