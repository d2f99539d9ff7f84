#!/usr/bin/env bash
# Runs benches/python/arrow_bench.py (the columnar benchmarks of issue 14) in the engines venv
# that scripts/test-engines.sh sets up, with python-stdnum added. Run scripts/test-python.sh and
# scripts/test-engines.sh first. Arguments pass through (--rows N, --data FILE, --skip-spark).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
venv=$root/target/engines-venv
if [ ! -x "$venv/bin/python" ]; then
  echo "no engines venv: run scripts/test-engines.sh first" >&2
  exit 1
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "python-stdnum==2.2"
export PYSPARK_PYTHON=$venv/bin/python PYSPARK_DRIVER_PYTHON=$venv/bin/python
"$venv/bin/python" "$root/benches/python/arrow_bench.py" "$@"
