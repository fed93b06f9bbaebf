#!/usr/bin/env bash
# The organisers' command line, end to end: every subcommand works, and bad input gets one clear line on
# stderr, a non-zero exit code, and changes nothing in the database.
source "$(dirname "$0")/lib.sh"
DB="$WORK/kiosk.db"
k() { "$BIN" --db "$DB" "$@"; }

# [SECTION] Happy paths
expect_exit 0 "event load" -- k event load "$SRC/assets/event.example.toml"
expect_exit 0 "idea add" -- k idea add --title "Stadtrundfahrten mit Migranten" --category begegnung
expect_exit 0 "demo" -- k demo --ideas 30 --votes 120
expect_exit 0 "event list" -- k event list
[ "$(k event list | grep -c '^\*')" = 1 ] && pass || fail "exactly one active event"
expect_exit 0 "event set" -- k event set vote_budget 7
k event show | grep -q "vote_budget:     7" && pass || fail "event set changed the budget"
expect_exit 0 "phase" -- k event set voting_open closed
[ "$(sqlite3 "$DB" "SELECT count(*) FROM moderation_log WHERE action = 'phase'")" = 1 ] && pass || fail "phase change is logged"
expect_exit 0 "stats" -- k stats
expect_exit 0 "stats json" -- k stats --json
python3 -c "import json,sys; d=json.load(open('$WORK/out')); sys.exit(0 if d['ideas']==30 else 1)" && pass || fail "stats --json counts 30 ideas"
expect_exit 0 "check" -- k check

# [SECTION] Export, import, backup, restore, merge
expect_exit 0 "export csv" -- k export ideas -o "$WORK/ideas.csv"
head -c 3 "$WORK/ideas.csv" | od -An -tx1 | grep -q "ef bb bf" && pass || fail "excel-de CSV starts with a BOM"
[ "$(sed -n 2p "$WORK/ideas.csv" | tail -c 2 | od -An -tx1 | tr -d ' ')" = "0d0a" ] && pass || fail "CRLF line ends"
expect_exit 0 "export json" -- k export votes --format json -o "$WORK/votes.json"
python3 -c "import json; d=json.load(open('$WORK/votes.json')); assert len(d['votes'])==120" && pass || fail "JSON has 120 votes"
expect_exit 0 "export rfc4180" -- k export moderation --dialect rfc4180 -o "$WORK/moderation.csv"
OTHER="$WORK/other.db"
expect_exit 0 "import into a fresh event" -- "$BIN" --db "$OTHER" event load "$SRC/assets/event.example.toml"
expect_exit 0 "import" -- "$BIN" --db "$OTHER" import ideas "$WORK/ideas.csv"
grep -q "30 ideas added" "$WORK/out" && pass || fail "import reports 30 added: $(cat "$WORK/out")"
expect_exit 0 "import again" -- "$BIN" --db "$OTHER" import ideas "$WORK/ideas.csv"
grep -q "0 ideas added, 30 already present" "$WORK/out" && pass || fail "re-import is idempotent"
expect_exit 0 "backup" -- k backup -o "$WORK/backup.db"
expect_exit 0 "restore" -- "$BIN" --db "$WORK/restored.db" restore "$WORK/backup.db"
[ "$(db_fingerprint "$WORK/restored.db")" = "$(db_fingerprint "$DB")" ] && pass || fail "restore gives the same data"
expect_exit 0 "merge" -- "$BIN" merge "$WORK/merged.db" "$DB" "$WORK/restored.db"
[ "$(sqlite3 "$WORK/merged.db" "SELECT count(*) FROM ideas")" = 31 ] && pass || fail "merge of a db and its copy keeps 31 ideas"

# [SECTION] Bad input: one line, non-zero exit, nothing changed
before="$(db_fingerprint "$DB")"
printf 'title;category\n"Gut";begegnung\n"kaputt \xff";begegnung\n' >"$WORK/bad.csv"
expect_exit 1 "import with invalid UTF-8" -- k import ideas "$WORK/bad.csv"
grep -q "line 3" "$WORK/err" && pass || fail "the import error names line 3: $(cat "$WORK/err")"
printf 'title\n%s\n' "$(head -c 10000 /dev/zero | tr '\0' x)" >"$WORK/long.csv"
expect_exit 1 "import of a 10,000-character title" -- k import ideas "$WORK/long.csv"
expect_exit 1 "idea with a bidi-only title" -- k idea add --title $'\u202e\u2066'
expect_exit 1 "unknown category" -- k idea add --title "x" --category "'); DROP TABLE ideas;--"
expect_exit 2 "unknown setting" -- k event set colour blue
expect_exit 2 "bad budget" -- k event set vote_budget 0
expect_exit 2 "unknown subcommand" -- k frobnicate
expect_exit 2 "bad export table" -- k export everything
expect_exit 1 "event file missing" -- k event load "$WORK/nope.toml"
printf 'title = "A"\nvote_budget = "viele"\n' >"$WORK/bad.toml"
expect_exit 1 "bad event file" -- k event load "$WORK/bad.toml"
expect_exit 1 "restore of garbage" -- k restore "$WORK/bad.csv"
expect_exit 1 "backup into a missing folder" -- k backup -o "$WORK/missing/x.db"
expect_exit 1 "export into a missing folder" -- k export ideas -o "$WORK/missing/x.csv"
expect_exit 2 "negative demo size" -- k demo --ideas -5
expect_exit 2 "bad window size" -- k run --windowed 12xfoo
expect_exit 1 "unknown event id" -- "$BIN" --db "$DB" --event nope stats
expect_exit 1 "settings with hostile text" -- k event set title $'\u202e'
[ "$(db_fingerprint "$DB")" = "$before" ] && pass || fail "failed commands changed the database"
merged_before="$(db_fingerprint "$WORK/merged.db")"
expect_exit 1 "merge of a garbage file" -- "$BIN" merge "$WORK/merged.db" "$WORK/bad.csv"
[ "$(db_fingerprint "$WORK/merged.db")" = "$merged_before" ] && pass || fail "a failed merge changed the output"

# [SECTION] Files that are not ours
printf 'just text, not a database at all %.0s' $(seq 1 200) >"$WORK/garbage.db"
expect_exit 1 "garbage database" -- "$BIN" --db "$WORK/garbage.db" stats
sqlite3 "$WORK/foreign.db" "CREATE TABLE t(x);"
expect_exit 1 "foreign database" -- "$BIN" --db "$WORK/foreign.db" event list
cp "$DB" "$WORK/newer.db"; rm -f "$WORK/newer.db-wal"; sqlite3 "$WORK/newer.db" "PRAGMA user_version=99"
expect_exit 1 "newer database" -- "$BIN" --db "$WORK/newer.db" event create --title x
grep -q "newer Ideenkiosk" "$WORK/err" && pass || fail "newer schema is named: $(cat "$WORK/err")"
chmod 0444 "$WORK/backup.db"
if [ "$(id -u)" != 0 ]; then
  expect_exit 1 "read-only database" -- "$BIN" --db "$WORK/backup.db" idea add --title "x"
fi
finish
