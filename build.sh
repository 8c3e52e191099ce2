#!/usr/bin/env bash
# Quiet Page: build the extension, test everything, or show a demo.
#
#   ./build.sh          build dist/chrome, dist/firefox, their .zip packages and a source archive
#   ./build.sh test     formatting, lints, Rust tests (corpus floors included), the build,
#                       WebAssembly tests, web-ext lint, end-to-end tests in Chromium and Firefox;
#                       ends with "N passed, N failed" and exits non-zero on any failure
#   ./build.sh demo     build, open a sample news page in Chromium with the extension, open the
#                       reading view, and write screenshots and the article to demo/
#   ./build.sh fuzz [SECONDS] [TARGET...]
#                       fuzz the core for SECONDS (default 60) with cargo-fuzz, installed first
#                       (fuzz/run.sh says more); `test` runs it for 60 s when it is installed
#   ./build.sh bench [CORPUS] [--rounds N] [--no-node] [--no-large]
#                       side-by-side benchmarks (bench/: Quiet Page native, bare lol_html,
#                       dom_smoothie, Readability.js on jsdom) over ../shared/corpus; a few
#                       minutes, and not part of `test` (see BENCHMARKS.md)
#   ./build.sh bench browser [CORPUS] [--every N] [--rounds N] [--cold N]
#                       build, then in Chromium time the extension from the trigger to the
#                       article against Readability.js on a clone of the same live DOM
#                       (bench/browser.mjs), over every Nth corpus page (default 10), and
#                       from a stopped worker on every Nth of those (--cold, default 4)
#
# Whatever is missing is installed first (the wasm32 target, wasm-bindgen-cli at Cargo.lock's
# version, npm dev dependencies, and for test/demo Debian's chromium and firefox-esr, and
# geckodriver; for test also Debian's epubcheck). Everything else is incremental: a second run
# with no changes takes seconds.
set -euo pipefail

cd "$(dirname "$0")"
ROOT=$PWD
# The repo's own target/ unless the caller chose another (CI caches ./target).
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

WASM_TARGET=wasm32-unknown-unknown
WASM_PROFILE=wasm
WASM_MANIFEST=wasm/Cargo.toml
# The core's profile (wasm/Cargo.toml) optimises for size, and at opt-level "z" LLVM inlines
# next to nothing (threshold 25): the small helpers of the per-element and per-byte paths
# stayed calls. Measured over every 10th corpus page in Node (bench/wasm-ab.mjs), with SIMD:
# threshold 35 took the extract to 0.75 of its time, 45 to 0.71, 75 (opt-level "s"'s) to
# 0.69, for 10, 17 and 34 KB more gzipped; 45 kept most of the gain with half the extra code,
# which V8 compiles again whenever a stopped worker starts (BENCHMARKS.md). In the seventeenth
# session the module grew past the budget at 45; 40 is 6.9 KB smaller gzipped for 1.5 to 1.8 %
# more time (bench/wasm-ab.mjs, 7 rounds, both orders). SIMD (Chrome 121
# and Firefox 140, the manifest's minimums, have it) lets memchr, which finds every `<` of the
# text, read 16 bytes a step instead of 4: 0.94 of the time, no larger. Both are codegen flags
# for the wasm target only. The path remaps keep the build machine's folders out of the
# module, whose panic messages name source files.
WASM_RUSTFLAGS=(-C llvm-args=-inline-threshold=40 -C target-feature=+simd128
  "--remap-path-prefix=$ROOT=quietpage" "--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=cargo")
GECKODRIVER_VERSION=0.37.1
# Features of the module rustc emits for wasm32-unknown-unknown today; wasm-opt must accept
# them all (Debian's binaryen 108 predates reference types, hence the npm binaryen).
WASM_FEATURES=(--enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue
  --enable-simd)
