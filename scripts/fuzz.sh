#!/usr/bin/env bash
# Fuzzes every parser of the engine (fuzz/, cargo-fuzz with libFuzzer on the
# nightly toolchain), one target after the other, each for a bounded time.
# The corpus starts from the repository's fixtures; a crash is minimised and
# copied into fuzz/regressions/<target>/, which `cargo test` replays
# (crates/pacte-rules/tests/corpus.rs). Not part of scripts/test.sh.
#
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]    (default: 240 s, every target)
#   bash scripts/fuzz.sh --runs N [TARGET…]                  (N inputs each, a fixed seed)
#
# The second form is the one scripts/test.sh runs: a bounded number of
# inputs from a fixed seed does the same work on every machine, so a run
# that passes here passes in CI, while each run still tries new inputs
# when the code changes.
#
# Exit status: 0 when no target crashed, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

fresh=""
if [ "${1:-}" = "--runs" ]; then
  bound=(-runs="$2" -seed=1)
  what="$2 runs, seed 1, from the seeds alone"
  # From the fixtures only, not the corpus earlier runs grew here: the same
  # start on every machine.
  fresh="fuzz/target/fresh-corpus"
  shift 2
else
  bound=(-max_total_time="${1:-240}")
  what="${1:-240} s"
  shift || true
fi

if ! rustup toolchain list | grep -q '^nightly'; then
  rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  cargo +nightly install cargo-fuzz --locked || cargo +nightly install cargo-fuzz
fi

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cargo +nightly fuzz list)
fi

echo "== seed corpus from the fixtures: fuzz/corpus/<target>/seed-*"
cargo test -q -p pacte-rules --test corpus -- --ignored write_the_seed_corpus >/dev/null

# No sanitizer: the engine is safe Rust, and a panic (or an overflow, with
# the debug assertions cargo-fuzz turns on) is what a target reports.
cargo +nightly fuzz build -s none

crashed=0
for target in "${targets[@]}"; do
  echo "== $target: $what"
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target" "fuzz/regressions/$target"
  corpus="fuzz/corpus/$target"
  if [ -n "$fresh" ]; then
    corpus="$fresh/$target"
    rm -rf "$corpus" && mkdir -p "$corpus"
    cp fuzz/corpus/"$target"/seed-* "$corpus"/ 2>/dev/null || true
  fi
  # One process (libFuzzer's default; -jobs would fork and log elsewhere).
  # The log's last lines carry the figures: execs, coverage (cov:), corpus size.
  if cargo +nightly fuzz run -s none "$target" "$corpus" -- \
    "${bound[@]}" -print_final_stats=1 \
    2>&1 | tee "fuzz/artifacts/$target/log.txt" | grep -E '^(#[0-9]+ +DONE|Done|stat::|==|thread)'; then
    :
  fi
  for crash in "fuzz/artifacts/$target"/crash-* "fuzz/artifacts/$target"/timeout-* "fuzz/artifacts/$target"/oom-*; do
    [ -e "$crash" ] || continue
    [[ "$crash" == *.min ]] && continue
    [ -e "$crash.min" ] && continue  # kept by an earlier run
    crashed=1
    minimised="$crash.min"
    cargo +nightly fuzz tmin -s none "$target" "$crash" -- -runs=2000 >/dev/null 2>&1 || true
    # tmin writes minimized-from-<hash> next to the crash.
    latest=$(ls -t "fuzz/artifacts/$target"/minimized-from-* 2>/dev/null | head -1 || true)
    if [ -n "$latest" ]; then mv "$latest" "$minimised"; else cp "$crash" "$minimised"; fi
    cp "$minimised" "fuzz/regressions/$target/$(basename "$crash")"
    echo "   kept: fuzz/regressions/$target/$(basename "$crash")"
  done
done
exit "$crashed"
