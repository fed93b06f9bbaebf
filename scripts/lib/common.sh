#!/usr/bin/env bash
# Shared by the scripts: the Debian packages we need, installing the missing ones, and building.
set -euo pipefail

IDEEN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# Everything comes from Debian bookworm's archive.
IDEEN_BUILD_PACKAGES=(build-essential cmake pkg-config libimgui-dev libglfw3-dev libgl-dev libsqlite3-dev
  libsqlitecpp-dev doctest-dev libcli11-dev libutf8proc-dev libspdlog-dev libtomlplusplus-dev
  nlohmann-json3-dev libfreetype-dev libstb-dev libsodium-dev fonts-noto-core fonts-font-awesome)
# clang and its runtime (libFuzzer, sanitizers) build the fuzz targets of scripts/fuzz.sh.
IDEEN_TEST_PACKAGES=(xvfb xdotool x11-utils sqlite3 python3 libgl1-mesa-dri clang libclang-rt-14-dev)

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

# Starts a virtual X display when there is none; sets DISPLAY and IDEEN_XVFB_PID.
ideen_virtual_display() {
  # Xvfb picks a free display number itself and writes it to descriptor 3 (no race with other servers starting).
  local n="" file
  file="$(mktemp "${TMPDIR:-/tmp}/ideen-display.XXXXXX")"
  Xvfb -displayfd 3 -screen 0 "${1:-1920x1080}x24" -nolisten tcp 3>"$file" >/dev/null 2>&1 &
  IDEEN_XVFB_PID=$!
  for _ in $(seq 1 100); do
    [ "$(wc -l <"$file")" -ge 1 ] && { n="$(head -1 "$file")"; break; }
    kill -0 "$IDEEN_XVFB_PID" 2>/dev/null || break
    sleep 0.1
  done
  rm -f "$file"
  if [ -n "$n" ] && DISPLAY=":$n" xdpyinfo >/dev/null 2>&1; then
    export DISPLAY=":$n"
    return 0
  fi
  echo "Could not start Xvfb" >&2
  return 1
}
