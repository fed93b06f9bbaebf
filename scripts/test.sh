#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, and runs every test (unit, UI, end-to-end).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

ideen_install "${IDEEN_BUILD_PACKAGES[@]}" "${IDEEN_TEST_PACKAGES[@]}"
ideen_build ci

cd "$IDEEN_ROOT"
# End-to-end tests start their own Xvfb; software OpenGL is all a CI machine has.
export LIBGL_ALWAYS_SOFTWARE=1
ideen_log "Running tests"
ctest --preset ci -j"$(nproc)" "$@"
