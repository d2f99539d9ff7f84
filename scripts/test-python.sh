#!/usr/bin/env bash
# The Python suites: build the wheel with maturin, install it into a fresh virtualenv, run
# pytest (the shared vectors and the binding's own tests), check the .pyi stubs against the built
# module with mypy.stubtest, type-check and run examples/python.
#
# Needs only CPython >= 3.9 with pip, and Rust. Installs what it needs under target/ and skips
# that on reruns:
#   target/py-venv       tools venv (maturin), kept
#   target/py-wheels     wheelhouse of the test tools (pytest, mypy), kept
#   target/py-dist       the built wheel, rebuilt every run (cargo makes that incremental)
#   target/py-test-venv  fresh every run: the test tools from the wheelhouse (offline) + the wheel
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

MATURIN_VERSION=1.16.0
PYTEST_VERSION=9.2.0
MYPY_VERSION=2.4.1
# Test-only peers of the differential test (bindings-python/tests/test_differential.py), the
# versions benches/python/run.sh measures against; proces is cn2an's one dependency.
STDNUM_VERSION=2.2
CN2AN_VERSION=0.5.24
PROCES_VERSION=0.1.7
PYTHON=${PYTHON:-python3}

tools=$root/target/py-venv
wheels=$root/target/py-wheels
dist=$root/target/py-dist
testenv=$root/target/py-test-venv

# A virtualenv at $1. Debian's python3 has no venv module without python3-venv: install it when
# we may (root with apt), else fall back to the virtualenv package.
make_venv() {
  rm -rf "$1"
  if "$PYTHON" -m venv "$1" >/dev/null 2>&1; then return 0; fi
  rm -rf "$1"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    pyver=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
    echo "== python: installing python$pyver-venv"
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "python$pyver-venv" >/dev/null
    if "$PYTHON" -m venv "$1"; then return 0; fi
    rm -rf "$1"
  fi
  "$PYTHON" -m virtualenv --version >/dev/null 2>&1 ||
    "$PYTHON" -m pip install --user --quiet --break-system-packages virtualenv ||
    "$PYTHON" -m pip install --user --quiet virtualenv
  "$PYTHON" -m virtualenv --quiet "$1"
}

echo "== python: tools"
if [ "$("$tools/bin/maturin" --version 2>/dev/null)" != "maturin $MATURIN_VERSION" ]; then
  make_venv "$tools"
  "$tools/bin/python" -m pip install --quiet --disable-pip-version-check "maturin==$MATURIN_VERSION"
fi
"$tools/bin/maturin" --version

# The wheelhouse is per interpreter (mypy ships compiled wheels); its stamp names both.
peers="python-stdnum==$STDNUM_VERSION cn2an==$CN2AN_VERSION proces==$PROCES_VERSION"
stamp="$("$tools/bin/python" -c 'import sys; print(sys.implementation.cache_tag)') pytest==$PYTEST_VERSION mypy==$MYPY_VERSION $peers"
if [ "$(cat "$wheels/STAMP" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$wheels"
  "$tools/bin/python" -m pip download --quiet --disable-pip-version-check -d "$wheels" \
    "pytest==$PYTEST_VERSION" "mypy==$MYPY_VERSION" $peers
  echo "$stamp" >"$wheels/STAMP"
fi

echo "== python: build the wheel (maturin build --release)"
rm -rf "$dist"
"$tools/bin/maturin" build --release --quiet -m bindings-python/Cargo.toml --out "$dist" \
  --interpreter "$PYTHON"
wheel=$(ls "$dist"/*.whl)
# The wheel of this interpreter (not the limited API's cp310-abi3: bindings-python/Cargo.toml).
tag=$("$PYTHON" -c 'import sys; print("cp%d%d" % sys.version_info[:2])')
case "$(basename "$wheel")" in
  *-"$tag"-"$tag"-*.whl) echo "built $(basename "$wheel")" ;;
  *) echo "expected one $tag-$tag wheel, got: $wheel" >&2; exit 1 ;;
esac

echo "== python: fresh virtualenv with the wheel"
make_venv "$testenv"
py=$testenv/bin/python
"$py" -m pip install --quiet --disable-pip-version-check --no-index --find-links "$wheels" \
  "pytest==$PYTEST_VERSION" "mypy==$MYPY_VERSION" $peers
"$py" -m pip install --quiet --disable-pip-version-check --no-deps "$wheel"

echo "== python: pytest (shared vectors + binding tests)"
set +e
(cd bindings-python && "$py" -m pytest -q -p no:cacheprovider tests)
status=$?
set -e
if [ "$status" = 5 ]; then
  echo "pytest collected no tests: that is a failure here" >&2
  exit 1
elif [ "$status" != 0 ]; then
  echo "pytest failed (exit $status)" >&2
  exit "$status"
fi

echo "== python: stubtest (.pyi against the built module)"
# Run outside the source tree so the installed package is the one checked. No allowlist needed.
(cd "$root/target" && MYPY_CACHE_DIR="$root/target/py-mypy-cache" "$py" -m mypy.stubtest invoice_core)

if compgen -G "examples/python/*.py" >/dev/null; then
  echo "== python: examples (type-checked against the stubs, then run)"
  "$py" -m mypy --strict --cache-dir "$root/target/py-mypy-cache" examples/python
  for ex in examples/python/*.py; do
    echo "-- $ex"
    (cd "$root/target" && "$py" "$root/$ex")
  done
fi
echo "== python: the portable cp310-abi3 variant compiles (cargo check --features abi3)"
cargo check --quiet -p invoice-core-python --features abi3

echo "python suites passed"
