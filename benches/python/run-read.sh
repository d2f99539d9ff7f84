#!/usr/bin/env bash
# Runs benches/python/read_bench.py (invoice_core.read_file against ofdkit on the same OFD files)
# against the built wheel, in a venv of its own (target/py-read-bench-venv).
#
# Build the wheel first with `bash scripts/test-python.sh` (it leaves it in target/py-dist).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
PYTHON=${PYTHON:-python3}
OFDKIT_VERSION=0.2.0
venv=$root/target/py-read-bench-venv
wheel=$(ls "$root"/target/py-dist/*.whl 2>/dev/null | head -1 || true)
if [ -z "$wheel" ]; then
  echo "no wheel in target/py-dist: run scripts/test-python.sh first" >&2
  exit 1
fi
if [ ! -x "$venv/bin/python" ]; then
  "$PYTHON" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "ofdkit==$OFDKIT_VERSION"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall "$wheel"
"$venv/bin/python" "$root/benches/python/read_bench.py" "$@"
