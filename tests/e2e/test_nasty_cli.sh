#!/usr/bin/env bash
# Hostile input through the organisers' command line: every string of tests/nasty/strings.txt as an argument
# (event title, idea text, edit, reason, setting, event id, database path), inside a CSV import and inside an
# event TOML. Each command either succeeds, or fails with one readable line on stderr, exit code 1 or 2, and
# an unchanged database; the database passes `check` at the end.
# ctest-shards: 2
# ctest-cost: 130
source "$(dirname "$0")/lib.sh"
DB="$WORK/kiosk.db"
k() { "$BIN" --db "$DB" "$@"; }
NASTY="$SRC/tests/nasty/nasty.py"

expect_exit 0 "event load" -- k event load "$SRC/assets/event.example.toml"
expect_exit 0 "idea add" -- k idea add --title "Stadtrundfahrten mit Migranten" --category begegnung
python3 "$NASTY" csv "$WORK/csv" && python3 "$NASTY" toml "$WORK/toml" || { fail "nasty.py could not write files"; finish; exit 1; }
NAMES=()
TEXTS=()
while IFS= read -r -d '' name && IFS= read -r -d '' text; do
  NAMES+=("$name")
  TEXTS+=("$text")
done < <(python3 "$NASTY" argv)
[ "${#NAMES[@]}" -gt 150 ] && pass || fail "read only ${#NAMES[@]} nasty strings"

FINGERPRINT="$(db_fingerprint "$DB")"
# either_ok DESCRIPTION -- COMMAND…: exit 0, or exit 1 or 2 with exactly one clean line on stderr and the
# database as it was. Anything else (a crash, a stack trace, a second line, a changed database) fails.
either_ok() {
  local what="$1"; shift 2
  "$@" >"$WORK/out" 2>"$WORK/err"
  local got=$?
  case "$got" in
    0)
      FINGERPRINT="$(db_fingerprint "$DB")"
      pass
      ;;
    1 | 2)
      if [ "$(wc -l <"$WORK/err")" != 1 ] || [ "$(LC_ALL=C.UTF-8 wc -m <"$WORK/err")" -gt 320 ]; then
        fail "$what: exit $got with this on stderr: $(head -c 400 "$WORK/err" | cat -v)"
      elif LC_ALL=C grep -qP '[\x00-\x09\x0b-\x1f\x7f]|\xe2\x80[\xaa-\xae\x8b\x8e\x8f]|\xe2\x81[\xa6-\xa9]' "$WORK/err" ||
        ! iconv -f UTF-8 -t UTF-8 "$WORK/err" >/dev/null 2>&1; then
        fail "$what: stderr is not one clean line of UTF-8: $(head -c 400 "$WORK/err" | cat -v)"
      elif [ "$(db_fingerprint "$DB")" != "$FINGERPRINT" ]; then
        fail "$what: failed with exit $got but changed the database"
        FINGERPRINT="$(db_fingerprint "$DB")"
      else
        pass
      fi
      ;;
    *) fail "$what: exit $got (a crash?); stderr: $(head -c 400 "$WORK/err" | cat -v)" ;;
  esac
}

# [SECTION] Every string as a title, in a CSV import and in an event TOML; every eighth one everywhere else
# (each command is a process that opens the database: the whole corpus everywhere would take minutes; the
# unit tests put every string through every storage entry point).
for i in "${!NAMES[@]}"; do
  in_shard $((i / 8)) || continue  # blocks of eight: each shard gets its share of the every-eighth strings
  name="${NAMES[$i]}"
  s="${TEXTS[$i]}"
  either_ok "idea add --title $name" -- k idea add --title "$s" --category sprache
  either_ok "import ideas $name" -- k import ideas "$WORK/csv/$name.csv"
  either_ok "event load $name" -- k event load --no-activate "$WORK/toml/$name.toml"
  [ $((i % 8)) = 0 ] || continue
  either_ok "idea add --description $name" -- k idea add --title "Idee $i" --description "$s" --author "$s"
  either_ok "event create --title $name" -- k event create --title "$s" --venue "$s"
  either_ok "idea add --category $name" -- k idea add --title "Idee $i" --category "$s" --language "$s"
  either_ok "idea edit --title $name" -- k idea edit 1 --title "$s" --reason "$s"
  either_ok "idea hide --reason $name" -- k idea hide 1 --reason "$s"
  k idea unhide 1 >/dev/null 2>&1
  FINGERPRINT="$(db_fingerprint "$DB")"
  either_ok "event set venue $name" -- k event set venue "$s"
  either_ok "event set $name" -- k event set "$s" "$s"
  either_ok "--event $name" -- k --event "$s" stats
  either_ok "idea edit $name" -- k idea edit "$s" --title x
  either_ok "session void $name" -- k session void "$s" --reason "$s"
