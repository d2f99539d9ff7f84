#!/usr/bin/env bash
# The Rust suites: fmt, clippy, tests (unit, vectors, proptests, doc), docs, wasm32 build, dependency check.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== rust: fmt, clippy, tests, docs"
rustup component add rustfmt clippy >/dev/null 2>&1 || true
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
# The WASM binding's full module (the workspace run checks the browser module's default features).
cargo clippy -p invoice-core-wasm --features full -- -D warnings
# ... and both WASM modules as they are built (the JSON-text reader exists only on wasm32).
rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || true
cargo clippy -p invoice-core-wasm --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p invoice-core-wasm --target wasm32-unknown-unknown --features full -- -D warnings
cargo clippy -p invoice-core-wasm --target wasm32-unknown-unknown --features files -- -D warnings
cargo clippy -p invoice-core-wasm --target wasm32-unknown-unknown --features full,files -- -D warnings
cargo test --workspace
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps -p invoice-core
echo "== core builds for wasm32 and depends on no binding crate"
rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || true
cargo build -p invoice-core --target wasm32-unknown-unknown
if cargo tree -p invoice-core -e normal --prefix none | grep -E '^invoice-core-(python|node|wasm)'; then
  echo "invoice-core must not depend on a binding crate" >&2; exit 1
fi
echo "rust suites passed"
