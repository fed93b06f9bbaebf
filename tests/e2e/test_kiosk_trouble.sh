#!/usr/bin/env bash
# The trouble screen: while another process holds the database's write lock past the busy timeout, the
# kiosk shows its calm screen and keeps the draft; when the lock goes, it saves by itself, exactly once.
# The frame loop never waits for the lock: the trouble screen shows within 0.5 s of the first refused write (not
# after the 5 s busy timeout), and no turn of the loop waits on the database (the frame times say so).
# ctest-cost: 40
source "$(dirname "$0")/lib.sh"
kiosk_setup
"$BIN" --db "$DB" run --allow-exit --automation "$AUTOMATION" --frame-times "$WORK/frames.txt" >"$WORK/kiosk.log" 2>&1 &
PID=$!
wait_screen attract 10 || { cat "$WORK/kiosk.log"; finish; exit 1; }
tap attract; tap choose:submit; tap category:bildung
for key in shift e l t e r n c a f e; do tap "key:$key"; done
title=$(field_text)
tap next; tap next; tap next
[ "$(screen_name)" = submit_similar ] && tap next
wait_screen submit_review

# Another process takes the write lock for 9 s; the kiosk's busy timeout is 5 s.
python3 - "$DB" <<'PY' &
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN EXCLUSIVE")
time.sleep(9)
con.execute("ROLLBACK")
PY
LOCK=$!
sleep 0.5
# Every screen the kiosk draws from here on, with the time it was drawn (a loaded machine slows this script,
# not the record).
python3 "$DRIVER" watch "$AUTOMATION" "$WORK/screens.txt" &
WATCH=$!
CHILDREN+=("$WATCH")
tap send
wait_screen trouble 10
# Counted first, then the lock looked at: a count taken while the lock still held must be 0 (a loaded machine may
# bring this script here only after the lock went, when the count proves nothing).
saved_meanwhile=$(sqlite3 "$DB" "SELECT count(*) FROM ideas WHERE title = '$title'")
if kill -0 "$LOCK" 2>/dev/null; then
  [ "$saved_meanwhile" = 0 ] && pass || fail "nothing saved while locked"
fi
wait "$LOCK"
for _ in $(seq 1 150); do grep -q " thanks$" "$WORK/screens.txt" && break; sleep 0.1; done
kill "$WATCH" 2>/dev/null; wait "$WATCH" 2>/dev/null
grep -q " thanks$" "$WORK/screens.txt" && pass || fail "no thank-you screen after the lock went (screens: $(awk '{print $2}' "$WORK/screens.txt" | uniq | tr '\n' ' '))"
# From the writer's first refused write (its log line) to the frame that showed the trouble screen.
refused_to_trouble=$(python3 - "$WORK/kiosk.log" "$WORK/screens.txt" <<'PY'
import datetime, re, sys
line = next(l for l in open(sys.argv[1]) if "refused under another connection's write lock" in l)
stamp = re.match(r"\[([^\]]+)\]", line).group(1)
refused = datetime.datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S.%f").timestamp()
shown = next(float(l.split()[0]) for l in open(sys.argv[2]) if l.split()[1] == "trouble")
print(int((shown - refused) * 1000))
PY
)
echo "first refused write to the trouble screen: ${refused_to_trouble} ms (goal <= 500 ms)"
[ "$refused_to_trouble" -le 500 ] && pass || fail "the trouble screen came ${refused_to_trouble} ms after the first refused write"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM ideas WHERE title = '$title'")" = 1 ] && pass || fail "the draft '$title' was saved exactly once"
grep -q "storage failed" "$WORK/kiosk.log" && pass || fail "the failure is in the log"
kill -TERM "$PID"; wait "$PID"
# The main thread's wall time outside GL per frame (third column): a turn that waited for the lock would take the
# whole busy timeout (5 s here). The bound stays below that but far above what a loaded test machine's scheduler
# adds; the p99 against its 2 ms goal is the bench's business (scripts/bench.sh, section writer).
read -r frames slowest < <(awk '{ n++; if ($3 > m) m = $3 } END { printf "%d %.1f\n", n, m }' "$WORK/frames.txt")
echo "frames: $frames, slowest main-thread turn outside GL: $slowest ms"
[ "$frames" -gt 10 ] && pass || fail "only $frames frame times were written"
awk -v m="$slowest" 'BEGIN { exit !(m < 4000) }' && pass || fail "a turn of the frame loop took $slowest ms (waited on the database?)"
finish
