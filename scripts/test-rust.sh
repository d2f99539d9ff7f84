#!/usr/bin/env bash
# The Rust suites: fmt, clippy, tests (unit, vectors, proptests, doc), docs, wasm32 build, dependency check.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== rust: fmt, clippy, tests, docs"
rustup component add rustfmt clippy >/dev/null 2>&1 || true
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
# The core alone without the `arrow` feature (the workspace turns it on for the Python binding),
# and the columnar bench, which needs it.
cargo clippy -p invoice-core --all-targets -- -D warnings
cargo clippy -p invoice-core-benches --features arrow --all-targets -- -D warnings
# The WASM binding's full module (the workspace run checks the browser module's default features).
cargo clippy -p invoice-core-wasm --features full -- -D warnings
# ... and both WASM modules as they are built (the JSON-text reader exists only on wasm32).
rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || true
cargo clippy -p invoice-core-wasm --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p invoice-core-wasm --target wasm32-unknown-unknown --features full -- -D warnings
cargo clippy -p invoice-core-wasm --target wasm32-unknown-unknown --features files -- -D warnings
cargo clippy -p invoice-core-wasm --target wasm32-unknown-unknown --features full,files -- -D warnings
cargo test --workspace
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps -p invoice-core --features arrow
echo "== examples: quickstart, and check on examples/files (findings there on purpose: exit 1)"
cargo run -q --example quickstart >/dev/null
check_out=$(mktemp -d)
trap 'rm -rf "$check_out"' EXIT
set +e
cargo run -q --example check -- examples/files --as-of 2026-12-01 --lang en >"$check_out/files.txt"
rc=$?
set -e
cat "$check_out/files.txt"
if [ "$rc" -ne 1 ]; then
  echo "check on examples/files: exit $rc, expected 1 (error findings by design)" >&2; exit 1
fi
grep -q "digital:25332000000012340001: digital-special-blue-qr.txt, digital-special-blue.ofd, digital-special-blue.xml (figures agree)" "$check_out/files.txt" \
  || { echo "check on examples/files: the blue invoice's three copies are not reported" >&2; exit 1; }
[ "$(grep -c "a copy of digital-special-blue.ofd" "$check_out/files.txt")" -eq 2 ] \
  || { echo "check on examples/files: the two copies do not name the file they copy" >&2; exit 1; }
# A clean folder exits 0 (a PDF beside the invoices is skipped); a damaged OFD makes it 2.
mkdir "$check_out/clean" "$check_out/broken"
cp examples/files/digital-special-blue.xml examples/files/digital-ordinary-red.xml "$check_out/clean/"
printf '%%PDF-1.7\n' >"$check_out/clean/scan.pdf"
cargo run -q --example check -- "$check_out/clean" --as-of 2026-12-01 >/dev/null \
  || { echo "check on a clean folder: expected exit 0" >&2; exit 1; }
cp examples/files/digital-special-blue.xml "$check_out/broken/"
head -c 2000 examples/files/digital-special-blue.ofd >"$check_out/broken/truncated.ofd"
set +e
cargo run -q --example check -- "$check_out/broken" --as-of 2026-12-01 >/dev/null
rc=$?
set -e
[ "$rc" -eq 2 ] || { echo "check with a damaged OFD: exit $rc, expected 2" >&2; exit 1; }
echo "== core builds for wasm32 and depends on no binding crate"
rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || true
cargo build -p invoice-core --target wasm32-unknown-unknown
if cargo tree -p invoice-core -e normal --prefix none | grep -E '^invoice-core-(python|node|wasm)'; then
  echo "invoice-core must not depend on a binding crate" >&2; exit 1
fi
echo "rust suites passed"
