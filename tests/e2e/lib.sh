#!/usr/bin/env bash
# Helpers for end-to-end tests: a temporary folder, expectations on exit codes and stderr, a virtual display.
set -uo pipefail
BIN="$1"
SRC="$2"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ideen-e2e.XXXXXX")"
FAILURES=0
CHECKS=0
XVFB_PID=""
XVFB_PIDS=()
MOUNTS=()     # file systems a fault test mounted under $WORK, unmounted before it is removed
cleanup() {
  local pid i
  for pid in "${XVFB_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do umount -l "${MOUNTS[i]}" 2>/dev/null; done
  rm -rf "$WORK"
}
trap cleanup EXIT
export TZ=Europe/Berlin

fail() { echo "FAIL: $*" >&2; FAILURES=$((FAILURES + 1)); }
pass() { CHECKS=$((CHECKS + 1)); }

# expect_exit CODE DESCRIPTION -- COMMAND…: runs it, checks the exit code and (for errors) one line on stderr.
expect_exit() {
  local want="$1" what="$2"; shift 3
  "$@" >"$WORK/out" 2>"$WORK/err"
  local got=$?
  if [ "$got" != "$want" ]; then
    fail "$what: exit $got, expected $want; stderr: $(head -c 300 "$WORK/err")"
    return
  fi
  if [ "$want" != 0 ] && [ "$(wc -l <"$WORK/err")" != 1 ]; then
    fail "$what: expected one line on stderr, got: $(cat "$WORK/err")"
    return
  fi
  pass
}

# A fingerprint of everything stored, to prove a failed command changed nothing.
db_fingerprint() {
  sqlite3 "$1" "SELECT count(*) FROM ideas; SELECT count(*) FROM votes; SELECT count(*) FROM events;
                SELECT count(*) FROM moderation_log; SELECT group_concat(title, '|') FROM ideas;" | md5sum
}

# start_display: a new Xvfb of 1920×1080, made the current DISPLAY (call twice for two screens).
start_display() {
  local n
  for n in $(seq $((90 + $$ % 40)) 140); do
    [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] && continue
    Xvfb ":$n" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
    XVFB_PID=$!
    XVFB_PIDS+=("$XVFB_PID")
    export DISPLAY=":$n"
    for _ in $(seq 1 50); do xdpyinfo >/dev/null 2>&1 && return 0; sleep 0.1; done
    kill "$XVFB_PID" 2>/dev/null; XVFB_PID=""
  done
  echo "cannot start Xvfb" >&2
  exit 1
}

# png_shows_text FILE W H: a PNG of that size with many distinct colours (anti-aliased text), not a blank frame.
png_shows_text() {
  python3 - "$1" "$2" "$3" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
pos, idat, width, height = 8, b"", 0, 0
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width, height = struct.unpack(">II", body[:8])
    if kind == b"IDAT":
        idat += body
    pos += 12 + length
raw = zlib.decompress(idat)
stride = width * 3 + 1
colours = set()
for y in range(0, height, 4):
    row = raw[y * stride + 1:(y + 1) * stride]
    for x in range(0, width * 3, 12):
        colours.add(row[x:x + 3])
assert (width, height) == (int(sys.argv[2]), int(sys.argv[3])), (width, height)
assert len(colours) > 20, len(colours)
PY
}

finish() {
  echo "$CHECKS passed, $FAILURES failed"
  [ "$FAILURES" -eq 0 ]
}

# [SECTION] Driving the kiosk through its automation file with real X input

# tap ID: clicks the middle of the element with that id (waits up to 3 s for it to appear).
tap() {
  local xy=""
  for _ in $(seq 1 30); do
    xy=$(python3 - "$AUTOMATION" "$1" <<'PY'
import json, sys
try:
    d = json.load(open(sys.argv[1]))
except Exception:
    sys.exit(0)
for e in d["elements"]:
    if e["id"] == sys.argv[2] and e["enabled"]:
        r = e["rect"]
        print(int(r[0] + r[2] / 2), int(r[1] + r[3] / 2))
        break
PY
)
    [ -n "$xy" ] && break
    sleep 0.1
  done
  if [ -z "$xy" ]; then fail "no tappable '$1' on screen $(screen_name)"; return 1; fi
  xdotool mousemove $xy click 1
  sleep "${TAP_PAUSE:-0.15}"
}

screen_name() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['screen'])" "$AUTOMATION" 2>/dev/null; }
automation_value() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$AUTOMATION" "$1"; }

# wait_screen NAME [SECONDS]
wait_screen() {
  for _ in $(seq 1 $(( ${2:-3} * 10 ))); do [ "$(screen_name)" = "$1" ] && { pass; return 0; }; sleep 0.1; done
  fail "expected screen $1, on $(screen_name)"
  return 1
}

# [SECTION] The kiosk under faults (used by the test_fault_* scripts)

# start_kiosk [ARGS…]: `run` on $DB with the automation file $AUTOMATION; sets PID, logs to $WORK/kiosk.log.
start_kiosk() {
  rm -f "$AUTOMATION"
  "$BIN" --db "$DB" run --allow-exit --automation "$AUTOMATION" "$@" >>"$WORK/kiosk.log" 2>&1 &
  PID=$!
}

# draft_to_review TITLE: from the attract screen through the submit wizard to the review, typing TITLE on a
# physical keyboard (the on-screen one is the kill and flow tests' business).
draft_to_review() {
  tap attract && tap choose:submit && tap category:bildung || return 1
  xdotool type --delay 30 "$1"
  sleep 0.3
  tap next && tap next && tap next || return 1
  [ "$(screen_name)" = submit_similar ] && tap next
  wait_screen submit_review
}

# expect_clear_failure PATTERN DESCRIPTION -- COMMAND…: a non-zero exit and one line on stderr matching PATTERN.
expect_clear_failure() {
  local pattern="$1" what="$2"; shift 3
  "$@" >"$WORK/out" 2>"$WORK/err"
  local got=$?
  if [ "$got" = 0 ] || [ "$(wc -l <"$WORK/err")" != 1 ] || ! grep -qiE "$pattern" "$WORK/err"; then
    fail "$what: exit $got, stderr: $(head -c 300 "$WORK/err") (expected one line matching '$pattern')"
    return 1
  fi
  echo "  $what -> exit $got: $(cat "$WORK/err")"
  pass
}

# ideas_titled TITLE: how many ideas have exactly this title.
ideas_titled() { sqlite3 "$DB" "SELECT count(*) FROM ideas WHERE title = '$1'"; }

# can_mount: true when we may mount (root in a container that allows it); tried once, with a tmpfs.
can_mount() {
  [ "$(id -u)" = 0 ] || return 1
  mkdir -p "$WORK/mount-probe"
  mount -t tmpfs -o size=64k tmpfs "$WORK/mount-probe" 2>/dev/null || return 1
  umount "$WORK/mount-probe"
}
