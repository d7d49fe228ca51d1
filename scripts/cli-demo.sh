#!/usr/bin/env bash
# The command-line demo: builds the CLI and checks an example report.
#   bash scripts/cli-demo.sh            checks tests/seeds/001_*.txt
#   bash scripts/cli-demo.sh FILE...    checks your own files (plain text, UTF-8)
# (bash scripts/run.sh FILE... does the same; without files run.sh starts the web app.)
set -euo pipefail
here="$PWD"
cd "$(dirname "$0")/.."

echo "==> 编译命令行工具 (release) / building the CLI (release)…"
cargo build --release --bin nianbao

if [ "$#" -gt 0 ]; then
    files=()
    for f in "$@"; do
        # Paths are relative to where the script was started, not to the repo.
        case "$f" in
            /* | -*) files+=("$f") ;;
            *) files+=("$here/$f") ;;
        esac
    done
else
    files=(tests/seeds/001_*.txt)
    echo "==> 检查示例年报（含真实错误） / checking an example report with real mistakes: ${files[*]}"
fi
echo "==> nianbao check ${files[*]}"
echo

status=0
cargo run --release --quiet --bin nianbao -- check "${files[@]}" || status=$?

echo
case "$status" in
    0) echo "==> 退出状态 0：没有发现错误 / exit 0: no errors" ;;
    1) echo "==> 退出状态 1：发现错误（见上） / exit 1: errors found (above)" ;;
    2) echo "==> 退出状态 2：有输入读不了 / exit 2: an input could not be read" ;;
    *) echo "==> 退出状态 $status" ;;
esac
echo "==> 更多用法 / more: cargo run --release -- --help"
# Finding errors in the example is the expected outcome: the demo itself succeeded.
if [ "$status" -ge 2 ]; then exit "$status"; fi
