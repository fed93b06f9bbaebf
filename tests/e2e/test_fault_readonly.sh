#!/usr/bin/env bash
# Fault: the database cannot be written (a read-only file system or file). Started on it, the kiosk shows its
# trouble screen, not an attract screen whose first touch would fail, and leaves it by itself once the file is
# writable. A draft that meets a read-only file waits on the trouble screen and is saved exactly once later.
# The command line says so in one line.
# Method: a read-only bind mount when we may mount (an open file keeps its write access, so the file system can
# only turn read-only while the kiosk holds no connection: after a failure, between its retries); otherwise
# chmod, with the kiosk run as 'nobody' when we are root (root ignores file permissions).
# ctest-cost: 47
source "$(dirname "$0")/lib.sh"
export LIBGL_ALWAYS_SOFTWARE=1
start_display
AUTOMATION="$WORK/auto.json"
FS="$WORK/fs"        # where the file lives, always writable for the test itself
KIOSK_DIR="$FS"      # the kiosk's way to it
CLI_AS=()
if can_mount; then
  METHOD=bind-mount
  mount_tmpfs "$FS" 8m || { fail "cannot mount a tmpfs"; finish; exit 1; }
  KIOSK_DIR="$WORK/kiosk"
  mkdir -p "$KIOSK_DIR"
  mount --bind "$FS" "$KIOSK_DIR" && MOUNTS+=("$KIOSK_DIR") || { fail "cannot bind-mount"; finish; exit 1; }
elif [ "$(id -u)" != 0 ]; then
  METHOD=chmod
  mkdir -p "$FS"
elif command -v setpriv >/dev/null; then
  METHOD=chmod-as-nobody
  mkdir -p "$FS" "$WORK/kiosk-files"
  chmod 711 "$WORK"
  chown 65534:65534 "$FS" "$WORK/kiosk-files"
  AUTOMATION="$WORK/kiosk-files/auto.json"
  KIOSK_AS=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  CLI_AS=("${KIOSK_AS[@]}")
else
  echo "SKIP: root without mount and without setpriv cannot make a file read-only for the kiosk"
  fault_summary readonly skipped
  exit 0
fi
echo "read-only database by: $METHOD"
DB="$KIOSK_DIR/kiosk.db"
READ_DB="$FS/kiosk.db"
"$BIN" --db "$READ_DB" event load "$SRC/assets/event.example.toml" >/dev/null
"$BIN" --db "$READ_DB" demo --ideas 6 --votes 15 --seed 7 >/dev/null
[ "$METHOD" = chmod-as-nobody ] && chown -R 65534:65534 "$FS"
snapshot_saved "$WORK/saved"

make_readonly() {
  if [ "$METHOD" = bind-mount ]; then
    # Busy while the kiosk holds a connection (it retries every 5 s, each try at most the busy timeout).
    for _ in $(seq 1 100); do mount -o remount,bind,ro "$KIOSK_DIR" 2>/dev/null && { pass; return 0; }; sleep 0.2; done
    fail "the file system could not be made read-only"
    return 1
  fi
  chmod a-w "$FS" "$FS"/kiosk.db*
}
make_writable() {
  if [ "$METHOD" = bind-mount ]; then mount -o remount,bind,rw "$KIOSK_DIR"; else chmod u+w "$FS" "$FS"/kiosk.db*; fi
}
cli_under_fault() {
  expect_clear_failure "read-?only" "event create on a read-only database" -- \
    "${CLI_AS[@]}" "$BIN" --db "$DB" event create --title "Noch ein Abend"
}

# [SECTION] Started on a read-only database: the trouble screen, then the attract screen by itself.
# First with another connection open (a projector): its WAL and shared memory files let SQLite open the file
# for reading only, quietly; then without (SQLite cannot open it at all).
hold_connection "$READ_DB"
make_readonly
start_kiosk --busy-timeout 1500
wait_screen trouble 20 || { cat "$WORK/kiosk.log"; }
stays_on trouble 7
grep -qiE "read-?only" "$WORK/kiosk.log" && pass || fail "the log says the database is read-only"
cli_under_fault
release_connection
stays_on trouble 6
make_writable
wait_screen attract 15
kiosk_alive

# [SECTION] A draft meets a read-only file: another process's lock makes the first try fail, the file turns
# read-only while the kiosk waits, and the draft is saved once it is writable again
draft_to_review "Nur zum Lesen" || { finish; exit 1; }
hold_lock "$READ_DB"
marker=$(wc -l <"$WORK/kiosk.log")
tap send
wait_screen trouble 10
make_readonly
release_lock
stays_on trouble 11
tail -n +"$marker" "$WORK/kiosk.log" | grep -qiE "read-?only" && pass || fail "a retry met the read-only file"
# (Read from the log: a reader may not be able to open a WAL file in a read-only folder.)
tail -n +"$marker" "$WORK/kiosk.log" | grep -q "confirmed idea" && fail "saved while read-only?" || pass
make_writable
wait_screen thanks 15
[ "$(ideas_titled "Nur zum Lesen")" = 1 ] && pass || fail "the draft was saved exactly once when the file was writable"
kiosk_alive

still_saved "$WORK/saved"
[ "$(sqlite3 "$READ_DB" "PRAGMA quick_check")" = ok ] && pass || fail "quick_check after the read-only spell"
stop_kiosk
[ "$FAILURES" -gt 0 ] && tail -20 "$WORK/kiosk.log"
fault_summary readonly "$METHOD"
finish
