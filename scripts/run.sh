#!/usr/bin/env bash
# THE run command: builds the web app and serves it on http://127.0.0.1:8080 (or the next free port).
#   bash scripts/run.sh            installs what is missing (scripts/setup-web.sh), builds with trunk,
#                                  serves dist/ until Ctrl-C; open the address it prints
#   bash scripts/run.sh FILE...    the command-line demo instead: checks your files (scripts/cli-demo.sh)
#   PORT=9000 bash scripts/run.sh  another port to start from
set -euo pipefail
if [ "$#" -gt 0 ]; then
    exec bash "$(dirname "$0")/cli-demo.sh" "$@"
fi
cd "$(dirname "$0")/.."

echo "==> 准备工具 / setting up the tools (scripts/setup-web.sh)…"
bash scripts/setup-web.sh
. scripts/web-env.sh

echo "==> 编译网页版 / building the web app: trunk build --release --offline"
trunk build --release --offline

echo "==> 网页版在 dist/ / the web app is in dist/ (命令行演示 / CLI demo: bash scripts/cli-demo.sh)"
exec python3 scripts/serve.py dist --port "${PORT:-8080}"
