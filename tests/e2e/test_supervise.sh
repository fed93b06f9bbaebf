#!/usr/bin/env bash
# Crash handling: an exception escaping a frame (--test-crash-after) is logged with its context, counted in the
# database, and ends the process with exit 70; the development loop of scripts/kiosk.sh (ideen_supervise)
# starts a fresh kiosk on the attract screen with everything saved before; SIGTERM ends the loop for good. An end
# no exception sees (SIGKILL, as from the out-of-memory killer) is counted when the next kiosk starts.
source "$(dirname "$0")/lib.sh"
source "$SRC/scripts/lib/supervise.sh"
kiosk_setup
"$BIN" --db "$DB" idea add --title "Vor dem Absturz gespeichert" >/dev/null

# The first start crashes after 2 s, the restarted one does not.
cat >"$WORK/kiosk-once-crashing.sh" <<SH
#!/usr/bin/env bash
if [ ! -e "$WORK/crashed-once" ]; then
  touch "$WORK/crashed-once"
  exec "$BIN" --db "$DB" run --windowed 1280x720 --automation "$AUTOMATION" --test-crash-after 2
fi
exec "$BIN" --db "$DB" run --windowed 1280x720 --automation "$AUTOMATION"
SH
ideen_supervise bash "$WORK/kiosk-once-crashing.sh" >"$WORK/kiosk.log" 2>"$WORK/supervise.log" &
SUPERVISOR=$!
CHILDREN+=("$SUPERVISOR")

for _ in $(seq 1 200); do [ "$(grep -c 'word lists:' "$WORK/kiosk.log")" -ge 2 ] && break; sleep 0.1; done
grep -q "kiosk crashed after [0-9]* frames, [0-9]* s up, on screen attract: test: a frame failed on purpose" \
  "$WORK/kiosk.log" && pass || fail "the crash is logged with its context: $(tail -5 "$WORK/kiosk.log")"
grep -q "the kiosk ended with exit 70; starting it again" "$WORK/supervise.log" && pass \
  || fail "the loop saw exit 70 and restarted: $(cat "$WORK/supervise.log")"
[ "$(grep -c 'word lists:' "$WORK/kiosk.log")" = 2 ] && pass || fail "a second kiosk process started"

# The fresh kiosk draws the attract screen, and nothing saved before the crash is lost.
rm -f "$AUTOMATION"
for _ in $(seq 1 100); do [ -s "$AUTOMATION" ] && break; sleep 0.1; done
python3 - "$AUTOMATION" <<'PY' && pass || fail "the restarted kiosk shows the attract screen"
import json, sys
assert json.load(open(sys.argv[1]))["screen"] == "attract"
PY
[ "$(sqlite3 "$DB" "SELECT count(*) FROM ideas WHERE title = 'Vor dem Absturz gespeichert'")" = 1 ] && pass \
  || fail "the idea saved before the crash is still there"
[ "$(sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'crash_count'")" = 1 ] && pass || fail "one crash counted"
sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'crash_last_reason'" | grep -q "on purpose" && pass \
  || fail "the crash's reason is kept"
"$BIN" --db "$DB" doctor >"$WORK/doctor.out" 2>/dev/null
grep -q "^WARN  crashes: 1 so far" "$WORK/doctor.out" && pass || fail "doctor shows the crash: $(cat "$WORK/doctor.out")"

# SIGTERM to the loop reaches the kiosk, which ends cleanly, and nothing is started again.
kill -TERM "$SUPERVISOR"
wait "$SUPERVISOR"
code=$?
[ "$code" = 0 ] && pass || fail "the loop ended with the kiosk's clean exit, got $code: $(cat "$WORK/supervise.log")"
[ "$(grep -c 'word lists:' "$WORK/kiosk.log")" = 2 ] && pass || fail "no restart after SIGTERM"
grep -q "kiosk window closed" "$WORK/kiosk.log" && pass || fail "the kiosk closed cleanly on SIGTERM"
running_mark() { sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'kiosk_running'"; }
[ -z "$(running_mark)" ] && pass || fail "the clean stop left the kiosk's mark: $(running_mark)"

# SIGKILL (the out-of-memory killer, a watchdog's abort): no exception, the next start counts it.
start_kiosk --windowed 1280x720
for _ in $(seq 1 100); do running_mark | grep -q "^$PID " && break; sleep 0.1; done
running_mark | grep -q "^$PID " && pass || fail "the kiosk did not mark the file as running: $(running_mark)"
kill -KILL "$PID"; wait "$PID" 2>/dev/null
start_kiosk --windowed 1280x720
wait_screen attract 20
for _ in $(seq 1 100); do running_mark | grep -q "^$PID " && break; sleep 0.1; done
grep -q "the kiosk before ended without a clean stop; crash 2 of this database recorded" "$WORK/kiosk.log" && pass \
  || fail "the killed kiosk was not counted: $(tail -3 "$WORK/kiosk.log")"
sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'crash_last_reason'" | grep -q "without a clean stop" && pass \
  || fail "the reason names the unclean end"
stop_kiosk
"$BIN" --db "$DB" doctor >"$WORK/doctor.out" 2>/dev/null
grep -q "^WARN  crashes: 2 so far" "$WORK/doctor.out" && pass || fail "doctor counts the kill: $(cat "$WORK/doctor.out")"

# systemd stops cage and the kiosk with one SIGTERM, and cage's X server ends first: still a clean stop (exit 0,
# no mark left). A display that goes unasked ends the kiosk with exit 1 and is counted at the next start. Each on
# a display of its own (the test's own display stays).
display_goes() {  # display_goes asked|unasked: the kiosk's exit code
  local own="$XVFB_PID" own_display="$DISPLAY" code
  start_display 1280x720
  start_kiosk --windowed 1280x720
  for _ in $(seq 1 100); do running_mark | grep -q "^$PID " && break; sleep 0.1; done
  if [ "$1" = asked ]; then kill -TERM "$PID" "$XVFB_PID"; else kill -TERM "$XVFB_PID"; fi
  ended_within "$PID" 20
  code=$?
  XVFB_PID="$own" DISPLAY="$own_display"
  return "$code"
}
display_goes asked
code=$?
[ "$code" = 0 ] && pass || fail "SIGTERM with the display going first: exit $code, not a clean stop: $(tail -3 "$WORK/kiosk.log")"
[ -z "$(running_mark)" ] && pass || fail "the stop with the display going first left the mark: $(running_mark)"
display_goes unasked
code=$?
[ "$code" = 1 ] && pass || fail "a display gone unasked ends the kiosk with exit 1, got $code"
grep -q "the display's connection is gone" "$WORK/kiosk.log" && pass || fail "the kiosk says its display went away"
running_mark | grep -q . && pass || fail "a display gone unasked leaves the mark for the next start to count"
finish
