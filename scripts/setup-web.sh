#!/usr/bin/env bash
# Installs what the web app needs to build, serve and test — and nothing twice.
# Idempotent: every step checks first and skips what is already there at the right version.
#
#   rustup target wasm32-unknown-unknown
#   trunk 0.21.14                    cargo install --locked trunk@0.21.14      (~15 min, once)
#   wasm-bindgen-cli = Cargo.lock's wasm-bindgen version (also wasm-bindgen-test-runner)
#                                    cargo install wasm-bindgen-cli@<version>   (~5 min, once)
#   binaryen 132 (wasm-opt), playwright-core, axe-core   npm ci  (package.json / package-lock.json)
#   chromium, chromium-driver, fonts-wqy-zenhei   apt-get (Debian)
#   the crates of Cargo.lock         cargo fetch (trunk builds with --offline)
#
# Only registries are used (crates.io, npm, Debian). trunk never downloads tools: Trunk.toml pins
# the versions installed here and sets offline = true.
#
#   bash scripts/setup-web.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/web-env.sh

TRUNK_VERSION=0.21.14
BINARYEN_MAJOR=132

say() { printf '==> [setup-web] %s\n' "$*"; }
die() { printf '==> [setup-web] 错误 / ERROR: %s\n' "$*" >&2; exit 1; }

# --- versions pinned in the repo -------------------------------------------------------------
# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
WB_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
[ -n "$WB_VERSION" ] || die "no wasm-bindgen package in Cargo.lock (is the \`web\` feature's dependency gone?)"
TRUNK_TOML_WB="$(sed -n 's/^wasm_bindgen *= *"\(.*\)".*/\1/p' Trunk.toml)"
if [ "$TRUNK_TOML_WB" != "$WB_VERSION" ]; then
    die "Trunk.toml pins wasm_bindgen = \"$TRUNK_TOML_WB\" but Cargo.lock has wasm-bindgen $WB_VERSION.
    Set [tools] wasm_bindgen = \"$WB_VERSION\" in Trunk.toml (or pin the crate: cargo update -p wasm-bindgen --precise $TRUNK_TOML_WB)."
fi
TRUNK_TOML_OPT="$(sed -n 's/^wasm_opt *= *"\(.*\)".*/\1/p' Trunk.toml)"
[ "$TRUNK_TOML_OPT" = "version_$BINARYEN_MAJOR" ] \
    || die "Trunk.toml pins wasm_opt = \"$TRUNK_TOML_OPT\", expected \"version_$BINARYEN_MAJOR\" (binaryen $BINARYEN_MAJOR from package.json)"

# --- Rust target ------------------------------------------------------------------------------
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "wasm32-unknown-unknown: 已安装 / installed"
else
    say "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
fi

# --- cargo-installed tools --------------------------------------------------------------------
# Another `cargo install` of the same tool may be running (a second terminal, an earlier run
# in the background): wait for it rather than build the same thing twice.
wait_for_install() {
    local pattern="cargo install.*$1"
    if pgrep -f "$pattern" >/dev/null 2>&1; then
        say "another \`cargo install $1\` is running; waiting for it… / 等待正在进行的安装完成"
        while pgrep -f "$pattern" >/dev/null 2>&1; do sleep 10; done
    fi
}

have_version() { # have_version CMD EXPECTED-OUTPUT-PREFIX
    command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | head -n1 | grep -q "^$2\$"
}

wait_for_install trunk
if have_version trunk "trunk $TRUNK_VERSION"; then
    say "trunk $TRUNK_VERSION: 已安装 / installed"
else
    say "cargo install --locked trunk@$TRUNK_VERSION   (一次约 15 分钟 / about 15 min, once)"
    cargo install --locked "trunk@$TRUNK_VERSION"
    have_version trunk "trunk $TRUNK_VERSION" || die "trunk $TRUNK_VERSION not found on PATH after install"
fi

wait_for_install wasm-bindgen-cli
if have_version wasm-bindgen "wasm-bindgen $WB_VERSION" \
    && have_version wasm-bindgen-test-runner "wasm-bindgen-test-runner $WB_VERSION"; then
    say "wasm-bindgen-cli $WB_VERSION: 已安装 / installed"
else
    # Without --locked, as wasm-bindgen's own instructions install it; the version is exact.
    say "cargo install wasm-bindgen-cli@$WB_VERSION   (一次约 5 分钟 / about 5 min, once)"
    cargo install --force "wasm-bindgen-cli@$WB_VERSION"
    have_version wasm-bindgen "wasm-bindgen $WB_VERSION" || die "wasm-bindgen $WB_VERSION not found on PATH after install"
fi

# --- npm: wasm-opt (binaryen) and playwright-core ---------------------------------------------
command -v node >/dev/null 2>&1 || die "node not found (Node.js 20 or newer is needed for the browser tests)"
node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' \
    || die "Node.js $(node --version) is too old; 20 or newer is needed"
npm_ok() {
    [ -x node_modules/.bin/wasm-opt ] \
        && node_modules/.bin/wasm-opt --version | grep -q "^wasm-opt version $BINARYEN_MAJOR " \
        && node -e '
            const want = require("./package.json").devDependencies;
            for (const [name, version] of Object.entries(want)) {
                const got = require(`./node_modules/${name}/package.json`).version;
                if (got !== version) process.exit(1);
            }' 2>/dev/null
}
if npm_ok; then
    say "npm: binaryen $BINARYEN_MAJOR (wasm-opt), playwright-core, axe-core: 已安装 / installed"
else
    # Never `npx playwright install`: the tests drive Debian's chromium (below).
    say "npm ci   (binaryen $BINARYEN_MAJOR, playwright-core, axe-core; into node_modules/)"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
    npm_ok || die "node_modules does not have the versions package.json pins"
fi

# --- Debian: chromium, chromedriver, CJK font --------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
dpkg -s fonts-wqy-zenhei >/dev/null 2>&1 || missing+=(fonts-wqy-zenhei)
if [ "${#missing[@]}" -eq 0 ]; then
    say "chromium, chromedriver, fonts-wqy-zenhei: 已安装 / installed ($(chromium --version 2>/dev/null | head -n1))"
else
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || die "need root (or sudo) to apt-get install ${missing[*]}"
        sudo=sudo
    fi
    say "apt-get install ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
# chromedriver only drives the chromium of the same version.
cv="$(chromium --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -n1)"
dv="$(chromedriver --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -n1)"
[ "$cv" = "$dv" ] || die "chromium $cv and chromedriver $dv differ; apt-get install --only-upgrade chromium chromium-driver"

# --- crates, so that `trunk build --offline` (cargo --offline) finds them ---------------------
say "cargo fetch"
cargo fetch --quiet

say "OK: trunk $TRUNK_VERSION, wasm-bindgen $WB_VERSION, wasm-opt $BINARYEN_MAJOR, chromium $cv"
