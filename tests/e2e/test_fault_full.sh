#!/usr/bin/env bash
# Fault: the disk is full. The kiosk shows its trouble screen with the draft kept, keeps what was saved, saves
# the draft exactly once by itself when space is back, and without a draft stays on the trouble screen until a
# commit works again (not merely until the file opens). The command line says so in one line.
# Method: a small tmpfs filled with a file when we may mount; otherwise a file size limit on the running kiosk
# (prlimit --fsize: SQLite's writes beyond it fail with EFBIG, the kiosk ignores SIGXFSZ).
# ctest-cost: 48
source "$(dirname "$0")/lib.sh"
export LIBGL_ALWAYS_SOFTWARE=1
start_display
AUTOMATION="$WORK/auto.json"
FS="$WORK/disk"
if can_mount; then
  METHOD=tmpfs
  mount_tmpfs "$FS" 4m || { fail "cannot mount a tmpfs"; finish; exit 1; }
else
  METHOD=prlimit
  mkdir -p "$FS"
fi
echo "full disk by: $METHOD"
DB="$FS/kiosk.db"
"$BIN" --db "$DB" event load "$SRC/assets/event.example.toml" >/dev/null
if [ "$METHOD" = prlimit ]; then
  # A limit on the file size only stops writes that grow a file past it. Another connection stays open so the
  # WAL is never checkpointed away and restarted from its beginning (which would write below the limit); the
  # seed data below then makes it larger than the kiosk's log and automation files.
  hold_connection "$DB"
fi
"$BIN" --db "$DB" demo --ideas 8 --votes 20 --seed 5 >/dev/null
snapshot_saved "$WORK/saved"

LIMIT=""
FILLER=""
make_full() {
  if [ "$METHOD" = tmpfs ]; then
    dd if=/dev/zero of="$FS/filler" bs=64k status=none 2>/dev/null
    [ "$(stat -f -c %a "$FS")" = 0 ] && pass || fail "the tmpfs still has $(stat -f -c %a "$FS") free blocks"
    # The disk stays full: when the kiosk closes its connection, SQLite checkpoints and deletes the WAL, which
    # frees space; whatever filled the disk takes it again (here within 0.2 s, long before the next retry).
    while :; do dd if=/dev/zero bs=4k status=none >>"$FS/filler" 2>/dev/null; sleep 0.2; done &
    FILLER=$!
    CHILDREN+=("$FILLER")
  else
    LIMIT=$(stat -c %s "$DB-wal")
    local biggest
    biggest=$(stat -c %s "$WORK/kiosk.log" "$AUTOMATION" | sort -n | tail -1)
    [ "$LIMIT" -gt $((biggest * 2)) ] && pass || fail "the WAL ($LIMIT bytes) is too small to limit it alone"
    prlimit --pid "$PID" --fsize="$LIMIT:"
  fi
}
make_roomy() {
  if [ "$METHOD" = tmpfs ]; then
    kill "$FILLER"; wait "$FILLER" 2>/dev/null
    rm -f "$FS/filler"
  else
    prlimit --pid "$PID" --fsize=unlimited:
  fi
}
# The command line under the same fault: one clear line and a non-zero exit.
cli_under_fault() {
  local limit=()
  [ "$METHOD" = prlimit ] && limit=(prlimit "--fsize=$LIMIT:")
  expect_clear_failure "disk is full|size limit" "event create on a full disk" -- \
    "${limit[@]}" "$BIN" --db "$DB" event create --title "Noch ein Abend"
}

start_kiosk --busy-timeout 1500
wait_screen attract 20 || { cat "$WORK/kiosk.log"; finish; exit 1; }

# [SECTION] With a draft: trouble, the draft waits, saved once when space is back
draft_to_review "Volle Platte im Glashaus" || { finish; exit 1; }
make_full
marker=$(wc -l <"$WORK/kiosk.log")
tap send
wait_screen trouble 10
stays_on trouble 7   # the retry after 5 s fails too
# (Read from the log: on a full disk even a reader may fail to set up its shared memory file.)
tail -n +"$marker" "$WORK/kiosk.log" | grep -q "confirmed idea" && fail "saved on a full disk?" || pass
grep -q "storage failed: .*\(disk is full\|size limit\)" "$WORK/kiosk.log" && pass || fail "the log names the full disk"
cli_under_fault
make_roomy
wait_screen thanks 15
[ "$(ideas_titled "Volle Platte im Glashaus")" = 1 ] && pass || fail "the draft was saved exactly once after the disk had room"
kiosk_alive

# [SECTION] Without a draft: the trouble screen lasts until a commit works, then the attract screen by itself
tap done
wait_screen attract 10
make_full
tap attract
wait_screen trouble 10
stays_on trouble 12  # opening the file works on a full disk; only a commit tells
make_roomy
wait_screen attract 15
kiosk_alive

fault_end full "$METHOD" "the full disk"
