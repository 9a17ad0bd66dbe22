#!/usr/bin/env bash
# Whether two builds of parallax print the same JSON (all but its timestamp) on the bundled
# samples, the development pairs, make-bench-pair pairs and collations: a speed change must
# change nothing an analyst sees.
#
#   benches/same-output.sh BEFORE_BINARY AFTER_BINARY
#
# For example, build the commit before a change into another work tree (git worktree add) and
# compare its target/release/parallax with this one's. Exits 1 and names each input that
# differs. Needs ../shared (the development pairs and make-bench-pair) for all but the samples.
set -u
before=${1:?usage: same-output.sh BEFORE_BINARY AFTER_BINARY}
after=${2:?usage: same-output.sh BEFORE_BINARY AFTER_BINARY}
root=$(cd "$(dirname "$0")/.." && pwd)
shared="$root/../shared"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
differ=0
checked=0

same() { # same NAME FILE... : runs both binaries on the files and compares their JSON
  local name=$1
  shift
  "$before" compare "$@" --format json --analysis always 2>&1 | grep -v '"generated"' > "$work/before.json"
  "$after" compare "$@" --format json --analysis always 2>&1 | grep -v '"generated"' > "$work/after.json"
  checked=$((checked + 1))
  if ! cmp -s "$work/before.json" "$work/after.json"; then
    echo "differs: $name"
    differ=1
  fi
}

samples=("$root"/samples/*.txt)
for ((i = 0; i + 1 < ${#samples[@]}; i++)); do
  same "samples: $(basename "${samples[i]}") vs $(basename "${samples[i + 1]}")" "${samples[i]}" "${samples[i + 1]}"
done
same "samples: collation of all" "${samples[@]}"
if [ -d "$shared/data/readout-pairs" ]; then
  for pair in "$shared"/data/readout-pairs/[0-9][0-9]-*/; do
    same "readout pair $(basename "$pair")" "$pair/a.txt" "$pair/b.txt"
  done
fi
if [ -x "$shared/tools/make-bench-pair" ]; then
  for kib in 16 64 1024; do
    "$shared/tools/make-bench-pair" --kib "$kib" "$work/p$kib" > /dev/null
    same "make-bench-pair ${kib} KiB" "$work/p$kib/left.txt" "$work/p$kib/right.txt"
  done
  statements=()
  for seed in 1 2 3 4 5 6; do
    "$shared/tools/make-bench-pair" --kib 8 --seed "$seed" "$work/c$seed" > /dev/null
    statements+=("$work/c$seed/right.txt")
  done
  same "collation of 6 x 8 KiB" "${statements[@]}"
fi
echo "$checked inputs compared"
exit $differ
