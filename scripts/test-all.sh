#!/usr/bin/env bash
# Runs every test suite of the project (Rust, Python, Node, WASM in Node and in headless
# Chromium), installing what each needs first. This is the README's test command and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
for suite in rust python engines js fuzz; do
  script="scripts/test-$suite.sh"
  if [ -f "$script" ]; then
    echo "==== $suite suites"
    bash "$script"
  fi
done
echo "==== all suites passed in $((SECONDS - start)) s"
