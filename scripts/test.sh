#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, and runs every test (unit, UI, end-to-end); then
# builds again with AddressSanitizer and UndefinedBehaviorSanitizer and runs the unit and command-line tests
# under them (IDEEN_SKIP_SANITIZERS=1 skips that second pass for a quick local run); last, each libFuzzer
# target runs for a short while (scripts/fuzz.sh; IDEEN_SKIP_FUZZ=1 skips it, IDEEN_FUZZ_SECONDS sets the time).
# An end-to-end test without a window runs once: under the sanitizers when that pass runs (label sanitized_too
# in the plain build), else in the plain build; unit tests run in both.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

ideen_install "${IDEEN_BUILD_PACKAGES[@]}" "${IDEEN_TEST_PACKAGES[@]}"
ideen_build ci

cd "$IDEEN_ROOT"
# End-to-end tests start their own Xvfb; software OpenGL is all a CI machine has.
export LIBGL_ALWAYS_SOFTWARE=1
ideen_log "Running tests"
only_once=()
[ "${IDEEN_SKIP_SANITIZERS:-0}" = 1 ] || only_once=(-LE sanitized_too)
ctest --preset ci -j"$(nproc)" "${only_once[@]}" "$@"

if [ "${IDEEN_SKIP_SANITIZERS:-0}" != 1 ]; then
  ideen_build asan
  ideen_log "Running tests under ASan and UBSan"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --preset asan -j"$(nproc)" "$@"
fi

if [ "${IDEEN_SKIP_FUZZ:-0}" != 1 ]; then
  "$IDEEN_ROOT/scripts/fuzz.sh" "${IDEEN_FUZZ_SECONDS:-20}"
fi
