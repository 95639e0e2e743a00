#!/usr/bin/env bash
# The speed targets of the kernel and the OSTEP front-end, measured by hand;
# results go in bench/RESULTS.md with the machine they ran on.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ts="$root/timeshare"
"$ts" --help >/dev/null   # build first, so no timing includes it

echo "== kernel alone: round robin, CPU-only scripts, no trace"
for q in 1 2; do
  for n in 1000 100000; do
    echo "-- --processes $n --steps 10000000 --policy rr:q=$q"
    "$ts" bench kernel --processes "$n" --steps 10000000 --policy "rr:q=$q" | tail -1
  done
done

echo "== ostep process-run -s 0 -l 1000:50 x N -c -p > /dev/null (wall time, start-up included; best of 5)"
for n in 25 50 100 200; do
  list=$(printf '1000:50,%.0s' $(seq "$n")); list=${list%,}
  best=0
  for _ in 1 2 3 4 5; do
    start=$(date +%s%N)
    "$ts" ostep process-run -s 0 -l "$list" -c -p >/dev/null
    t=$(( $(date +%s%N) - start ))
    (( best == 0 || t < best )) && best=$t
  done
  printf '%d processes: %d ms\n' "$n" $(( best / 1000000 ))
done
