#!/usr/bin/env bash
# The columnar API and the engine recipes (issue 14): the built wheel with pyarrow, Polars, DuckDB
# and PySpark (local[2]) in a virtualenv of their own, running bindings-python/tests-engines.
#
# Run after scripts/test-python.sh, which builds the wheel into target/py-dist. Installs what it
# needs from PyPI (and Debian's OpenJDK 17 when `java` is missing, as root with apt), keeping the
# engines venv under target/ between runs (its stamp names the pins). The 1M-row benchmarks are
# not run here: see benches/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
PYTHON=${PYTHON:-python3}

# Pins (toolchain.md items 12-14): PySpark warns on pandas >= 3; arrow_udf needs PySpark >= 4.1.
PINS=("pyarrow>=26,<27" "polars>=2.1,<2.2" "duckdb>=2.0,<2.1" "pyspark>=4.3,<4.4" "pandas<3"
  "pytest==9.2.0")
venv=$root/target/engines-venv

wheel=$(ls "$root"/target/py-dist/*.whl 2>/dev/null | head -n 1 || true)
if [ -z "$wheel" ]; then
  echo "no wheel in target/py-dist: run scripts/test-python.sh first" >&2
  exit 1
fi

if ! command -v java >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== engines: installing Debian's OpenJDK 17 (PySpark needs a JVM)"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null
  else
    echo "PySpark needs Java 17: install a JRE (or run as root with apt)" >&2
    exit 1
  fi
fi
java -version 2>&1 | head -n 1

stamp="$("$PYTHON" -c 'import sys; print(sys.implementation.cache_tag)') ${PINS[*]}"
if [ "$(cat "$venv/STAMP" 2>/dev/null)" != "$stamp" ]; then
  echo "== engines: virtualenv with ${PINS[*]}"
  rm -rf "$venv"
  "$PYTHON" -m venv "$venv" 2>/dev/null || { rm -rf "$venv"; "$PYTHON" -m virtualenv --quiet "$venv"; }
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${PINS[@]}"
  echo "$stamp" >"$venv/STAMP"
fi
py=$venv/bin/python
"$py" -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall "$wheel"
"$py" -c 'import pyarrow, polars, duckdb, pyspark; print("pyarrow", pyarrow.__version__, "polars", polars.__version__, "duckdb", duckdb.__version__, "pyspark", pyspark.__version__)'

echo "== engines: pytest (columnar API, DuckDB, Polars, Spark local[2])"
export PYSPARK_PYTHON=$py PYSPARK_DRIVER_PYTHON=$py
set +e
(cd bindings-python && "$py" -m pytest -q -p no:cacheprovider tests-engines)
status=$?
set -e
if [ "$status" = 5 ]; then
  echo "pytest collected no tests: that is a failure here" >&2
  exit 1
elif [ "$status" != 0 ]; then
  echo "engine tests failed (exit $status)" >&2
  exit "$status"
fi
echo "engine suites passed"
