#!/usr/bin/env bash
# Runs benches/python/bench.py against the built wheel, next to python-stdnum and cn2an, in a
# venv of its own (target/py-bench-venv; the test venv never gets these packages).
#
# Build the wheel first with `bash scripts/test-python.sh` (it leaves it in target/py-dist).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
PYTHON=${PYTHON:-python3}
STDNUM_VERSION=2.2
CN2AN_VERSION=0.5.24
venv=$root/target/py-bench-venv
wheel=$(ls "$root"/target/py-dist/*.whl 2>/dev/null | head -1 || true)
if [ -z "$wheel" ]; then
  echo "no wheel in target/py-dist: run scripts/test-python.sh first" >&2
  exit 1
fi
if [ ! -x "$venv/bin/python" ]; then
  "$PYTHON" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
  "python-stdnum==$STDNUM_VERSION" "cn2an==$CN2AN_VERSION"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall "$wheel"
"$venv/bin/python" "$root/benches/python/bench.py" "$@"
