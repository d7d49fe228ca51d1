#!/usr/bin/env bash
# The CLI on a batch: N seed-sized reports (the five seeds, copied round-robin into nested
# folders, their agency names made distinct) checked by the release binary, startup
# included, with --jobs J (default: 2, the two cores the target is set for). Prints the
# wall-clock seconds of each run (best of RUNS) for text, csv and csv --pairs.
#
#   scripts/bench-batch.sh [N=1000] [J=2] [RUNS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
J=${2:-2}
RUNS=${3:-3}
cargo build --release --quiet --bin nianbao
BIN=target/release/nianbao
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
seeds=(tests/seeds/*.txt)
for ((i = 0; i < N; i++)); do
  s=${seeds[$((i % ${#seeds[@]}))]}
  sub="$DIR/d$((i / 100))"
  mkdir -p "$sub"
  # A distinct agency a report, so that --pairs has names to compare and no pair to find.
  sed "s/局/局${i}号/" "$s" >"$sub/r$i.txt"
done
echo "$N reports, $(du -sh "$DIR" | cut -f1), --jobs $J, $(nproc) cores"
best() {
  local best=""
  for ((r = 0; r < RUNS; r++)); do
    local t0 t1
    t0=$(date +%s.%N)
    "$BIN" check --jobs "$J" "$@" "$DIR" >/dev/null 2>&1 || true
    t1=$(date +%s.%N)
    local t
    t=$(echo "$t1 - $t0" | bc)
    if [[ -z $best ]] || (($(echo "$t < $best" | bc))); then best=$t; fi
  done
  printf '%-24s %6.2f s\n' "$*" "$best"
}
best --format text
best --format csv
best --format csv --pairs
best --format json
