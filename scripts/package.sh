#!/usr/bin/env bash
# Builds the Debian package build/<preset>/package/ideenkiosk_<version>_<arch>.deb with CPack and prints its path.
#   ./scripts/package.sh            reuses build/ci when it is configured (quick), else configures the ci preset
#   IDEEN_PACKAGE_BUILD=DIR ./scripts/package.sh    package from another configured build tree
# Only the binary, its man page and changelog are built; the tests are not needed for a package.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

ideen_install "${IDEEN_BUILD_PACKAGES[@]}" dpkg-dev python3
build="${IDEEN_PACKAGE_BUILD:-$IDEEN_ROOT/build/ci}"
cd "$IDEEN_ROOT"
if [ ! -f "$build/CMakeCache.txt" ]; then
  ideen_log "Configuring the ci preset"
  cmake --preset ci >/dev/null
  build="$IDEEN_ROOT/build/ci"
fi
build="$(cd "$build" && pwd)"
# The package's dates (man page, changelog) follow the last commit, so the same commit gives the same files.
if [ -z "${SOURCE_DATE_EPOCH:-}" ] && git -C "$IDEEN_ROOT" rev-parse HEAD >/dev/null 2>&1; then
  SOURCE_DATE_EPOCH="$(git -C "$IDEEN_ROOT" log -1 --format=%ct)"
  export SOURCE_DATE_EPOCH
fi
ideen_log "Building the binary and its man page in $build"
log="$build/package-build.log"
if ! cmake --build "$build" -j"$(nproc)" --target ideenkiosk ideenkiosk_manpage ideenkiosk_changelog >"$log" 2>&1; then
  grep -E 'error|Error' -A5 "$log" | head -60 >&2
  echo "Build failed; the whole log is in $log" >&2
  exit 1
fi
ideen_log "Packaging with CPack"
rm -f "$build"/package/ideenkiosk_*.deb
(cd "$build" && cpack -G DEB >"$build/package-cpack.log" 2>&1) || {
  tail -30 "$build/package-cpack.log" >&2
  echo "CPack failed; its log is in $build/package-cpack.log" >&2
  exit 1
}
deb="$(ls "$build"/package/ideenkiosk_*.deb)"
ideen_log "Package: $deb ($(du -k "$deb" | cut -f1) KiB)"
echo "$deb"
