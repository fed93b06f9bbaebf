#!/usr/bin/env bash
# The kill test: while an attendee (xdotool) submits ideas on the on-screen keyboard and votes, the kiosk is
# killed with SIGKILL at random moments and restarted, many times. Every action the kiosk confirmed in its log
# (written only after the commit returned) must be in the database, nothing twice, and the file must be sound.
#   KILL_SECONDS (default 45)   how long to keep killing; the soak runs it longer
#   KILL_ROUNDS (default 1000)  at most this many kiosk processes
#   KILL_SEED                   repeat a run: the seed is printed at the start
# ctest-cost: 50
source "$(dirname "$0")/lib.sh"
SEED="${KILL_SEED:-$RANDOM$RANDOM}"
echo "kill test: seed $SEED (repeat with KILL_SEED=$SEED), ${KILL_SECONDS:-45} s"
kiosk_setup
for title in "Sprachcafé im Glashaus" "Stadtrundfahrten mit Migranten" "Mahalle şenliği im Paschenberg" \
             "Patenschaften für Neuankömmlinge" "Elterncafé in der Grundschule" "Interkulturelles Kochbuch"; do
  "$BIN" --db "$DB" idea add --title "$title" >/dev/null
done

python3 "$SRC/tests/e2e/kill.py" "$BIN" "$DB" "$WORK" "${KILL_SECONDS:-45}" "${KILL_ROUNDS:-1000}" "$SEED" \
  && pass || fail "the kiosk lost or doubled a confirmed action (seed $SEED)"
[ "$(sqlite3 "$DB" "PRAGMA quick_check")" = ok ] && pass || fail "quick_check after the kills"
"$BIN" --db "$DB" check >"$WORK/check.txt" 2>&1 && pass || fail "ideenkiosk check: $(cat "$WORK/check.txt")"
if [ "$FAILURES" -gt 0 ]; then
  for log in "$WORK"/kiosk-*.log; do grep -H -E "error|FAIL|storage failed" "$log"; done | tail -20
fi
finish