# --converge repeats -Oz until the module stops shrinking: 270 bytes gzipped at 5c906cb for
# 12 s more of build, and the same extract time in Node (bench/wasm-ab.mjs: 0.995).
# --merge-similar-functions (before -Oz, which does not run it) folds the near-identical
# monomorphised copies into one with the differing constants as parameters: 321 bytes.
# --low-memory-unused lets constants added to an address go into the load's offset; it only
# assumes no access reaches the first 1 KB by wrapping around, which Rust's pointers never do
# (that KB is the far end of the 1 MB stack): 706 bytes. Both 996 at ae3713b, Node 0.976.
WASM_OPT=(--low-memory-unused --merge-similar-functions -Oz --converge)
WORK="$CARGO_TARGET_DIR/quietpage-wasm"
DIST="$ROOT/dist"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() {
  printf 'build.sh: %s\n' "$*" >&2
  exit 1
}

# --- Tools -----------------------------------------------------------------------------------

apt_updated=0
apt_install() {
  command -v apt-get >/dev/null || die "cannot install $* (no apt-get here); install it by hand"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  if [ $apt_updated -eq 0 ]; then
    "${sudo[@]}" apt-get update -qq
    apt_updated=1
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

lock_version() { # the version Cargo.lock pins for a package
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

need_rust() {
  command -v cargo >/dev/null || die "cargo is missing: install Rust with rustup first"
  if ! rustup target list --installed 2>/dev/null | grep -qx "$WASM_TARGET"; then
    say "rustup target add $WASM_TARGET"
    rustup target add "$WASM_TARGET"
  fi
}

# cargo install, with the crate's own lockfile when it can be honoured. The published lockfile
# of a tool can name a dependency version the registry no longer serves (yanked, or a mirror
# behind); then the same pinned tool version is built against fresh compatible dependencies.
cargo_install() { # crate version
  say "cargo install $1 $2"
  cargo install "$1" --version "$2" --locked --quiet ||
    cargo install "$1" --version "$2" --quiet
}

need_wasm_bindgen() {
  local want
  want=$(lock_version wasm-bindgen)
  [ -n "$want" ] || die "Cargo.lock has no wasm-bindgen"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
    # Not under $CARGO_TARGET_DIR: cargo install builds in its own temporary directory. Unset,
    # not set empty: cargo refuses an empty CARGO_TARGET_DIR.
    (unset CARGO_TARGET_DIR && cargo_install wasm-bindgen-cli "$want")
  fi
}

need_node_modules() {
  command -v npm >/dev/null || apt_install nodejs npm
  # npm ci wipes and reinstalls; only do that when the lockfile changed since the last one.
  if ! cmp -s package-lock.json node_modules/.quietpage-lock 2>/dev/null; then
    say "npm ci"
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.quietpage-lock
  fi
}

need_browsers() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
}

# The Rust export tests validate EPUBs with it (and skip, loudly, without it).
need_epubcheck() {
  command -v epubcheck >/dev/null || apt_install epubcheck
}

need_geckodriver() {
  if [ "$(geckodriver --version 2>/dev/null | head -n1 | awk '{print $2}')" != "$GECKODRIVER_VERSION" ]; then
    (unset CARGO_TARGET_DIR && cargo_install geckodriver "$GECKODRIVER_VERSION")
  fi
}

# --- Build -----------------------------------------------------------------------------------

# The core is built from wasm/, a workspace of its own that links the crate's wasm exports with
# a UTF-8-only stand-in for encoding_rs (wasm/Cargo.toml says why); native builds are untouched.
build_wasm() {
  say "RUSTFLAGS=\"${WASM_RUSTFLAGS[*]}\" cargo build --manifest-path $WASM_MANIFEST --lib --profile $WASM_PROFILE --target $WASM_TARGET"
  # Encoded (separated by 0x1f) so that a folder with a space in its name stays one flag;
  # with --target given, cargo passes them to the wasm target only, not to build scripts.
  CARGO_ENCODED_RUSTFLAGS="$(IFS=$'\x1f'; printf '%s' "${WASM_RUSTFLAGS[*]}")" \
    cargo build --manifest-path "$WASM_MANIFEST" --lib --profile "$WASM_PROFILE" --target "$WASM_TARGET" --quiet
  local raw="$CARGO_TARGET_DIR/$WASM_TARGET/$WASM_PROFILE/quietpage_wasm.wasm"
  # wasm-bindgen and wasm-opt take a while; skip them when their inputs have not changed.
  local stamp
  stamp="$(sha256sum "$raw" | cut -d' ' -f1) $(wasm-bindgen --version) $(wasm-opt --version) ${WASM_OPT[*]} ${WASM_FEATURES[*]}"
  if [ -f "$WORK/out/quietpage_bg.wasm" ] && [ "$(cat "$WORK/stamp" 2>/dev/null)" = "$stamp" ]; then
    return
  fi
  rm -rf "$WORK"
  mkdir -p "$WORK/out"
  say "wasm-bindgen --target web"
  wasm-bindgen --target web --no-typescript --experimental-reset-state-function \
    --out-name quietpage --out-dir "$WORK/bindgen" "$raw"
  say "wasm-opt ${WASM_OPT[*]}"
  wasm-opt "${WASM_OPT[@]}" "${WASM_FEATURES[@]}" --strip-debug --strip-producers \
    "$WORK/bindgen/quietpage_bg.wasm" -o "$WORK/out/quietpage_bg.wasm"
  cp "$WORK/bindgen/quietpage.js" "$WORK/out/quietpage.js"
  printf '%s' "$stamp" >"$WORK/stamp"
}

# manifest.json is the one source; each browser gets its dialect of it.
write_manifest() { # browser out-file
  node --input-type=module - "$1" "$2" <<'EOF'
import fs from 'node:fs';
const [browser, out] = process.argv.slice(2);
const m = JSON.parse(fs.readFileSync('manifest.json', 'utf8'));
if (browser === 'firefox') {
  // Firefox runs MV3 backgrounds as (module) event pages, not service workers.
  m.background = { scripts: [m.background.service_worker], type: 'module' };
  delete m.minimum_chrome_version;
  // Firefox always clones messages (structured clone); the key is Chrome's opt-in to the same.
  delete m.message_serialization;
} else {
  delete m.browser_specific_settings;
}
fs.writeFileSync(out, JSON.stringify(m, null, 2) + '\n');
EOF
}

assemble() { # browser
  local dir="$DIST/$1"
  rm -rf "$dir"
  mkdir -p "$dir/core"
  cp -R extension/. "$dir/"
  rm -f "$dir/icons/icon.svg"
  cp "$WORK/out/quietpage.js" "$WORK/out/quietpage_bg.wasm" "$dir/core/"
  write_manifest "$1" "$dir/manifest.json"
  rm -f "$DIST/quietpage-$1.zip"
  (cd "$dir" && zip -q -r -X "$DIST/quietpage-$1.zip" .)
}

build() {
  need_rust
  need_wasm_bindgen
  need_node_modules
  command -v zip >/dev/null || apt_install zip
  build_wasm
  mkdir -p "$DIST"
  assemble chrome
  assemble firefox
  # Add-on review wants the source that built the package: what is committed (HEAD).
  if git rev-parse --git-dir >/dev/null 2>&1; then
    git archive --format=zip --prefix=quietpage-source/ -o "$DIST/quietpage-source.zip" HEAD
    git diff --quiet HEAD -- 2>/dev/null || say "note: uncommitted changes are not in quietpage-source.zip"
  fi
  local gz
  # Measured as the size test measures it (Node's zlib at level 9, which writes about 1 %
  # more than GNU gzip -9 does here), so that this line and the test agree.
  gz=$(node -e "const fs = require('fs'), zlib = require('zlib');
    console.log(zlib.gzipSync(fs.readFileSync(process.argv[1]), { level: 9 }).length)" \
    "$DIST/chrome/core/quietpage_bg.wasm")
  say "built dist/chrome, dist/firefox and their zips; quietpage_bg.wasm: $(wc -c <"$DIST/chrome/core/quietpage_bg.wasm") bytes, $gz gzipped"
  if [ "$gz" -gt $((300 * 1024)) ]; then
    say "warning: the gzipped .wasm is over the 300 KB budget"
  fi
}

# --- Test ------------------------------------------------------------------------------------

passed=0
failed=0
failures=()
LOGS="$CARGO_TARGET_DIR/quietpage-test-logs"

# Runs one step and counts it: a test runner's own counts when it prints them, else one
# pass or one fail for the step.
step() { # name command...
  local name=$1
  shift
  local log
  log="$LOGS/$(echo "$name" | tr -c 'a-zA-Z0-9\n' '-').log"
  say "$name"
  local start=$SECONDS rc=0
  "$@" 2>&1 | tee "$log" || rc=${PIPESTATUS[0]}
  local p f
  p=$(sed -n -e 's/^test result: [a-zA-Z]*\. \([0-9]*\) passed; \([0-9]*\) failed.*/\1/p' -e 's/^# pass \([0-9]*\)$/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
  f=$(sed -n -e 's/^test result: [a-zA-Z]*\. [0-9]* passed; \([0-9]*\) failed.*/\1/p' -e 's/^# fail \([0-9]*\)$/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
  if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
    if [ "$rc" -eq 0 ]; then p=1; else f=1; fi
  elif [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1 # the runner failed outside any test (a build error, a crash)
  fi
  passed=$((passed + p))
  failed=$((failed + f))
  [ "$f" -eq 0 ] || failures+=("$name")
  say "$name: $p passed, $f failed ($((SECONDS - start))s)"
}

run_tests() {
  local t0=$SECONDS
  mkdir -p "$LOGS"
  need_rust
  rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
  step "cargo fmt --check" cargo fmt --all -- --check
  step "cargo fmt --check (wasm/)" cargo fmt --all --manifest-path "$WASM_MANIFEST" -- --check
  step "cargo clippy" cargo clippy --all-targets --quiet -- -D warnings
  step "cargo clippy (wasm32)" cargo clippy --lib --target "$WASM_TARGET" --quiet -- -D warnings
  # Also proves the crate builds against the encoding_rs stand-in.
  step "cargo clippy (wasm/, wasm32)" cargo clippy --manifest-path "$WASM_MANIFEST" --workspace \
    --target "$WASM_TARGET" --quiet -- -D warnings
  step "cargo clippy (encoding_rs stand-in)" cargo clippy --manifest-path "$WASM_MANIFEST" \
    -p encoding_rs --all-targets --quiet -- -D warnings
  need_epubcheck
  step "cargo test" cargo test --quiet
  step "fuzz (60 s)" fuzz/run.sh --ci 60
  step "cargo test (encoding_rs stand-in)" cargo test --manifest-path "$WASM_MANIFEST" -p encoding_rs --quiet
  # A separate process, so that `set -e` holds inside the build (bash ignores it in a
  # function whose status is tested, as step's is).
  step "build" "$0" build
  if [[ ! " ${failures[*]} " =~ " build " ]]; then
    step "node tests (wasm core, view helpers)" node --test tests/e2e/node/*.test.mjs
    step "web-ext lint" web-ext lint --source-dir dist/firefox --no-input --output text
    need_browsers
    need_geckodriver
    step "e2e chromium" env QP_BROWSER=chromium node --test --test-concurrency=1 tests/e2e/*.test.mjs
    step "e2e firefox" env QP_BROWSER=firefox node --test --test-concurrency=1 tests/e2e/*.test.mjs
  else
    failed=$((failed + 1))
    failures+=("skipped: wasm tests, web-ext lint, e2e (no build)")
  fi
  say "./build.sh test took $((SECONDS - t0))s"
  [ ${#failures[@]} -eq 0 ] || printf '  failed: %s\n' "${failures[@]}" >&2
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

# --- Demo ------------------------------------------------------------------------------------

demo() {
  build
  need_browsers
  mkdir -p demo
  node tests/e2e/demo.mjs
}

case "${1:-build}" in
build) build ;;
test) run_tests ;;
demo) demo ;;
fuzz) fuzz/run.sh "${@:2}" ;;
bench)
  if [ "${2:-}" = browser ]; then
    build
    need_browsers
    node bench/browser.mjs "${@:3}"
  else
    need_node_modules
    cargo run --release --manifest-path bench/Cargo.toml -- "${@:2}"
  fi
  ;;
-h | --help | help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" ;;
*) die "unknown command '$1' (build, test, demo, fuzz, bench)" ;;
esac
