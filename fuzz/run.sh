#!/usr/bin/env bash
# Fuzz the core with cargo-fuzz (libFuzzer) for a bounded time.
#
#   fuzz/run.sh [SECONDS] [TARGET...]   SECONDS (default 60) is shared among the targets
#                                       (default: extract extract_bytes fragment)
#   fuzz/run.sh --ci [SECONDS]          for CI: skips with a message, instead of installing,
#                                       when cargo-fuzz is missing; seeds with a tenth of the
#                                       shared pages and keeps no corpus, so it stays bounded
#
# Extra libFuzzer flags can come through QP_FUZZ_ARGS (e.g. QP_FUZZ_ARGS="-jobs=2 -workers=2").
#
# Works on a stable toolchain: cargo-fuzz passes -Zsanitizer and other unstable flags, which
# RUSTC_BOOTSTRAP=1 lets stable rustc accept (no nightly is downloaded).
#
# The corpus grows in $CARGO_TARGET_DIR/fuzz-corpus/<target> (never committed; --ci uses a
# temporary one, so loading it cannot outgrow the time budget). Each run also
# reads, read-only, the committed snippets in fuzz/seeds and, when ../shared/corpus exists, the
# real pages there, copied into a temporary folder first. A crash leaves its input in
# fuzz/artifacts/<target>/ and cargo-fuzz prints the command that replays it; turn it into a
# regression test. Builds use the address sanitizer and debug assertions (cargo-fuzz's default).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
CARGO_FUZZ_VERSION=0.13.2
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
export RUSTC_BOOTSTRAP=1

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

ci=0
if [ "${1:-}" = "--ci" ]; then
  ci=1
  shift
fi
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(extract extract_bytes fragment)
[[ "$seconds" =~ ^[0-9]+$ ]] || {
  echo "fuzz/run.sh: SECONDS must be a whole number, not '$seconds'" >&2
  exit 2
}

if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  if [ $ci -eq 1 ]; then
    echo "fuzz: SKIPPED, cargo-fuzz $CARGO_FUZZ_VERSION is not installed (./build.sh fuzz installs it, in about 2 minutes)"
    exit 0
  fi
  say "cargo install cargo-fuzz $CARGO_FUZZ_VERSION"
  # Not under $CARGO_TARGET_DIR: cargo install builds in its own temporary directory. Unset,
  # not set empty: cargo refuses an empty CARGO_TARGET_DIR.
  env -u CARGO_TARGET_DIR cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --quiet
fi

# Sanitizer builds go to their own folder so they never invalidate the ordinary ones.
fuzz_target_dir="$CARGO_TARGET_DIR/fuzz"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
seeds="$work/seeds"
mkdir "$seeds"
if [ -d ../shared/corpus ]; then
  n=0
  while IFS= read -r -d '' page; do
    n=$((n + 1))
    # Running 600 real pages once takes about 30 s under the sanitizer: too much for CI.
    [ $ci -eq 0 ] || [ $((n % 10)) -eq 0 ] || continue
    cp "$page" "$seeds/page-$n.html"
  done < <(find ../shared/corpus -name '*.html' -not -name expected.html -print0 | sort -z)
  say "seeded with $(find "$seeds" -type f | wc -l) of the $n pages in ../shared/corpus"
else
  say "../shared/corpus is absent: seeding with fuzz/seeds only"
fi

per=$((seconds / ${#targets[@]}))
[ "$per" -ge 1 ] || per=1
status=0
for t in "${targets[@]}"; do
  corpus="$CARGO_TARGET_DIR/fuzz-corpus/$t"
  [ $ci -eq 0 ] || corpus="$work/new-$t"
  mkdir -p "$corpus"
  say "fuzz $t for ${per}s (builds first when needed)"
  # -max_len: real pages are larger, but mutations on 64 KB inputs run many times faster and
  # reach the same code; the hostile-size tests (tests/hostile.rs) cover the big inputs.
  # -timeout: a single input taking 10 s means something is superlinear; report it.
  # -rss_limit_mb: the extractor must stay far below this on any 64 KB input.
  # shellcheck disable=SC2086 # QP_FUZZ_ARGS is a list of flags
  cargo fuzz run --target-dir "$fuzz_target_dir" "$t" "$corpus" fuzz/seeds "$seeds" -- \
    -max_total_time="$per" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -dict=fuzz/html.dict -print_final_stats=1 ${QP_FUZZ_ARGS:-} || status=$?
  [ $status -eq 0 ] || break
done
exit $status
