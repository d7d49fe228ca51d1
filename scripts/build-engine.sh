#!/usr/bin/env bash
# The engine without the interface: the core's `check(text)` as a standalone wasm module with
# stable names, for sites that want the checker in their own pages. It carries the English
# prose (feature `en`): the web app's worker imports it when a check is asked for in English
# (`checked_in`, `pair_checked_in`), so the app's own module stays Chinese only and small.
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
# Its own target directory: with other features than the app's build, it would otherwise
# rebuild the app's artefacts on every build, and the two would take turns invalidating each other.
target=target/engine
cargo rustc --quiet --offline --lib --crate-type cdylib --target wasm32-unknown-unknown \
    --no-default-features --features engine,en --profile "$profile" --target-dir "$target"
mkdir -p "$dest"
wasm-bindgen --target web --no-typescript --out-dir "$dest" --out-name nianbao \
    "$target/wasm32-unknown-unknown/$profile/nianbao.wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-reference-types --enable-mutable-globals \
    -o "$dest/nianbao_bg.wasm" "$dest/nianbao_bg.wasm"
echo "build-engine: $dest/nianbao.js, $dest/nianbao_bg.wasm ($(wc -c < "$dest/nianbao_bg.wasm") bytes)"
