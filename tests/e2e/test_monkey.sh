#!/usr/bin/env bash
# The monkey test: random taps (mostly on the automation file's elements, some anywhere), drags, physical keys
# (Escape, Backspace, Return, …) and random Unicode at a high rate on every screen, the moderators' PIN keypad
# and panel included (everything there but "leave kiosk mode"). The kiosk must not crash or hang (its heartbeat
# log line must keep coming), its memory must not grow after warm-up, and the database must stay consistent.
#   MONKEY_SECONDS (default 45)   how long; the soak runs it longer
#   MONKEY_SEED                   repeat a run: the seed is printed at the start
# ctest-cost: 50
source "$(dirname "$0")/lib.sh"
SEED="${MONKEY_SEED:-$RANDOM$RANDOM}"
echo "monkey test: seed $SEED (repeat with MONKEY_SEED=$SEED), ${MONKEY_SECONDS:-45} s"
kiosk_setup --ideas 40 --votes 60 --seed 1
PIN=2468
echo "$PIN" | "$BIN" --db "$DB" pin set >/dev/null
# The panel's export writes to a folder under HOME: the test's own.
export HOME="$WORK/home"
mkdir -p "$HOME"

python3 "$SRC/tests/e2e/monkey.py" "$BIN" "$DB" "$WORK" "${MONKEY_SECONDS:-45}" "$SEED" "$PIN" \
  && pass || fail "the monkey found a crash, a hang or growing memory (seed $SEED)"
[ "$(sqlite3 "$DB" "PRAGMA quick_check")" = ok ] && pass || fail "quick_check after the monkey"
"$BIN" --db "$DB" check >"$WORK/check.txt" 2>&1 && pass || fail "ideenkiosk check: $(cat "$WORK/check.txt")"
# Every vote must be on a published idea (unless the panel changed the idea's status later), within the
# session's budget, and made while its session was open.
bad=$(sqlite3 "$DB" "
  SELECT 'vote on idea #' || i.number || ' which is ' || i.status FROM votes v JOIN ideas i ON i.id = v.idea_id
   WHERE v.kind = 'vote' AND i.status != 'published'
     AND NOT EXISTS (SELECT 1 FROM moderation_log m WHERE m.target_id = i.id)
  UNION ALL
  SELECT 'session ' || s.id || ' has ' || count(*) || ' live votes, budget ' || e.vote_budget
    FROM votes v JOIN sessions s ON s.id = v.session_id JOIN events e ON e.id = s.event_id
   WHERE v.kind = 'vote' AND NOT EXISTS (SELECT 1 FROM votes r WHERE r.retracts = v.id)
   GROUP BY s.id HAVING count(*) > e.vote_budget
  UNION ALL
  SELECT 'vote ' || v.id || ' after its session ended' FROM votes v JOIN sessions s ON s.id = v.session_id
   WHERE s.ended_at IS NOT NULL AND v.created_at > s.ended_at")
[ -z "$bad" ] && pass || fail "inconsistent votes: $bad"
echo "the monkey left $(sqlite3 "$DB" "SELECT count(*) FROM ideas") ideas, $(sqlite3 "$DB" "SELECT count(*) FROM votes") vote events, $(sqlite3 "$DB" "SELECT count(*) FROM sessions") sessions, $(sqlite3 "$DB" "SELECT count(*) FROM moderation_log") moderation entries"
finish
