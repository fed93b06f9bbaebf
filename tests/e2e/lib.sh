#!/usr/bin/env bash
# Helpers for end-to-end tests: a temporary folder, expectations on exit codes and stderr, a virtual display.
set -uo pipefail
BIN="$1"
SRC="$2"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ideen-e2e.XXXXXX")"
FAILURES=0
CHECKS=0
XVFB_PID=""
cleanup() {
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null
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

start_display() {
  local n
  for n in $(seq $((90 + $$ % 40)) 140); do
    [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] && continue
    Xvfb ":$n" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
    XVFB_PID=$!
    export DISPLAY=":$n"
    for _ in $(seq 1 50); do xdpyinfo >/dev/null 2>&1 && return 0; sleep 0.1; done
    kill "$XVFB_PID" 2>/dev/null; XVFB_PID=""
  done
  echo "cannot start Xvfb" >&2
  exit 1
}

finish() {
  echo "$CHECKS passed, $FAILURES failed"
  [ "$FAILURES" -eq 0 ]
}
