#!/usr/bin/env bash
# Shared by the scripts: the Debian packages we need, installing the missing ones, and building.
set -euo pipefail

IDEEN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=display.sh
source "$IDEEN_ROOT/scripts/lib/display.sh"

# Everything comes from Debian bookworm's archive.
IDEEN_BUILD_PACKAGES=(build-essential cmake ninja-build pkg-config libimgui-dev libglfw3-dev libgl-dev libx11-dev libsqlite3-dev
  libsqlitecpp-dev doctest-dev libcli11-dev libutf8proc-dev libspdlog-dev libtomlplusplus-dev
  nlohmann-json3-dev libfribidi-dev libfreetype-dev libstb-dev libsodium-dev libpq-dev libsystemd-dev fonts-noto-core
  fonts-font-awesome libcairo2-dev libpango1.0-dev libxlsxwriter-dev libcpp-httplib-dev libqrcodegencpp-dev libpng-dev)
# clang and its runtime (libFuzzer, sanitizers) build the fuzz targets of scripts/fuzz.sh; postgresql-15 (with
# its client, psql) is the venue server the sync tests start themselves (no system service is used);
# poppler-utils and LibreOffice (without its GUI) read the results report and the workbook back in tests/e2e.
IDEEN_TEST_PACKAGES=(xvfb xdotool x11-utils sqlite3 python3 libgl1-mesa-dri clang libclang-rt-14-dev
  postgresql-15 postgresql-client-15 poppler-utils libreoffice-calc-nogui zbar-tools curl chromium wrk)
# The Debian package: built with CPack (dpkg-dev for dpkg-shlibdeps), checked with lintian and systemd-analyze,
# and started under cage headless through Xwayland.
IDEEN_TEST_PACKAGES+=(dpkg-dev lintian systemd cage xwayland)
# The organisers' stick in tests/e2e/test_stick.sh: a FAT image made and read back without the kernel's mount
# (ext2 and debugfs where the kernel has no vfat).
IDEEN_TEST_PACKAGES+=(dosfstools mtools e2fsprogs)
# The venue sync's partition test and bench: network namespaces and veth links (ip), figures computed with bc.
IDEEN_TEST_PACKAGES+=(iproute2 bc)

ideen_log() { printf '==> %s\n' "$*" >&2; }

# Installs the packages that are not installed yet; apt-get as root, sudo otherwise, or says what to run.
ideen_install() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local apt=(apt-get)
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      apt=(sudo apt-get)
    else
      echo "Missing Debian packages: ${missing[*]}" >&2
      echo "Install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
  fi
  ideen_log "Installing from Debian's archive: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${apt[@]}" update -qq >/dev/null
  "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Configures (once) and builds one CMake preset; quick when nothing changed.
ideen_build() {
  local preset="$1"
  cd "$IDEEN_ROOT"
  if [ ! -f "build/$preset/CMakeCache.txt" ]; then
    ideen_log "Configuring ($preset)"
    cmake --preset "$preset" >/dev/null
  fi
  ideen_log "Building ($preset)"
  local log="build/$preset/build.log"
  if ! cmake --build --preset "$preset" -j"$(nproc)" >"$log" 2>&1; then
    grep -E 'error|Error' -A5 "$log" | head -80 >&2
    echo "Build failed; the whole log is in $log" >&2
    return 1
  fi
}

# Starts a virtual X display; sets DISPLAY and IDEEN_XVFB_PID.
ideen_virtual_display() {
  ideen_start_xvfb "${1:-1920x1080}" && return 0
  echo "Could not start Xvfb" >&2
  return 1
}
