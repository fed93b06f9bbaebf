#!/usr/bin/env bash
# Moderation from the command line and the rehearsal: every action changes what it should, is logged with
# before and after, shows in the exports, and a refused action changes nothing.
source "$(dirname "$0")/lib.sh"
DB="$WORK/event.db"
k() { "$BIN" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }
status_of() { q "SELECT status FROM ideas WHERE number = $1"; }

k event load "$SRC/assets/event.example.toml" >/dev/null
k idea add --title "Sprachcafé im Glashaus" --category sprache >/dev/null
k idea add --title "Stadtrundfahrten mit Migranten" --category begegnung >/dev/null
k idea add --title "Stadtrundfahrt mit Migranten" --category begegnung >/dev/null
k idea add --title "Fusballturnier der Kulturen" --category kultur-sport >/dev/null

# [SECTION] The rehearsal plays attendees through the model, logging each commit with its time
expect_exit 0 "rehearse" -- k rehearse --rate 40 --seconds 1.5 --seed 7
committed=$(grep -c "committed " "$WORK/out")
[ "$committed" -ge 40 ] && [ "$committed" -le 61 ] && pass || fail "rehearsal logged $committed commits at 40/s for 1.5 s"
grep -q "^\[20[0-9-]* [0-9:.]*\] \[info\] committed vote for idea #" "$WORK/out" && pass || fail "commits are logged with their time"
votes=$(q "SELECT count(*) FROM votes WHERE kind = 'vote'")
grep -q "rehearsal: .* $votes votes" "$WORK/out" && pass || fail "summary counts the $votes stored votes: $(cat "$WORK/out")"
[ "$(q "SELECT count(*) FROM sessions WHERE end_reason = 'open'")" = 0 ] && pass || fail "the rehearsal ended its sessions"
k event set submission_open false >/dev/null; k event set voting_open false >/dev/null
expect_exit 1 "rehearse with both phases closed" -- k rehearse --seconds 1
k event set submission_open true >/dev/null; k event set voting_open true >/dev/null

# [SECTION] Hide, unhide, pin, edit, merge
expect_exit 0 "hide" -- k idea hide 4 --reason "Doppelt eingegeben"
[ "$(status_of 4)" = hidden ] && pass || fail "#4 hidden"
k idea list | grep -q "Fusballturnier" && fail "a hidden idea is listed" || pass
expect_exit 0 "unhide" -- k idea unhide 4
[ "$(status_of 4)" = published ] && pass || fail "#4 published again"
expect_exit 0 "edit" -- k idea edit 4 --title "Fußballturnier der Kulturen" --reason Tippfehler
[ "$(q "SELECT title FROM ideas WHERE number = 4")" = "Fußballturnier der Kulturen" ] && pass || fail "title corrected"
q "SELECT before FROM moderation_log WHERE action = 'edit'" | grep -q "Fusballturnier" && pass || fail "the log keeps the original"
expect_exit 0 "pin" -- k idea pin 1
[ "$(q "SELECT pinned FROM ideas WHERE number = 1")" = 1 ] && pass || fail "#1 pinned"
target_before=$(k idea list | awk '$1 == "#2" {print $2}')
expect_exit 0 "merge" -- k idea merge 3 --into 2 --reason Duplikat
[ "$(status_of 3)" = merged ] && pass || fail "#3 merged"
grep -q "merged into #2" "$WORK/out" && pass || fail "merge reports its target"
target_after=$(k idea list | awk '$1 == "#2" {print $2}')
[ "$target_after" -ge "$target_before" ] && pass || fail "the target keeps its votes ($target_before -> $target_after)"

