#!/usr/bin/env python3
"""After each trunk build: the Content-Security-Policy and the service worker's file list.

    python3 scripts/pwa-build.py [DIR] [--label TEXT]

Trunk runs this as a post_build hook (Trunk.toml) on its staging directory
($TRUNK_STAGING_DIR), so every build — `trunk build` and `trunk serve` alike — comes out with:

1. index.html carrying a Content-Security-Policy <meta> that allows connections, scripts,
   styles, images and workers from the app's own origin only, plus WebAssembly compilation
   ('wasm-unsafe-eval') and trunk's one inline loader script, by its SHA-256 hash (the hash
   is computed here from the script trunk wrote, so it can never go stale). Nothing else.
2. worker.js, written from www/worker.template.js: the checker's Web Worker, which imports
   trunk's JS glue by its hashed name (found in index.html).
3. sw.js, written from www/sw.template.js: the precache list is exactly the files of this
   build (trunk hashes file names, so the list can never be written by hand) and the version
   is a hash of their contents, so any change gives a new service worker and a new cache.

`--label` mixes a text into the version without changing any file (the update test uses it
to stand for a second deployment). Standard library only; the script can run again on its
own output (it replaces the policy it wrote before).
"""

import argparse
import base64
import hashlib
import json
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
TEMPLATE = os.path.join(ROOT, "www", "sw.template.js")
WORKER_TEMPLATE = os.path.join(ROOT, "www", "worker.template.js")
# Files that are not part of the app the service worker keeps.
SKIP = {"sw.js"}

CSP_MARK = 'http-equiv="Content-Security-Policy"'
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)


def policy(script_hashes):
    scripts = " ".join(f"'sha256-{h}'" for h in script_hashes)
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' 'wasm-unsafe-eval' {scripts}".strip(),
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "manifest-src 'self'",
            "frame-src 'none'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


def add_csp(index_path):
    with open(index_path, encoding="utf-8") as f:
        html = f.read()
    html = re.sub(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    hashes = [
        base64.b64encode(hashlib.sha256(m.group(1).encode("utf-8")).digest()).decode()
        for m in INLINE_SCRIPT.finditer(html)
    ]
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
    # Right after <meta charset>: the policy must come before any script or stylesheet.
    m = re.search(r"<meta charset=[^>]*>", html, re.I)
    if not m:
        sys.exit(f"{index_path}: no <meta charset> to put the policy after")
    html = html[: m.end()] + "\n  " + meta + html[m.end() :]
    # Every URL must be relative, so that the app works under any sub-path.
    for bad in re.findall(r'(?:src|href)="(/[^"]*)"', html):
        sys.exit(f"{index_path}: absolute URL {bad!r} breaks serving under a sub-path")
    with open(index_path, "w", encoding="utf-8") as f:
        f.write(html)
    return len(hashes)


def write_worker(build_dir):
    with open(os.path.join(build_dir, "index.html"), encoding="utf-8") as f:
        html = f.read()
    m = re.search(r"""import init, \* as bindings from '\./([^']+\.js)'""", html)
    if not m:
        sys.exit("pwa-build.py: trunk's loader (import init … from './….js') not found in index.html")
    with open(WORKER_TEMPLATE, encoding="utf-8") as f:
        worker = f.read().replace("__GLUE__", m.group(1))
    with open(os.path.join(build_dir, "worker.js"), "w", encoding="utf-8") as f:
        f.write(worker)
    return m.group(1)


def files_of(build_dir):
    out = []
    for base, dirs, files in os.walk(build_dir):
        dirs.sort()
        for name in sorted(files):
            rel = os.path.relpath(os.path.join(base, name), build_dir).replace(os.sep, "/")
            if rel not in SKIP:
                out.append(rel)
    return out


def write_sw(build_dir, label):
    files = files_of(build_dir)
    h = hashlib.sha256(label.encode("utf-8"))
    for rel in files:
        h.update(rel.encode("utf-8") + b"\0")
        with open(os.path.join(build_dir, rel), "rb") as f:
            h.update(hashlib.sha256(f.read()).digest())
    version = h.hexdigest()[:16]
    with open(TEMPLATE, encoding="utf-8") as f:
        sw = f.read()
    # "./" is the page itself (a navigation to the directory), then every file by name.
    precache = json.dumps(["./"] + files, ensure_ascii=False)
    sw = sw.replace("'__VERSION__'", json.dumps(version)).replace("__PRECACHE__", precache)
    with open(os.path.join(build_dir, "sw.js"), "w", encoding="utf-8") as f:
        f.write(sw)
    return version, len(files)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", nargs="?", default=os.environ.get("TRUNK_STAGING_DIR"))
    ap.add_argument("--label", default="")
    args = ap.parse_args()
    if not args.dir or not os.path.isfile(os.path.join(args.dir, "index.html")):
        sys.exit("pwa-build.py: give the build directory (or run as a trunk post_build hook)")
    n = add_csp(os.path.join(args.dir, "index.html"))
    glue = write_worker(args.dir)
    version, count = write_sw(args.dir, args.label)
    print(f"pwa-build: CSP with {n} inline script hash(es); worker.js on {glue}; sw.js version {version}, {count} files precached")


if __name__ == "__main__":
    main()
