#!/usr/bin/env bash
# The trouble screen: while another process holds the database's write lock past the busy timeout, the
# kiosk shows its calm screen and keeps the draft; when the lock goes, it saves by itself, exactly once.
# ctest-cost: 40
source "$(dirname "$0")/lib.sh"
kiosk_setup
"$BIN" --db "$DB" run --allow-exit --automation "$AUTOMATION" >"$WORK/kiosk.log" 2>&1 &
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
[ "$(sqlite3 "$DB" "SELECT count(*) FROM ideas")" = 0 ] && pass || fail "nothing saved while locked"
wait "$LOCK"
wait_screen thanks 15
[ "$(sqlite3 "$DB" "SELECT count(*) FROM ideas WHERE title = '$title'")" = 1 ] && pass || fail "the draft '$title' was saved exactly once"
grep -q "storage failed" "$WORK/kiosk.log" && pass || fail "the failure is in the log"
kill -TERM "$PID"; wait "$PID"
finish
