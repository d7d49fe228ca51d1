#!/usr/bin/env bash
# The engine without the interface: the core's `check(text)` as a standalone wasm module with
# stable names, for sites that want the checker in their own pages.
#
#   bash scripts/build-engine.sh [DEST]     # default: $TRUNK_STAGING_DIR/engine, else dist/engine
#
# Trunk runs it during every build (a "build" hook in Trunk.toml), so dist/engine/ holds
# nianbao.js (ES module, wasm-bindgen --target web) and nianbao_bg.wasm, and the service
# worker precaches them with the rest. Needs the tools of scripts/setup-web.sh on PATH
# (. scripts/web-env.sh): wasm-bindgen, and wasm-opt from node_modules/.bin.
set -euo pipefail
cd "$(dirname "$0")/.."
dest="${1:-${TRUNK_STAGING_DIR:+$TRUNK_STAGING_DIR/engine}}"
dest="${dest:-dist/engine}"
profile=web-release
cargo rustc --quiet --offline --lib --crate-type cdylib --target wasm32-unknown-unknown \
    --no-default-features --features web --profile "$profile"
mkdir -p "$dest"
wasm-bindgen --target web --no-typescript --out-dir "$dest" --out-name nianbao \
    "target/wasm32-unknown-unknown/$profile/nianbao.wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-reference-types --enable-mutable-globals \
    -o "$dest/nianbao_bg.wasm" "$dest/nianbao_bg.wasm"
echo "build-engine: $dest/nianbao.js, $dest/nianbao_bg.wasm ($(wc -c < "$dest/nianbao_bg.wasm") bytes)"
