#!/usr/bin/env bash
# The web app's PDF module: the PDF reader alone (src/pdf_api.rs, feature `pdf-module`), loaded
# by the app's worker only when a PDF is dropped or picked. With the feature `en`: its refusals
# (a scan, a password…) in English too (`read_pdf_in`), for the app in English.
#
#   bash scripts/build-pdf-module.sh [DEST]     # default: $TRUNK_STAGING_DIR/pdf, else dist/pdf
#
# Trunk runs it during every build (a "build" hook in Trunk.toml): dist/pdf/ holds
# nianbao_pdf.js (ES module, wasm-bindgen --target web) and nianbao_pdf_bg.wasm, which the
# service worker precaches with the rest. Needs the tools of scripts/setup-web.sh on PATH
# (. scripts/web-env.sh): wasm-bindgen, and wasm-opt from node_modules/.bin.
set -euo pipefail
cd "$(dirname "$0")/.."
dest="${1:-${TRUNK_STAGING_DIR:+$TRUNK_STAGING_DIR/pdf}}"
dest="${dest:-dist/pdf}"
profile=web-release
# Its own target directory: the same crate with other features would otherwise rebuild the
# app's artefacts on every build, and the two builds would take turns invalidating each other.
target=target/pdf-module
cargo rustc --quiet --offline --lib --crate-type cdylib --target wasm32-unknown-unknown \
    --no-default-features --features pdf-module,en --profile "$profile" --target-dir "$target"
mkdir -p "$dest"
wasm-bindgen --target web --no-typescript --out-dir "$dest" --out-name nianbao_pdf \
    "$target/wasm32-unknown-unknown/$profile/nianbao.wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-reference-types --enable-mutable-globals \
    -o "$dest/nianbao_pdf_bg.wasm" "$dest/nianbao_pdf_bg.wasm"
echo "build-pdf-module: $dest/nianbao_pdf.js, $dest/nianbao_pdf_bg.wasm ($(wc -c < "$dest/nianbao_pdf_bg.wasm") bytes)"
