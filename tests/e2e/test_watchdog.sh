#!/usr/bin/env bash
# The kiosk's side of systemd's watchdog, received on a real notify socket the test binds (as systemd would):
# READY=1 after the first frame, WATCHDOG=1 while it idles, and silence once the frame loop hangs
# (--test-hang-after), which is what makes systemd (WatchdogSec=) kill and restart it.
source "$(dirname "$0")/lib.sh"
export LIBGL_ALWAYS_SOFTWARE=1
start_display
DB="$WORK/kiosk.db"
"$BIN" --db "$DB" event load "$SRC/assets/event.example.toml" >/dev/null

python3 - "$WORK/notify.sock" "$WORK/notify.log" <<'PY' &
import socket, sys, time
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
with open(sys.argv[2], "a", buffering=1) as log:
    while True:
        message = s.recv(4096).decode()
        log.write("%.3f %s\n" % (time.time(), message.replace("\n", " ")))
PY
CHILDREN+=($!)
for _ in $(seq 1 50); do [ -S "$WORK/notify.sock" ] && break; sleep 0.1; done

NOTIFY_SOCKET="$WORK/notify.sock" WATCHDOG_USEC=2000000 "$BIN" --db "$DB" run --windowed 1280x720 \
  --automation "$WORK/auto.json" --test-hang-after 5 >"$WORK/kiosk.log" 2>&1 &
KIOSK=$!
CHILDREN+=("$KIOSK")
for _ in $(seq 1 100); do grep -q READY=1 "$WORK/notify.log" 2>/dev/null && break; sleep 0.1; done
grep -q "READY=1 STATUS=showing attract" "$WORK/notify.log" && pass || fail "READY=1 after the first frame: $(cat "$WORK/notify.log")"
[ -s "$WORK/auto.json" ] && pass || fail "READY=1 came before the first frame was drawn"

for _ in $(seq 1 100); do grep -q "frame loop stops turning" "$WORK/kiosk.log" && break; sleep 0.1; done
grep -q "frame loop stops turning" "$WORK/kiosk.log" && pass || fail "the test hang began: $(tail -5 "$WORK/kiosk.log")"
before="$(grep -c WATCHDOG=1 "$WORK/notify.log")"
# Idle (no input at all) for about 4 s with a 2 s watchdog: a ping every 0.5 s.
[ "$before" -ge 4 ] && pass || fail "WATCHDOG=1 while idle: only $before in ~4 s: $(cat "$WORK/notify.log")"
python3 - "$WORK/notify.log" <<'PY' && pass || fail "no gap of 1 s (half the watchdog interval) between pings"
import sys
times = [float(l.split()[0]) for l in open(sys.argv[1]) if "WATCHDOG=1" in l]
gaps = [b - a for a, b in zip(times, times[1:])]
assert gaps and max(gaps) < 1.0, gaps
PY
sleep 3
after="$(grep -c WATCHDOG=1 "$WORK/notify.log")"
[ "$after" = "$before" ] && pass || fail "the hung loop still sent WATCHDOG=1 ($before then $after)"
kill -0 "$KIOSK" 2>/dev/null && pass || fail "the hung kiosk is still a process (for the supervisor to kill)"

pid1="$(cat /proc/1/comm 2>/dev/null)"
if [ "$pid1" != systemd ]; then
  echo "note: PID 1 here is '$pid1', not systemd: the restart after the missed watchdog is systemd's own and is" \
       "not exercised here (test_supervise.sh shows the development restart loop)." >&2
fi
kill -TERM "$KIOSK"
wait "$KIOSK"
[ $? = 0 ] && pass || fail "SIGTERM still ends the hung test kiosk cleanly"
grep -q "STOPPING=1" "$WORK/notify.log" && pass || fail "STOPPING=1 on a clean stop"
finish
