#!/usr/bin/env bash
# Helpers for end-to-end tests: a temporary folder, expectations on exit codes and stderr, a virtual display.
set -uo pipefail
BIN="$1"
SRC="$2"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ideen-e2e.XXXXXX")"
FAILURES=0
CHECKS=0
# A long test split into shards (tests/CMakeLists.txt: a script with a "# ctest-shards: N" line runs as N CTest
# tests, each with IDEEN_SHARD=K of IDEEN_SHARDS=N): `in_shard I` is true for the items of this shard.
IDEEN_SHARD="${IDEEN_SHARD:-0}"
IDEEN_SHARDS="${IDEEN_SHARDS:-1}"
in_shard() { [ $(($1 % IDEEN_SHARDS)) = "$IDEEN_SHARD" ]; }
# The checks read the kiosks' files while they write: the sqlite3 command line waits for a lock up to 10 s, as the
# product does, instead of failing at once with "database is locked" (which an e2e test once read as an empty count).
sqlite3() { command sqlite3 -cmd ".timeout 10000" "$@"; }
XVFB_PID=""
XVFB_PIDS=()
MOUNTS=()     # file systems a fault test mounted under $WORK, unmounted before it is removed
CHILDREN=()   # kiosks and helpers a fault test started, ended if the test stops early
cleanup() {
  local pid i
  for pid in "${CHILDREN[@]}"; do { kill -KILL "$pid" && wait "$pid"; } 2>/dev/null; done
  for pid in "${XVFB_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do umount -l "${MOUNTS[i]}" 2>/dev/null; done
  # A failed test keeps its logs (the kiosk's log tells what it did), everything else goes.
  if [ "$FAILURES" -gt 0 ] && compgen -G "$WORK/*.log" >/dev/null; then
    mkdir -p "$WORK-logs" && cp "$WORK"/*.log "$WORK-logs/" && echo "logs of the failed test: $WORK-logs" >&2
    # The last automation file and screenshot show what the kiosk drew when the test gave up.
    cp "$WORK"/*.json "$WORK"/*.png "$WORK-logs/" 2>/dev/null
    # CI keeps only the output: the kiosk's last lines go there too.
    compgen -G "$WORK/kiosk*.log" >/dev/null && tail -n 25 "$WORK"/kiosk*.log >&2
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
export TZ=Europe/Berlin
# Every window compares each frame it draws only where it changed with the same frame drawn whole, and logs an
# error when they differ (platform_window.cpp); finish() fails the test on such a line in any log.
export IDEEN_CHECK_DAMAGE="${IDEEN_CHECK_DAMAGE:-1}"

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

# The display start-up the scripts use too (only that file: not their install and build helpers).
# shellcheck source=../../scripts/lib/display.sh
source "$SRC/scripts/lib/display.sh"

# start_display [WxH]: a new Xvfb (1920x1080 unless given), made the current DISPLAY (call twice for two screens).
start_display() {
  local started=0
  ideen_start_xvfb "${1:-1920x1080}" && started=1
  XVFB_PID="$IDEEN_XVFB_PID"
  XVFB_PIDS+=("$XVFB_PID")
  [ "$started" = 1 ] && return 0
  echo "cannot start Xvfb" >&2
  exit 1
}

# kiosk_setup [DEMO ARGS…]: the preamble of the tests that run the kiosk: software OpenGL, a display, $DB and
# $AUTOMATION in the work folder, the example event loaded and, given arguments, `demo ARGS…` data on top.
kiosk_setup() {
  export LIBGL_ALWAYS_SOFTWARE=1
  start_display
  DB="$WORK/kiosk.db"
  AUTOMATION="$WORK/auto.json"
  "$BIN" --db "$DB" event load "$SRC/assets/event.example.toml" >/dev/null
  if [ $# -gt 0 ]; then "$BIN" --db "$DB" demo "$@" >/dev/null; fi
}

# event_with_three_ideas: $DB in the work folder with the example event and three ideas (#1 sprache, #2 begegnung,
# #3 kultur-sport), as the projector tests start.
event_with_three_ideas() {
  DB="$WORK/event.db"
  "$BIN" --db "$DB" event load "$SRC/assets/event.example.toml" >/dev/null
  "$BIN" --db "$DB" idea add --title "Sprachcafé im Glashaus" --category sprache >/dev/null
  "$BIN" --db "$DB" idea add --title "Stadtrundfahrten mit Migranten" --category begegnung >/dev/null
  "$BIN" --db "$DB" idea add --title "Mahalle şenliği im Paschenberg" --category kultur-sport >/dev/null
}

# require_tools TOOL...: skips the whole test (exit 77, which ctest counts as skipped) when one is missing;
# scripts/lib/common.sh installs them all.
require_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (scripts/lib/common.sh installs it)"; exit 77; }
  done
}

# free_port: a TCP port on 127.0.0.1 free a moment ago (bound to port 0 and released; another test may race for it,
# unlikely).
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# decoded_qr PNG: what zbarimg reads from the image's QR code (empty when it finds none).
decoded_qr() {
  zbarimg --quiet --raw "$1" 2>/dev/null | head -1
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
  local differing
  differing="$(grep -l "differs from the same frame drawn whole" "$WORK"/*.log 2>/dev/null | head -3)"
  [ -z "$differing" ] && pass || fail "a frame drawn only where it changed differed from the whole frame: $differing"
  echo "$CHECKS passed, $FAILURES failed"
  [ "$FAILURES" -eq 0 ]
}

# [SECTION] Driving the kiosk through its automation file with real X input

# The automation file is read and driven by kiosk_driver.py only (the kill and monkey tests import it).
DRIVER="$SRC/tests/e2e/kiosk_driver.py"

# tap ID: clicks the middle of the element with that id (waits up to 3 s for it to appear).
tap() {
  if ! python3 "$DRIVER" tap "$AUTOMATION" "$1"; then fail "no tappable '$1' on screen $(screen_name)"; return 1; fi
  sleep "${TAP_PAUSE:-0.15}"
}

screen_name() { python3 "$DRIVER" screen "$AUTOMATION" 2>/dev/null; }
# automation_value EXPRESSION: a value of the automation file `d` (kiosk_driver.py query), e.g. 'd["votes_left"]'.
automation_value() { python3 "$DRIVER" query "$AUTOMATION" "$1"; }

# wait_screen NAME [SECONDS]
wait_screen() {
  python3 "$DRIVER" wait-screen "$AUTOMATION" "$1" "${2:-3}" && { pass; return 0; }
  fail "expected screen $1, on $(screen_name)"
  return 1
}

# vote_reached_ms FILE: milliseconds from the kiosk's first "confirmed vote" log line to FILE's last change (how
# long a projector took to show the committed vote).
vote_reached_ms() {
  python3 - "$WORK/kiosk.log" "$1" <<'PY'
import datetime, os, re, sys
line = next(l for l in open(sys.argv[1]) if "confirmed vote" in l)
stamp = re.match(r"\[([^\]]+)\]", line).group(1)
committed = datetime.datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S.%f").timestamp()
print(int((os.stat(sys.argv[2]).st_mtime - committed) * 1000))
PY
}

# [SECTION] The kiosk under faults (used by the test_fault_* scripts)

KIOSK_AS=()   # a prefix that runs the kiosk as another user (root without mount: file permissions must count)

# start_kiosk [ARGS…]: `run` on $DB with the automation file $AUTOMATION; sets PID, logs to $WORK/kiosk.log.
start_kiosk() {
  rm -f "$AUTOMATION"
  "${KIOSK_AS[@]}" "$BIN" --db "$DB" run --allow-exit --automation "$AUTOMATION" "$@" >>"$WORK/kiosk.log" 2>&1 &
  PID=$!
  CHILDREN+=("$PID")
}

# ended_within PID SECONDS: waits for a child to end and returns its exit code; one that is still running after
# SECONDS is killed and gives 124 (a test whose window missed the tap that ends it must fail, not hang until
# CTest's timeout).
ended_within() {
  local i
  for ((i = 0; i < $2 * 10; i++)); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$1" 2>/dev/null; then kill -KILL "$1"; wait "$1" 2>/dev/null; return 124; fi
  wait "$1"
}

# shoot PID FILE [SECONDS]: asks a window for its screenshot (SIGUSR1) and waits up to SECONDS (10) for FILE, which
# is removed first so an older picture is never taken for the new one.
shoot() {
  local i
  rm -f "$2"
  kill -USR1 "$1"
  for ((i = 0; i < ${3:-10} * 10; i++)); do [ -s "$2" ] && return 0; sleep 0.1; done
  fail "no screenshot $2 within ${3:-10} s of SIGUSR1"
  return 1
}

# stop_kiosk: SIGTERM, and the kiosk must end cleanly (exit 0) within 20 s.
stop_kiosk() {
  kill -TERM "$PID" 2>/dev/null
  ended_within "$PID" 20
  local code=$?
  [ "$code" = 0 ] && pass || fail "the kiosk ended with exit code $code (124: not within 20 s of SIGTERM)"
}

# kiosk_alive: the same kiosk process is still running (it recovered by itself, nobody restarted it).
kiosk_alive() {
  kill -0 "$PID" 2>/dev/null && pass || fail "the kiosk process $PID is gone: $(tail -3 "$WORK/kiosk.log")"
}

# stays_on SCREEN SECONDS: the kiosk shows SCREEN the whole time (the fault lasts, so it must not look well).
stays_on() {
  local end=$((SECONDS + $2)) now
  while [ "$SECONDS" -lt "$end" ]; do
    now=$(screen_name)
    if [ "$now" != "$1" ]; then fail "left $1 for '${now}' while the fault lasted"; return 1; fi
    kill -0 "$PID" 2>/dev/null || { fail "the kiosk ended while on $1"; return 1; }
    sleep 0.2
  done
  pass
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

# tap_keys KEY…: taps those keys of the on-screen keyboard; field_text: what the text field on screen holds.
tap_keys() { local key; for key in "$@"; do tap "key:$key"; done; }
field_text() { automation_value '[e["label"] for e in d["elements"] if e["id"]=="field"][0]'; }

# send_from_description: from the description step past the name (and the similar ideas, if shown) to "Danke".
send_from_description() {
  tap next; wait_screen submit_name
  tap next
  [ "$(screen_name)" = submit_similar ] && tap next
  wait_screen submit_review
  tap send; wait_screen thanks
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

# ideas_titled TITLE: how many ideas have exactly this title (read through $READ_DB when the kiosk's path is
# read-only).
ideas_titled() { sqlite3 "${READ_DB:-$DB}" "SELECT count(*) FROM ideas WHERE title = '$1'"; }

# snapshot_saved FILE, then still_saved FILE: every idea and vote saved before the fault is there afterwards,
# unchanged.
saved_rows() {
  sqlite3 "${READ_DB:-$DB}" "SELECT 'idea ' || id || ' #' || number || ' ' || title || ' ' || status FROM ideas;
                             SELECT 'vote ' || id || ' ' || idea_id || ' ' || kind FROM votes;" | sort
}
snapshot_saved() { saved_rows >"$1"; }
still_saved() {
  local lost
  lost=$(comm -23 "$1" <(saved_rows) | head -3)
  if [ -s "$1" ] && [ -z "$lost" ]; then pass; else fail "rows saved before the fault are gone or changed: $lost"; fi
}

# start_holder NAME READY DB: runs the Python program on standard input as the kiosk's user in the background,
# with DB as its argument, and waits until it prints READY; its process id in HOLDER.
start_holder() {
  local state="$WORK/$1.state" python=python3 program
  program=$(cat)
  rm -f "$state"
  [ "${#KIOSK_AS[@]}" -gt 0 ] && python=/usr/bin/python3   # another user may not reach ours (pyenv)
  "${KIOSK_AS[@]}" "$python" -c "$program" "$3" >"$state" &
  HOLDER=$!
  CHILDREN+=("$HOLDER")
  for _ in $(seq 1 100); do grep -q "$2" "$state" 2>/dev/null && return 0; sleep 0.1; done
  return 1
}

# hold_lock DB: another process (as the kiosk's user) takes the write lock (BEGIN EXCLUSIVE) and keeps it until
# release_lock.
hold_lock() {
  start_holder lock locked "$1" <<'PY'
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
con.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(3600)
PY
  local started=$?
  LOCK=$HOLDER
  [ "$started" -eq 0 ] || { fail "the lock holder did not get the lock"; return 1; }
}
release_lock() { kill "$LOCK" 2>/dev/null; wait "$LOCK" 2>/dev/null; }

# hold_connection DB: another process (as the kiosk's user) keeps a connection open without a transaction, as
# the projector does: the WAL and its shared memory file stay. release_connection closes it cleanly.
hold_connection() {
  start_holder reader open "$1" <<'PY'
import signal, sqlite3, sys, time
con = sqlite3.connect(sys.argv[1])
con.execute("SELECT count(*) FROM meta").fetchall()
def close(*_):
    con.close()
    sys.exit(0)
signal.signal(signal.SIGTERM, close)
print("open", flush=True)
while True:
    time.sleep(1)
PY
  local started=$?
  READER=$HOLDER
  [ "$started" -eq 0 ] || { fail "the other connection did not open"; return 1; }
}
release_connection() { kill -TERM "$READER" 2>/dev/null; wait "$READER" 2>/dev/null; }

# mount_tmpfs DIR SIZE: a small file system of our own (unmounted by cleanup).
mount_tmpfs() {
  mkdir -p "$1"
  mount -t tmpfs -o "size=$2" tmpfs "$1" && MOUNTS+=("$1")
}

# fault_summary SCENARIO METHOD: the machine-readable line scripts/soak.sh collects.
fault_summary() {
  echo "SUMMARY test=fault scenario=$1 method=$2 result=$([ "$FAILURES" -eq 0 ] && echo pass || echo fail) checks=$CHECKS failures=$FAILURES"
}

# fault_end SCENARIO METHOD SPELL: how every fault test ends: what was saved before is still there, the file passes
# quick_check (SPELL names the fault in the message) and `ideenkiosk check`, the kiosk stops cleanly; then the
# summary line and the result.
fault_end() {
  still_saved "$WORK/saved"
  [ "$(sqlite3 "$DB" "PRAGMA quick_check")" = ok ] && pass || fail "quick_check after $3"
  "$BIN" --db "$DB" check >"$WORK/check.txt" 2>&1 && pass || fail "ideenkiosk check: $(cat "$WORK/check.txt")"
  stop_kiosk
  [ "$FAILURES" -gt 0 ] && tail -20 "$WORK/kiosk.log"
  fault_summary "$1" "$2"
  finish
}

# can_mount: true when we may mount (root in a container that allows it); tried once, with a tmpfs.
# FAULTS_NO_MOUNT=1 pretends we may not, to exercise the fallbacks.
can_mount() {
  [ "${FAULTS_NO_MOUNT:-0}" != 1 ] && [ "$(id -u)" = 0 ] || return 1
  mkdir -p "$WORK/mount-probe"
  mount -t tmpfs -o size=64k tmpfs "$WORK/mount-probe" 2>/dev/null || return 1
  umount "$WORK/mount-probe"
}