done
expect_exit 0 "check after every string" -- k check

# [SECTION] Odd database paths: refused with one line, or a working database inside the test folder
mkdir -p "$WORK/dbs"
either_ok "empty --db" -- "$BIN" --db "" event create --title x
grep -q "empty" "$WORK/err" && pass || fail "an empty --db is refused: $(cat "$WORK/err")"
either_ok "--db :memory:" -- "$BIN" --db ":memory:" idea add --title x
grep -q "memory" "$WORK/err" && pass || fail "--db :memory: is refused: $(cat "$WORK/err")"
either_ok "--db a folder" -- "$BIN" --db "$WORK/dbs" event create --title x
[ -s "$WORK/err" ] && pass || fail "--db FOLDER is refused"
either_ok "--db /dev/null" -- "$BIN" --db /dev/null event create --title x
[ -s "$WORK/err" ] && pass || fail "--db /dev/null is refused"
[ ! -e /dev/null-wal ] && pass || fail "a WAL file was created next to /dev/null"
expect_exit 0 "--db in new folders" -- "$BIN" --db "$WORK/dbs/a/b/c.db" event create --title x
for i in "${!NAMES[@]}"; do
  s="${TEXTS[$i]}"
  case "$s" in */* | "") continue ;; esac  # only names that stay inside the test folder
  [ $((i % 8)) = 0 ] && in_shard $((i / 8)) || continue
  path="$WORK/dbs/x$s"
  "$BIN" --db "$path" event create --title x >"$WORK/out" 2>"$WORK/err"
  got=$?
  if [ "$got" = 0 ]; then
    "$BIN" --db "$path" check >/dev/null 2>&1 && pass || fail "--db ${NAMES[$i]}: created but fails check"
  elif [ "$got" = 1 ] && [ "$(wc -l <"$WORK/err")" = 1 ]; then
    pass
  else
    fail "--db ${NAMES[$i]}: exit $got; stderr: $(head -c 300 "$WORK/err" | cat -v)"
  fi
done
# An SQLite URI is an ordinary file name here, never an in-memory database.
bin="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"
( cd "$WORK/dbs" && "$bin" --db "file:uri.db?mode=memory" event create --title x >/dev/null 2>&1 )
[ -f "$WORK/dbs/file:uri.db?mode=memory" ] && pass || fail "a URI-looking --db is a plain file"

# [SECTION] Bad input elsewhere changed nothing
expect_exit 0 "final check" -- k check
# Whatever was stored is clean: valid UTF-8 (Python would fail to decode it), no controls, no bidi overrides.
python3 - "$DB" "$IDEEN_SHARDS" <<'PY' && pass || fail "stored text is not clean"
import re, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
bad = re.compile("[\x00-\x09\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069\u200b\u200e\u200f\ufeff]")
rows = db.execute("SELECT title, description, author FROM ideas UNION ALL SELECT title, venue, '' FROM events "
                  "UNION ALL SELECT reason, '', '' FROM moderation_log").fetchall()
problems = [r for r in rows for text in r if bad.search(text)]
assert len(rows) > 200 // int(sys.argv[2]), len(rows)
assert not problems, problems[:3]
PY
finish
