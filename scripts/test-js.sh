#!/usr/bin/env bash
# The JS suites: the napi addon and the WASM build (in Node and in headless Chromium) against the
# shared vector corpus, junk inputs and each other. Installs what it needs on a fresh machine
# (Debian 12, Node 20, npm, Rust, apt as root): the wasm32 target, wasm-bindgen-cli at the
# version in Cargo.lock, npm packages (npm ci), Chromium. Ends with node's test summary.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false

echo "== js: tools"
rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || true
wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ -z "$wb_version" ]; then
  echo "wasm-bindgen is not in Cargo.lock" >&2; exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wb_version" ]; then
  # Not --locked: its lockfile pins a crate version the registry does not serve (toolchain.md).
  cargo install wasm-bindgen-cli --version "$wb_version" --no-default-features
fi
wasm-bindgen --version
for dir in bindings-node bindings-wasm js-tests; do
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
done
# A CJK font so that the web example's screenshot (test-output/) shows Chinese, not boxes.
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && apt-get install -y -qq --no-install-recommends fonts-wqy-microhei >/dev/null) || true
  fi
fi
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    sudo apt-get update -qq && sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
  fi
fi

echo "== js: the shared JS layer's copies and declarations (bindings-js/js -> both packages)"
node scripts/gen-js.mjs --check

echo "== js: napi addon (release) and its committed index.d.ts / index.js"
(cd bindings-node && npx napi build --platform --release --target x86_64-unknown-linux-gnu)
if ! git diff --exit-code -- bindings-node/index.d.ts bindings-node/index.js; then
  echo "bindings-node/index.d.ts or index.js changed on rebuild: commit the regenerated files" >&2
  exit 1
fi
if git ls-files --error-unmatch bindings-node/index.d.ts >/dev/null 2>&1; then :; else
  echo "bindings-node/index.d.ts is not committed" >&2; exit 1
fi

echo "== js: tsc --strict over the declared types"
(cd bindings-node && npx tsc -p tsconfig.json)
(cd bindings-wasm && npx tsc -p tsconfig.json)

echo "== js: wasm (cargo --profile wasm, wasm-bindgen web + nodejs, wasm-opt, size budgets)"
bash bindings-wasm/build.sh

echo "== js: examples/node"
for example in examples/node/*.mjs; do
  [ -e "$example" ] || continue
  node "$example"
done

echo "== js: node --test (addon, wasm in node, parity, differential against nzh, wasm in headless chromium)"
cd "$root"
exec node --test --test-reporter=tap --test-concurrency=1 \
  js-tests/addon.test.mjs js-tests/wasm-node.test.mjs js-tests/parity.test.mjs js-tests/differential.test.mjs \
  js-tests/browser.test.mjs
