#!/usr/bin/env bash
# package.build: scripts/package.sh builds the package from this build tree (the fixture of the package tests).
source "$(dirname "$0")/lib.sh"
IDEEN_PACKAGE_BUILD="$BUILD" "$SRC/scripts/package.sh" >"$WORK/package.out" 2>"$WORK/package.log"
code=$?
[ "$code" = 0 ] && pass || fail "scripts/package.sh exit $code: $(tail -20 "$WORK/package.log")"
the_package
version="$(sed -n 's/^project(ideenkiosk VERSION \([0-9.]*\).*/\1/p' "$SRC/CMakeLists.txt")"
arch="$(dpkg --print-architecture)"
[ "$(basename "$DEB")" = "ideenkiosk_${version}_${arch}.deb" ] && pass || fail "package name $(basename "$DEB")"
[ "$(tail -1 "$WORK/package.out")" = "$DEB" ] && pass || fail "package.sh prints the package path: $(cat "$WORK/package.out")"
finish
