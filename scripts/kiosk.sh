#!/usr/bin/env bash
# Installs what is missing, builds, and starts the kiosk on a demo event. Without a display it runs on a
# virtual one, takes screenshots of the first screens and says where they are.
#   ./scripts/kiosk.sh [extra arguments for `ideenkiosk run`, e.g. --windowed 1280x720 --allow-exit]
# IDEEN_DB=path picks another database (default: the demo database under $XDG_DATA_HOME/ideenkiosk).
# On a display the kiosk is restarted when it crashes or is killed, as the systemd unit does on a venue PC.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$IDEEN_ROOT/scripts/lib/supervise.sh"

ideen_install "${IDEEN_BUILD_PACKAGES[@]}" "${IDEEN_TEST_PACKAGES[@]}"
ideen_build dev
bin="$IDEEN_ROOT/build/dev/kiosk/app/ideenkiosk"

data_home="${XDG_DATA_HOME:-$HOME/.local/share}/ideenkiosk"
db="${IDEEN_DB:-$data_home/demo.db}"
mkdir -p "$(dirname "$db")"
if [ ! -f "$db" ]; then
  ideen_log "Creating the demo event in $db"
  "$bin" --db "$db" demo --ideas 60 --votes 400 >/dev/null
fi

if [ -n "${DISPLAY:-}" ] && xdpyinfo >/dev/null 2>&1; then
  ideen_log "Starting the kiosk on $DISPLAY (database $db)"
  ideen_supervise "$bin" --db "$db" run "$@"
  exit
fi

# No display: a virtual one, a short scripted look at the kiosk, and screenshots to look at.
shots="$IDEEN_ROOT/out/screenshots/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$shots"
ideen_virtual_display 1920x1080
trap 'kill "$IDEEN_XVFB_PID" 2>/dev/null || true' EXIT
export LIBGL_ALWAYS_SOFTWARE=1
ideen_log "No display found; running on the virtual display $DISPLAY"
"$bin" --db "$db" run --allow-exit --screenshot "$shots/current.png" --automation "$shots/automation.json" \
  "$@" >"$shots/kiosk.log" 2>&1 &
kiosk_pid=$!

snap() {  # snap NAME: asks the kiosk for a screenshot and keeps it under NAME
  rm -f "$shots/current.png"
  kill -USR1 "$kiosk_pid"
  for _ in $(seq 1 50); do [ -s "$shots/current.png" ] && break; sleep 0.1; done
  sleep 0.2
  mv "$shots/current.png" "$shots/$1.png" 2>/dev/null || echo "no screenshot for $1" >&2
}

for _ in $(seq 1 100); do [ -s "$shots/automation.json" ] && break; sleep 0.1; done
if ! kill -0 "$kiosk_pid" 2>/dev/null; then
  cat "$shots/kiosk.log" >&2
  echo "The kiosk did not start; its log is above." >&2
  exit 1
fi
sleep 1; snap 1-attract
xdotool mousemove 960 540 click 1; sleep 1; snap 2-start
kill -TERM "$kiosk_pid" 2>/dev/null || true
wait "$kiosk_pid" 2>/dev/null || true
ideen_log "Screenshots of the kiosk are in $shots"
ls "$shots"
