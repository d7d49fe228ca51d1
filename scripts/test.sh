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

step "OK / 全部通过"
