#!/usr/bin/env bash
# Fault: another process holds the database's write lock longer than the busy timeout. The kiosk shows its
# trouble screen with the draft kept and saves it exactly once by itself when the lock goes; without a draft it
# stays on the trouble screen until a commit works again. What was saved stays; the command line says
# "database is locked" in one line after its own busy timeout (5 s).
# ctest-cost: 50
source "$(dirname "$0")/lib.sh"
kiosk_setup --ideas 6 --votes 15 --seed 11
snapshot_saved "$WORK/saved"

# The kiosk waits 1.5 s for a lock (5 s by default) so that the test stays short.
start_kiosk --busy-timeout 1500
wait_screen attract 20 || { cat "$WORK/kiosk.log"; finish; exit 1; }

# [SECTION] With a draft
draft_to_review "Gesperrt aber gemerkt" || { finish; exit 1; }
hold_lock "$DB"
tap send
wait_screen trouble 10
stays_on trouble 7
[ "$(ideas_titled "Gesperrt aber gemerkt")" = 0 ] && pass || fail "nothing saved while locked"
grep -q "storage failed: .*database is locked" "$WORK/kiosk.log" && pass || fail "the log says the database is locked"
expect_clear_failure "database is locked" "event create while another process holds the lock" -- \
  "$BIN" --db "$DB" event create --title "Noch ein Abend"
release_lock
wait_screen thanks 15
[ "$(ideas_titled "Gesperrt aber gemerkt")" = 1 ] && pass || fail "the draft was saved exactly once after the lock went"
kiosk_alive

# [SECTION] Without a draft: opening works under a lock, so only a commit may end the trouble screen
tap done
wait_screen attract 10
hold_lock "$DB"
tap attract
wait_screen trouble 10
stays_on trouble 12
release_lock
wait_screen attract 15
kiosk_alive

fault_end locked lock-holder "the lock"
