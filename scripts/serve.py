#!/usr/bin/env python3
"""Serves a directory (default: dist/) on 127.0.0.1, for the web app built by trunk.

    python3 scripts/serve.py [DIR] [--port 8080]

Binds 127.0.0.1 only, on the given port or the next free one (up to 20 tries), and sends
`.wasm` as application/wasm (needed for WebAssembly.instantiateStreaming) and every file
with Cache-Control: no-store, so a rebuild shows at the next reload. Standard library only.
"""

import argparse
import functools
import http.server
import os
import socketserver
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".css": "text/css",
        ".html": "text/html; charset=utf-8",
        ".json": "application/json",
        ".txt": "text/plain; charset=utf-8",
        ".svg": "image/svg+xml",
        ".png": "image/png",
        ".webmanifest": "application/manifest+json",
    }

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args):  # quiet: errors only
        if len(args) > 1 and str(args[1]).startswith(("4", "5")):
            super().log_message(format, *args)


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    # As http.server does: a restart can take the port again at once (TIME_WAIT), while a port
    # with a live listener still fails to bind (Linux), so that we move on to the next one.
    allow_reuse_address = True


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", nargs="?", default="dist")
    ap.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8080")))
    args = ap.parse_args()
    if not os.path.isfile(os.path.join(args.dir, "index.html")):
        sys.exit(f"{args.dir}/index.html 不存在 / not found: build first (trunk build --release --offline)")

    handler = functools.partial(Handler, directory=args.dir)
    for port in range(args.port, args.port + 20):
        try:
            httpd = Server(("127.0.0.1", port), handler)
            break
        except OSError:
            continue
    else:
        sys.exit(f"端口 {args.port}–{args.port + 19} 都被占用 / ports {args.port}-{args.port + 19} are all in use")

    url = f"http://127.0.0.1:{port}/"
    print(f"==> 网页版已启动，请在浏览器中打开 {url}", flush=True)
    print(f"==> The web app is running: open {url}", flush=True)
    if os.path.isfile(os.path.join(args.dir, "demo-host.html")):
        print(f"==> 挂件演示 / widget demo: {url}demo-host.html", flush=True)
    print("==> 按 Ctrl-C 停止 / press Ctrl-C to stop", flush=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        print("\n==> 已停止 / stopped")


if __name__ == "__main__":
    main()
