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

kill -USR1 "$PID"
for _ in $(seq 1 50); do [ -s "$WORK/shot.png" ] && break; sleep 0.1; done
python3 - "$WORK/shot.png" <<'PY' && pass || fail "screenshot shows text (many distinct colours)"
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
assert (width, height) == (1280, 720), (width, height)
assert len(colours) > 20, len(colours)
PY

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
