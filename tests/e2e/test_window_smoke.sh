#!/usr/bin/env bash
# The kiosk window under Xvfb: it starts on a demo event, writes its automation file, shows text in a
# screenshot on SIGUSR1, follows a commit from another process, and stays idle when nothing happens.
source "$(dirname "$0")/lib.sh"
export LIBGL_ALWAYS_SOFTWARE=1
start_display
DB="$WORK/kiosk.db"
"$BIN" --db "$DB" demo --ideas 20 --votes 60 >/dev/null || { fail "demo"; finish; exit 1; }
"$BIN" --db "$DB" run --allow-exit --windowed 1280x720 --screenshot "$WORK/shot.png" \
  --automation "$WORK/auto.json" >"$WORK/kiosk.log" 2>&1 &
PID=$!
for _ in $(seq 1 100); do [ -s "$WORK/auto.json" ] && break; sleep 0.1; done
[ -s "$WORK/auto.json" ] && pass || fail "automation file written: $(cat "$WORK/kiosk.log")"
python3 - "$WORK/auto.json" <<'PY' && pass || fail "automation lists the event title and 20 ideas"
import json, sys
d = json.load(open(sys.argv[1]))
assert "Integrationskonferenz" in d["title"], d["title"]
assert len(d["ideas"]) == 20
PY

# A commit from another process shows up without any input to the window.
"$BIN" --db "$DB" idea add --title "Größe üben – çok güzel, İzmir" >/dev/null
for _ in $(seq 1 30); do grep -q "İzmir" "$WORK/auto.json" 2>/dev/null && break; sleep 0.1; done
grep -q "İzmir" "$WORK/auto.json" && pass || fail "the window followed a commit from another process"

shoot "$PID" "$WORK/shot.png"
png_shows_text "$WORK/shot.png" 1280 720 && pass || fail "screenshot shows text (many distinct colours)"

# Idle: with nothing happening the loop sleeps (a rough bound; the bench measures it precisely).
sleep 1
t0=$(awk '{print $14 + $15}' /proc/$PID/stat)
sleep 3
t1=$(awk '{print $14 + $15}' /proc/$PID/stat)
[ $((t1 - t0)) -lt 60 ] && pass || fail "idle window used $((t1 - t0)) ticks in 3 s"

kill -TERM "$PID"
wait "$PID"
[ $? = 0 ] && pass || fail "clean exit on SIGTERM"
finish
