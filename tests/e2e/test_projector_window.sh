#!/usr/bin/env bash
# The projector as a second window of the kiosk process (run --projector-windowed), both windows side by side on
# one wide virtual screen: a vote tapped at the kiosk shows on the projector within one second of the kiosk's
# "confirmed" log line, a moderator's hide leaves both, SIGUSR1 shoots both windows (the projector's with the QR
# code of the phone server the kiosk runs, read back by zbarimg), SIGTERM ends cleanly.
# Also the one-line refusals of run --projector-monitor.
# ctest-cost: 43
source "$(dirname "$0")/lib.sh"
export LIBGL_ALWAYS_SOFTWARE=1
event_with_three_ideas
start_display 2560x1080

# [SECTION] Refused before any window opens, with one line each
expect_exit 2 "projector fullscreen on the kiosk's own monitor" -- "$BIN" --db "$DB" run --projector-monitor 0
grep -q "is the monitor the kiosk is fullscreen on" "$WORK/err" && pass || fail "says why: $(cat "$WORK/err")"
expect_exit 1 "a monitor that does not exist" -- "$BIN" --db "$DB" run --projector-monitor 3 --automation "$WORK/never.json"
grep -q -- "--projector-monitor 3: monitor 3 does not exist; there is 1 monitor (0)" "$WORK/err" && pass || fail "names the monitor: $(cat "$WORK/err")"
[ ! -e "$WORK/never.json" ] && pass || fail "no kiosk frame was drawn before the refusal"
expect_exit 2 "monitor out of range" -- "$BIN" --db "$DB" run --projector-monitor 17
expect_exit 2 "bad projector window size" -- "$BIN" --db "$DB" run --projector-windowed 12x7
expect_exit 2 "projector automation without a projector" -- "$BIN" --db "$DB" run --projector-automation "$WORK/p.json"

# [SECTION] Both windows in one process
AUTOMATION="$WORK/kiosk.json"
PROJECTION="$WORK/projector.json"
PORT=$(free_port)
"$BIN" --db "$DB" run --allow-exit --windowed 1280x800 --projector-windowed 1280x720 --phones "127.0.0.1:$PORT" \
  --automation "$AUTOMATION" --projector-automation "$PROJECTION" \
  --screenshot "$WORK/kiosk.png" --projector-screenshot "$WORK/projector.png" >"$WORK/kiosk.log" 2>&1 &
PID=$!
wait_screen attract 10 || { cat "$WORK/kiosk.log"; finish; exit 1; }
projected() { python3 "$DRIVER" query "$PROJECTION" "$1" 2>/dev/null; }
wait_projected() { for _ in $(seq 1 "${3:-20}"); do [ "$(projected "$1")" = "$2" ] && return 0; sleep 0.05; done; return 1; }
wait_projected 'd["totals"]["ideas"]' 3 100 && pass || fail "the projector window shows 3 ideas: $(cat "$WORK/kiosk.log")"
[ "$(projected 'd["totals"]["votes"]')" = 0 ] && pass || fail "no votes yet"

# Side by side, so taps at the kiosk's coordinates land on the kiosk; the kiosk keeps the keyboard.
window_geometry() { xwininfo -root -tree | grep -F "\"$1\": (" | grep -o '[0-9]*x[0-9]*+[0-9]*+[0-9]*' | head -1; }
[ "$(window_geometry Ideenkiosk)" = "1280x800+0+0" ] && pass || fail "kiosk window at $(window_geometry Ideenkiosk)"
[ "$(window_geometry "Ideenkiosk – Projektor")" = "1280x720+1280+0" ] && pass || fail "projector window at $(window_geometry "Ideenkiosk – Projektor")"
focused=$(xdotool getwindowfocus getwindowname 2>/dev/null)
[ "$focused" = Ideenkiosk ] && pass || fail "the kiosk window has the keyboard, not '$focused'"

# [SECTION] A vote at the kiosk reaches the projector window within a second
tap attract; wait_screen start
tap choose:browse; wait_screen browse
# This section measures the way to the projector, not the tap (the lost-tap case has its own check below): on a
# machine loaded by the tests beside this one, a tap that went unseen is tried again, and said so.
for attempt in 1 2 3; do
  tap vote:2
  for _ in $(seq 1 30); do grep -q "confirmed vote" "$WORK/kiosk.log" && break; sleep 0.1; done
  grep -q "confirmed vote" "$WORK/kiosk.log" && break
  echo "the tap on vote:2 was not confirmed within 3 s (attempt $attempt); screen $(screen_name)" >&2
