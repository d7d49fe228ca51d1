# Sourced by the web scripts (setup-web.sh, run.sh, test.sh): puts the pinned tools on PATH.
#   cargo-installed trunk, wasm-bindgen, wasm-bindgen-test-runner  -> ~/.cargo/bin
#   npm-installed wasm-opt (binaryen 132)                          -> node_modules/.bin
# Usage (from the repo root or anywhere): . scripts/web-env.sh
_nianbao_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$_nianbao_root/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# trunk: never download a tool, never ask the network for a newer trunk.
export TRUNK_SKIP_VERSION_CHECK=true
unset _nianbao_root