# [SECTION] Pre-moderation: approve and reject
k event set moderation pre-moderate >/dev/null
k idea add --title "Mehr Bänke im Stadtpark" --category stadtteil >/dev/null
k idea add --title "Werbung für meinen Laden" --category arbeit >/dev/null
pending=$(q "SELECT group_concat(number, ' ') FROM ideas WHERE status = 'pending' ORDER BY number")
set -- $pending
[ $# = 2 ] && pass || fail "two pending ideas, got '$pending'"
expect_exit 0 "approve" -- k idea approve "$1"
expect_exit 2 "reject without a reason" -- k idea reject "$2"
expect_exit 0 "reject" -- k idea reject "$2" --reason Werbung
[ "$(status_of "$1")" = published ] && [ "$(status_of "$2")" = hidden ] && pass || fail "approved and rejected"
expect_exit 1 "approve what is not pending" -- k idea approve "$1"

# [SECTION] Void a session
session=$(q "SELECT session_id FROM votes WHERE kind = 'vote' GROUP BY session_id ORDER BY count(*) DESC LIMIT 1")
expect_exit 0 "session void" -- k session void "$session" --reason "Stimmen-Flut"
[ "$(q "SELECT voided FROM sessions WHERE id = '$session'")" = 1 ] && pass || fail "session voided"
[ "$(q "SELECT count(*) FROM votes WHERE session_id = '$session'")" -gt 0 ] && pass || fail "its votes stay in the data"

# [SECTION] Everything is in the moderation log and its export
for action in status edit merge pin void_session phase; do
  [ "$(q "SELECT count(*) FROM moderation_log WHERE action = '$action'")" -ge 1 ] && pass || fail "log has '$action'"
done
expect_exit 0 "export moderation" -- k export moderation --format json
python3 - "$WORK/out" <<'PY' && pass || fail "the moderation export names actor, reason, before and after"
import json, sys
rows = json.load(open(sys.argv[1]))
rows = rows if isinstance(rows, list) else next(v for v in rows.values() if isinstance(v, list))
merge = next(r for r in rows if r["action"] == "merge")
assert merge["actor"].startswith("cli:") and merge["reason"] == "Duplikat", merge
assert any(r["action"] == "status" and r["reason"] == "Doppelt eingegeben" for r in rows)
PY
expect_exit 0 "export ideas" -- k export ideas --format csv --dialect rfc4180
grep -q '^3,.*,Stadtrundfahrt mit Migranten,.*,merged,' "$WORK/out" && pass || fail "the merged idea stays in the export"

# [SECTION] The PIN: piped in, hashed, five wrong tries lock entry, and the lockout holds across processes
expect_exit 1 "a PIN too short" -- sh -c "echo 12 | \"$BIN\" --db \"$DB\" pin set"
expect_exit 0 "pin status without a PIN" -- k pin status
grep -q "no PIN is set" "$WORK/out" && pass || fail "status says no PIN is set"
expect_exit 0 "pin set" -- sh -c "echo 4711 | \"$BIN\" --db \"$DB\" pin set"
q "SELECT value FROM meta WHERE key = 'pin_hash'" | grep -q '^\$argon2id\$' && pass || fail "the PIN is stored as an argon2id hash"
q "SELECT value FROM meta" | grep -q 4711 && fail "the PIN is stored in clear" || pass
expect_exit 0 "the right PIN" -- sh -c "echo 4711 | \"$BIN\" --db \"$DB\" pin check"
for try in 1 2 3 4 5; do expect_exit 1 "wrong PIN $try" -- sh -c "echo 0000 | \"$BIN\" --db \"$DB\" pin check"; done
grep -q "locked for 60 s" "$WORK/err" && pass || fail "the fifth wrong try locks: $(cat "$WORK/err")"
expect_exit 1 "the right PIN while locked" -- sh -c "echo 4711 | \"$BIN\" --db \"$DB\" pin check"
k pin status | grep -q "locked for" && pass || fail "a new process sees the lockout"

# [SECTION] Refused actions: one line, non-zero exit, nothing changed
before="$(db_fingerprint "$DB")"
expect_exit 1 "unknown idea" -- k idea hide 999 --reason x
expect_exit 2 "hide without a reason" -- k idea hide 1
expect_exit 2 "not a number" -- k idea pin eins
expect_exit 1 "unhide of a visible idea" -- k idea unhide 1
expect_exit 1 "hide of a merged idea" -- k idea hide 3 --reason x
expect_exit 1 "merge into itself" -- k idea merge 2 --into 2
expect_exit 1 "edit into an unknown category" -- k idea edit 1 --category gibt-es-nicht
expect_exit 1 "edit with a hostile title" -- k idea edit 1 --title $'\u202e\u202e'
expect_exit 2 "edit with nothing to change" -- k idea edit 1
expect_exit 1 "void an unknown session" -- k session void nope --reason x
expect_exit 2 "rehearse at a negative rate" -- k rehearse --rate -1
[ "$(db_fingerprint "$DB")" = "$before" ] && pass || fail "refused actions changed the database"
finish
