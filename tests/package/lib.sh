#!/usr/bin/env bash
# Helpers for the package tests: the build tree, the package built from it (package.build), a work folder.
#   bash tests/package/test_X.sh BUILD_DIR SOURCE_DIR
set -uo pipefail
BUILD="$(cd "$1" && pwd)"
SRC="$2"
# The e2e helpers (expectations, Xvfb, cleanup) with the binary of this build tree.
# shellcheck source=../e2e/lib.sh
source "$SRC/tests/e2e/lib.sh" "$BUILD/kiosk/app/ideenkiosk" "$SRC"
# The package tests need to be readable by the unprivileged user the kiosk runs as.
chmod 0755 "$WORK"
SKIP=77

# the_package: the newest ideenkiosk_*.deb that package.build made, in $DEB (exits when there is none).
the_package() {
  DEB="$(ls -t "$BUILD"/package/ideenkiosk_*.deb 2>/dev/null | head -1)"
  if [ -z "$DEB" ]; then
    echo "no package in $BUILD/package: package.build did not run or failed" >&2
    exit 1
  fi
}

# unpack_package: the package's files under $ROOT (a temporary root, as dpkg would place them under /).
unpack_package() {
  the_package
  ROOT="$WORK/root"
  dpkg-deb -x "$DEB" "$ROOT" || { fail "dpkg-deb -x"; finish; exit 1; }
  chmod 0755 "$ROOT"
}

# child_running PID PROGRAM: the id of the process below PID (at any depth) running PROGRAM, if any.
child_running() {
  local child
  for child in $(pgrep -P "$1"); do
    [ "$(readlink "/proc/$child/exe" 2>/dev/null)" = "$2" ] && { echo "$child"; return 0; }
    child_running "$child" "$2" && return 0
  done
  return 1
}
