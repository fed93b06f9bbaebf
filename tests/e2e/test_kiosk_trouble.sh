#!/usr/bin/env bash
# The trouble screen: while another process holds the database's write lock past the busy timeout, the
# kiosk shows its calm screen and keeps the draft; when the lock goes, it saves by itself, exactly once.
# The frame loop never waits for the lock: the trouble screen shows within 0.5 s of the first refused write (not
# after the 5 s busy timeout), and no turn of the loop waits on the database (the frame times say so).
source "$(dirname "$0")/lib.sh"
kiosk_setup
"$BIN" --db "$DB" run --allow-exit --automation "$AUTOMATION" --frame-times "$WORK/frames.txt" >"$WORK/kiosk.log" 2>&1 &
PID=$!
wait_screen attract 10 || { cat "$WORK/kiosk.log"; finish; exit 1; }
tap attract; tap choose:submit; tap category:bildung
for key in shift e l t e r n c a f e; do tap "key:$key"; done
title=$(automation_value '[e["label"] for e in d["elements"] if e["id"]=="field"][0]')
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
tap send
wait_screen trouble 10
trouble_shown=$(python3 -c 'import os,sys; print(os.stat(sys.argv[1]).st_mtime)' "$AUTOMATION")
# From the writer's first refused write (its log line) to the frame that showed the trouble screen.
refused_to_trouble=$(python3 - "$WORK/kiosk.log" "$trouble_shown" <<'PY'
import datetime, re, sys
line = next(l for l in open(sys.argv[1]) if "refused under another connection's write lock" in l)
stamp = re.match(r"\[([^\]]+)\]", line).group(1)
refused = datetime.datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S.%f").timestamp()
print(int((float(sys.argv[2]) - refused) * 1000))
PY
)
echo "first refused write to the trouble screen: ${refused_to_trouble} ms (goal <= 500 ms)"
[ "$refused_to_trouble" -le 500 ] && pass || fail "the trouble screen came ${refused_to_trouble} ms after the first refused write"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM ideas")" = 0 ] && pass || fail "nothing saved while locked"
wait "$LOCK"
wait_screen thanks 15
[ "$(sqlite3 "$DB" "SELECT count(*) FROM ideas WHERE title = '$title'")" = 1 ] && pass || fail "the draft '$title' was saved exactly once"
grep -q "storage failed" "$WORK/kiosk.log" && pass || fail "the failure is in the log"
kill -TERM "$PID"; wait "$PID"
# The main thread's wall time outside GL per frame (third column): a turn that waited for the lock would take
# seconds. The p99 against its 2 ms goal is the bench's business (scripts/bench.sh, section writer).
read -r frames slowest < <(awk '{ n++; if ($3 > m) m = $3 } END { printf "%d %.1f\n", n, m }' "$WORK/frames.txt")
echo "frames: $frames, slowest main-thread turn outside GL: $slowest ms"
[ "$frames" -gt 10 ] && pass || fail "only $frames frame times were written"
awk -v m="$slowest" 'BEGIN { exit !(m < 1000) }' && pass || fail "a turn of the frame loop took $slowest ms (waited on the database?)"
finish
