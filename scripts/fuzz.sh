#!/usr/bin/env bash
# Builds the libFuzzer targets (the fuzz preset: clang with ASan and UBSan) and runs each one for a while on a
# temporary copy of its seed corpus, tests/fuzz/corpus/TARGET, plus the nasty strings of tests/nasty in the
# target's format; the checked-in corpus never grows. Prints runs, exec/s and coverage per target and fails
# when a target crashes or breaks an invariant, naming the file that holds the input.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]     default: 20 seconds, every target
# Reproduce a finding with: build/fuzz/tests/fuzz/TARGET FILE
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

seconds="${1:-20}"
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_csv_import fuzz_event_toml fuzz_text)
case "$seconds" in '' | *[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]" >&2; exit 2 ;; esac

ideen_install "${IDEEN_BUILD_PACKAGES[@]}" "${IDEEN_TEST_PACKAGES[@]}"
ideen_build fuzz

cd "$IDEEN_ROOT"
scratch="$(mktemp -d "${TMPDIR:-/tmp}/ideen-fuzz.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
artifacts="$IDEEN_ROOT/build/fuzz/findings"
mkdir -p "$artifacts"

# Inputs larger than this teach the fuzzer little and slow it down; the unit tests cover 10,000+ characters.
max_len() {
  case "$1" in
    fuzz_csv_import) echo 8192 ;;
    *) echo 4096 ;;
  esac
}

failed=0
summary=()
for target in "${targets[@]}"; do
  binary="build/fuzz/tests/fuzz/$target"
  [ -x "$binary" ] || { echo "no fuzz target $target" >&2; exit 2; }
  corpus="$scratch/$target"
  mkdir -p "$corpus"
  cp tests/fuzz/corpus/"$target"/* "$corpus"/
  case "$target" in
    fuzz_csv_import) python3 tests/nasty/nasty.py csv "$corpus" ;;
    fuzz_event_toml) python3 tests/nasty/nasty.py toml "$corpus" ;;
    fuzz_text) python3 tests/nasty/nasty.py files "$corpus" ;;
  esac
  log="$scratch/$target.log"
  ideen_log "Fuzzing $target for ${seconds}s ($(find "$corpus" -type f | wc -l) seeds)"
  status=0
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$binary" "$corpus" -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/$target-" >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  # A target that fails on its first seed prints no coverage line; that must not end the script (set -e).
  coverage=$(grep -oE '\bcov: [0-9]+ ft: [0-9]+' "$log" | tail -1 || true)
  line="$(printf '%-16s %10s runs %8s exec/s  %s' "$target" "${runs:-?}" "${speed:-?}" "${coverage:-cov: ?}")"
  if [ "$status" != 0 ]; then
    failed=1
    finding=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    line="$line  FAILED (exit $status): ${finding:-see the log}"
    echo "---- $target output (last 60 lines) ----" >&2
    tail -60 "$log" >&2
    cp "$log" "$artifacts/$target.log"
    echo "the whole log is in $artifacts/$target.log; reproduce with: $binary ${finding:-FILE}" >&2
  fi
  summary+=("$line")
done

ideen_log "Fuzzing summary"
printf '%s\n' "${summary[@]}"
exit "$failed"
