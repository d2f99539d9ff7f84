#!/usr/bin/env bash
# Builds the WASM binding: cargo ([profile.wasm]; [profile.wasm-node] for Node) -> wasm-bindgen
# (--target web and nodejs) -> wasm-opt (-Oz for the browser, -O3 for Node; npm binaryen, not
# Debian's). Writes pkg-web*/ and pkg-node/, prints the sizes and fails when a browser module,
# gzipped, exceeds its budget (what a browser user downloads).
# A plain stable build: no nightly flags, the standard library as shipped.
set -euo pipefail
cd "$(dirname "$0")"
# The browser module (default features: identifiers, words, QR, 数电 number padding,
# the model with compute and validate) for --target web in pkg-web/, and
# the full module (--features full: + lifecycle, statistics, find, 查验, check codes, the rule catalogue) for
# --target web in pkg-web-full/ (loaded on demand) and --target nodejs in pkg-node/. Each has a
# gzip budget (issue 13): if the browser module outgrows its budget, move rarely used operations
# to the full module rather than shaving bytes. The file reader (quick-xml, ZIP, inflate: about
# 120 KB gzipped) fits neither, so it has a third module, --features files in pkg-web-files/
# (the browser module's operations + read, readMany, stats), loaded when a page first reads files,
# with the full module's budget. pkg-node/ (--target nodejs) has both features.
budget=${WASM_GZIP_BUDGET:-153600}           # 150 KiB gzipped: the browser module
full_budget=${WASM_FULL_GZIP_BUDGET:-307200} # 300 KiB gzipped: the full module
target_dir=${CARGO_TARGET_DIR:-../target}
raw="$target_dir/wasm32-unknown-unknown/wasm/invoice_core_wasm.wasm"
# The Node module's own profile (Cargo.toml: [profile.wasm-node], built for speed).
raw_node="$target_dir/wasm32-unknown-unknown/wasm-node/invoice_core_wasm.wasm"
wasm_opt=node_modules/.bin/wasm-opt
if [ ! -x "$wasm_opt" ]; then
  echo "npm binaryen is missing: run npm ci in bindings-wasm" >&2; exit 1
fi
# The features rustc enables by default for wasm32-unknown-unknown and wasm-bindgen's output
# uses; wasm-opt must be told, or it rejects (or mis-optimises) the module.
features=(--enable-mutable-globals --enable-nontrapping-float-to-int --enable-bulk-memory
  --enable-sign-ext --enable-reference-types --enable-multivalue)
status=0
# bindgen <target> <out dir> <budget> [<module> <wasm-opt level>]: wasm-bindgen, package.json,
# wasm-opt, sizes, guard.
bindgen() {
  local target=$1 out=$2 limit=$3 module=${4:-$raw} level=${5:--Oz}
  rm -rf "$out"
  wasm-bindgen --target "$target" --out-dir "$out" "$module"
  if [ "$target" = web ]; then
    echo '{"type":"module"}' >"$out/package.json"
  else
    echo '{"type":"commonjs"}' >"$out/package.json"
  fi
  local bg="$out/invoice_core_wasm_bg.wasm"
  local before size gz
  before=$(stat -c %s "$bg")
  "$wasm_opt" "$level" "${features[@]}" "$bg" -o "$bg.opt"
  mv "$bg.opt" "$bg"
  size=$(stat -c %s "$bg")
  gz=$(gzip -9c "$bg" | wc -c)
  echo "wasm size ($out): cargo $(stat -c %s "$module") B, wasm-bindgen $before B, wasm-opt $level $size B, gzip -9 $gz B (gzip budget $limit B)"
  if [ "$limit" -gt 0 ] && [ "$gz" -gt "$limit" ]; then
    echo "wasm size ($out): $gz B gzipped exceeds the budget of $limit B" >&2
    status=1
  fi
}
wasm_build() {
  cargo build -p invoice-core-wasm --target wasm32-unknown-unknown --profile wasm "$@"
}
wasm_build
bindgen web pkg-web "$budget"
wasm_build --features full
bindgen web pkg-web-full "$full_budget"
wasm_build --features files
bindgen web pkg-web-files "$full_budget"
# Node loads everything from disk (no download): both features, built for speed (opt-level 3,
# wasm-opt -O3; Cargo.toml's [profile.wasm-node] says what it buys), the size printed, not budgeted.
cargo build -p invoice-core-wasm --target wasm32-unknown-unknown --profile wasm-node --features full,files
bindgen nodejs pkg-node 0 "$raw_node" -O3
exit $status
