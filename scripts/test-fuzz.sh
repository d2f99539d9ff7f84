#!/usr/bin/env bash
# Smoke run of the cargo-fuzz targets (fuzz/): each target for FUZZ_SECONDS (default 5) under
# libFuzzer, seeded from the shared vectors (scripts/fuzz-seeds.py) with its dictionary.
#
# libFuzzer needs a nightly toolchain (cargo-fuzz builds with -Zsanitizer). Where there is none,
# this prints a visible SKIPPED line and exits 0: the same target bodies already ran on stable in
# the Rust suite (invoice-core/tests/fuzz_smoke.rs, seeds + seeded mutations). Nothing here
# installs a nightly toolchain or bends the stable one. A crash fails the run; its input is in
# fuzz/artifacts/<target>/ (see CONTRIBUTING.md, "Fuzzing", for turning it into a vector).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-5}

echo "== fuzz: cargo-fuzz smoke run (${seconds} s per target)"
if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "== fuzz: SKIPPED: no nightly toolchain here (cargo-fuzz needs one); the target bodies ran on stable in invoice-core/tests/fuzz_smoke.rs"
  exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  if ! cargo +nightly install cargo-fuzz --locked >/dev/null 2>&1; then
    echo "== fuzz: SKIPPED: cargo-fuzz could not be installed; the target bodies ran on stable in invoice-core/tests/fuzz_smoke.rs"
    exit 0
  fi
fi
python3 scripts/fuzz-seeds.py
dict_of() {
  case $1 in
    words_read|words_write) echo words ;;
    money) echo money ;;
    ids) echo ids ;;
    codes) echo codes ;;
    qr) echo qr ;;
    read) echo read ;;
    *) echo json ;;
  esac
}
for target in $(cargo +nightly fuzz list); do
  echo "== fuzz: $target"
  cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -dict="fuzz/dict/$(dict_of "$target").dict" -print_final_stats=1
done
echo "fuzz smoke run passed"