done
wait_projected 'd["totals"]["votes"]' 1 30
[ "$(projected '[i["count"] for i in d["ideas"] if i["number"] == 2][0]')" = 1 ] && pass || fail "idea #2 shows 1 vote"
[ "$(projected 'd["ideas"][0]["number"]')" = 2 ] && pass || fail "idea #2 leads the ranking"
latency=$(vote_reached_ms "$PROJECTION")
[ -n "$latency" ] && [ "$latency" -lt 1000 ] && pass || fail "the projector window followed the commit in ${latency} ms (limit 1000)"
echo "projector window latency for this vote: ${latency} ms"

# [SECTION] While the kiosk is idle, a moderator's hide from the command line leaves both windows
sleep 1
"$BIN" --db "$DB" idea hide 3 --reason "Test" >/dev/null
hidden=$(date +%s.%N)  # the command returns after its commit
wait_projected 'sorted(i["number"] for i in d["ideas"])' "[1, 2]" 30 && pass || fail "the hidden idea left the projector"
lag=$(python3 -c "import os,sys; print(int((os.stat(sys.argv[1]).st_mtime - float(sys.argv[2])) * 1000))" "$PROJECTION" "$hidden")
[ "$lag" -lt 1000 ] && pass || fail "the idle kiosk's projector window followed the hide in ${lag} ms (limit 1000)"
echo "projector window latency for the hide while the kiosk is idle: ${lag} ms"
[ "$(projected 'd["totals"]["ideas"]')" = 2 ] && pass || fail "the projector counts 2 ideas"
for _ in $(seq 1 20); do [ "$(automation_value 'sorted(i["number"] for i in d["ideas"])')" = "[1, 2]" ] && break; sleep 0.05; done
[ "$(automation_value 'sorted(i["number"] for i in d["ideas"])')" = "[1, 2]" ] && pass || fail "the hidden idea left the kiosk"

# [SECTION] Idle: two windows, still next to no CPU (a rough bound; the bench measures it). The pointer rests on a
# vote button meanwhile. The 9 s span a turn of the projector's invitation (every 8 s), a frame the projector draws
# alone, so its ImGui context is current when GLFW delivers the click that follows: the kiosk's callbacks must hand
# it to the kiosk's context, or a quick tap is lost.
xdotool mousemove $(automation_value '" ".join(str(int(e["rect"][i] + e["rect"][i + 2] / 2)) for e in d["elements"] if e["id"] == "vote:1" for i in (0, 1))')
sleep 1
t0=$(awk '{print $14 + $15}' "/proc/$PID/stat")
sleep 8
t1=$(awk '{print $14 + $15}' "/proc/$PID/stat")
[ $((t1 - t0)) -lt 80 ] && pass || fail "idle kiosk with projector window used $((t1 - t0)) ticks in 8 s"
# Stopped, the process reads press and release in one poll, as a quick tap on a busy machine arrives.
kill -STOP "$PID"; xdotool click 1; sleep 0.2; kill -CONT "$PID"
for _ in $(seq 1 30); do [ "$(grep -c "confirmed vote" "$WORK/kiosk.log")" = 2 ] && break; sleep 0.1; done
[ "$(grep -c "confirmed vote" "$WORK/kiosk.log")" = 2 ] && pass || fail "a tap right after a projector frame counts"
wait_projected 'd["totals"]["votes"]' 2 30 && pass || fail "the projector shows the second vote"

# [SECTION] Screenshots of both windows, then a clean exit
rm -f "$WORK/kiosk.png" "$WORK/projector.png"
kill -USR1 "$PID"
for _ in $(seq 1 100); do [ -s "$WORK/kiosk.png" ] && [ -s "$WORK/projector.png" ] && break; sleep 0.1; done
png_shows_text "$WORK/kiosk.png" 1280 800 && pass || fail "the kiosk's screenshot shows text"
png_shows_text "$WORK/projector.png" 1280 720 && pass || fail "the projector's screenshot shows text"
[ "$(decoded_qr "$WORK/projector.png")" = "http://127.0.0.1:$PORT/" ] && pass || fail "the projector window's QR code reads '$(decoded_qr "$WORK/projector.png")'"
kill -TERM "$PID"; wait "$PID"
[ $? = 0 ] && pass || fail "clean exit on SIGTERM"
grep -q "kiosk window closed" "$WORK/kiosk.log" && pass || fail "the kiosk logged its end"
# Votes change a few numbers: some frames were drawn only where they changed (and each matched the whole frame,
# checked by finish()).
partial="$(sed -n 's/.*frames drawn: [0-9]* whole, \([0-9]*\) only where they changed.*/\1/p' "$WORK/kiosk.log" | sort -n | tail -1)"
[ "${partial:-0}" -gt 0 ] && pass || fail "no frame was drawn only where it changed: $(grep "frames drawn" "$WORK/kiosk.log")"
[ "$(sqlite3 "$DB" "PRAGMA quick_check")" = ok ] && pass || fail "quick_check ok"
finish
