#!/usr/bin/env bash
# Instructions per call of the Python binding (callgrind; the machine's load does not change
# them): validate(dict), validate(Invoice), Invoice.from_dict and validate_many(100 dicts) per
# invoice, each as (N calls - 0 calls) / N. Needs valgrind and the venv run.sh makes (or
# PYTHON=... with invoice_core, python-stdnum and cn2an installed).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
py=${PYTHON:-$root/target/py-bench-venv/bin/python}
n=${N:-1000}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
count() { # which calls -> instructions collected
  valgrind --tool=callgrind --callgrind-out-file="$out/cg" "$py" benches/python/calls.py "$1" "$2" 2>&1 |
    sed -n 's/.*Collected : //p'
}
for which in dict model from_dict many; do
  calls=$n per=1
  if [ "$which" = many ]; then calls=$((n / 50)) per=100; fi
  base=$(count "$which" 0)
  total=$(count "$which" "$calls")
  echo "$which: $(( (total - base) / calls / per )) instructions per invoice"
done
