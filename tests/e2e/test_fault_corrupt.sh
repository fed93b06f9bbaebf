#!/usr/bin/env bash
# Fault: the database file is damaged (garbage in its pages) when the kiosk starts. The kiosk opens its window on
# the trouble screen (no exit, no crash) and never writes to the damaged file; the command line names the
# damage in one line. When the organiser restores a backup over it, the kiosk opens that by itself. Twice: garbage
# in pages the start reads, then only in the moderation log's page, which nothing but quick_check would notice.
# ctest-cost: 25
source "$(dirname "$0")/lib.sh"
kiosk_setup --ideas 30 --votes 40 --seed 13
"$BIN" --db "$DB" backup -o "$WORK/backup.db" >/dev/null
snapshot_saved "$WORK/saved"

# garbage_over_pages FIRST COUNT SEED: random bytes over COUNT pages of $DB from page FIRST (numbered from 1).
garbage_over_pages() {
  python3 - "$DB" "$1" "$2" "$3" <<'PY'
import random, sys
path, first, count, seed = sys.argv[1], *map(int, sys.argv[2:])
rng = random.Random(seed)
with open(path, "r+b") as f:
    size = int.from_bytes(f.read(18)[16:18], "big")
    size = 65536 if size == 1 else size
    f.seek((first - 1) * size)
    f.write(bytes(rng.randrange(256) for _ in range(size * count)))
PY
}

# Garbage over pages 2 to 5 (page 1, the header and schema, stays: SQLite still takes it for a database).
garbage_over_pages 2 4 2009
[ "$(sqlite3 "$DB" "PRAGMA quick_check" 2>&1 | head -1)" != ok ] && pass || fail "the file is not damaged enough"
cp "$DB" "$WORK/damaged.copy"

start_kiosk --busy-timeout 1500
wait_screen trouble 20 || { cat "$WORK/kiosk.log"; }
stays_on trouble 7
grep -q "damaged" "$WORK/kiosk.log" && pass || fail "the log says the file is damaged"
cmp -s "$DB" "$WORK/damaged.copy" && pass || fail "the kiosk wrote to the damaged file"
expect_clear_failure "is damaged" "check on a damaged file" -- "$BIN" --db "$DB" check
expect_clear_failure "is damaged" "export on a damaged file" -- "$BIN" --db "$DB" export ideas
expect_clear_failure "is damaged" "event create on a damaged file" -- \
  "$BIN" --db "$DB" event create --title "Noch ein Abend"
cmp -s "$DB" "$WORK/damaged.copy" && pass || fail "a command wrote to the damaged file"

# [SECTION] The organiser restores the backup; the kiosk finds it by itself
"$BIN" --db "$DB" restore "$WORK/backup.db" >/dev/null && pass || fail "restore over the damaged file"
wait_screen attract 15
kiosk_alive
tap attract
wait_screen start 5
still_saved "$WORK/saved"
[ "$(sqlite3 "$DB" "PRAGMA quick_check")" = ok ] && pass || fail "quick_check after the restore"
stop_kiosk

# [SECTION] Damage that the kiosk's own reads would not meet: only the moderation log's page (read by the panel,
# never at start) is garbage. Everything the attract screen needs still reads; quick_check alone finds it.
garbage_over_pages "$(sqlite3 "$DB" "SELECT rootpage FROM sqlite_schema WHERE name = 'moderation_log'")" 1 2010
[ "$(sqlite3 "$DB" "SELECT count(*) > 0 FROM ideas" 2>&1)" = 1 ] && pass || fail "the ideas should still read"
[ "$(sqlite3 "$DB" "PRAGMA quick_check" 2>&1 | head -1)" != ok ] && pass || fail "quick_check should find the damaged log"
cp "$DB" "$WORK/damaged-log.copy"
# An export into a file checks the file beside the export (on the other core): the ideas read fine, the check
# does not, and no file (nor a temporary one) is left.
expect_clear_failure "is damaged" "export into a file with only the log damaged" -- \
  "$BIN" --db "$DB" export ideas -o "$WORK/from-damaged.csv"
[ -z "$(ls -A "$WORK" | grep from-damaged)" ] && pass || fail "an export file was left from the damaged database"
start_kiosk --busy-timeout 1500
wait_screen trouble 20
cmp -s "$DB" "$WORK/damaged-log.copy" && pass || fail "the kiosk wrote to the file with the damaged log"
"$BIN" --db "$DB" restore "$WORK/backup.db" >/dev/null && pass || fail "restore over the damaged log"
wait_screen attract 15
stop_kiosk
[ "$FAILURES" -gt 0 ] && tail -20 "$WORK/kiosk.log"
fault_summary corrupt garbage-pages
finish
